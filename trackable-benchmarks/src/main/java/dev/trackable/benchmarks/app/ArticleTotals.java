package dev.trackable.benchmarks.app;

import dev.trackable.TrackableData;
import dev.trackable.TrackableDataset;
import jakarta.persistence.Entity;

/**
 * All-time totals: the second of the two datasets every increment of {@code impressions} reaches.
 */
@Entity
@TrackableDataset(parent = Article.class)
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
