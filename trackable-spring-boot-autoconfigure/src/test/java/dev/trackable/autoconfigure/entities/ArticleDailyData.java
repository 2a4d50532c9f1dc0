package dev.trackable.autoconfigure.entities;

import dev.trackable.TrackableDataset;
import dev.trackable.TrackableTimeSeriesData;
import jakarta.persistence.Entity;

/** A time series registered by its annotation. */
@Entity
@TrackableDataset(parent = Article.class)
public class ArticleDailyData extends TrackableTimeSeriesData {

	private long impressions;

	public long getImpressions() {
		return this.impressions;
	}

}
