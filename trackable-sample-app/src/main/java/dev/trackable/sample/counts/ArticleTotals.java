package dev.trackable.sample.counts;

import dev.trackable.TrackableData;
import jakarta.persistence.Entity;

/**
 * All-time counts of an article: one row per article. Registered programmatically by
 * {@link TrackingConfiguration} rather than by annotation, to show the other way of registering a dataset.
 */
@Entity
public class ArticleTotals extends TrackableData {

	private long impressions;

	private long clickThroughs;

	public long getImpressions() {
		return this.impressions;
	}

	public long getClickThroughs() {
		return this.clickThroughs;
	}

}
