package dev.trackable.it;

import dev.trackable.TrackableData;
import jakarta.persistence.Entity;

/** All-time totals, registered programmatically by {@link TestApplication}. */
@Entity
public class ArticleTotals extends TrackableData {

	private long impressions;

	private Long downloads;

	public long getImpressions() {
		return this.impressions;
	}

	public Long getDownloads() {
		return this.downloads;
	}

}
