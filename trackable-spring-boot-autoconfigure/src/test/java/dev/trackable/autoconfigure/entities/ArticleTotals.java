package dev.trackable.autoconfigure.entities;

import dev.trackable.TrackableData;
import jakarta.persistence.Entity;

/** All-time totals, not annotated: registered only by a {@link dev.trackable.TrackableConfigurer}. */
@Entity
public class ArticleTotals extends TrackableData {

	private long downloads;

	public long getDownloads() {
		return this.downloads;
	}

}
