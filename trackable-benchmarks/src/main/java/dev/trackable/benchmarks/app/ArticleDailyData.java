package dev.trackable.benchmarks.app;

import dev.trackable.TrackableDataset;
import dev.trackable.TrackableTimeSeriesData;
import jakarta.persistence.Entity;

/**
 * Daily rows: the first of the two datasets every increment of {@code impressions} reaches.
 */
@Entity
@TrackableDataset(parent = Article.class)
public class ArticleDailyData extends TrackableTimeSeriesData {

	private long impressions;

	private long clickThroughs;

	public long getImpressions() {
		return this.impressions;
	}

	public long getClickThroughs() {
		return this.clickThroughs;
	}

}
