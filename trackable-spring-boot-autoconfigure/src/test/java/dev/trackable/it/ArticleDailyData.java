package dev.trackable.it;

import dev.trackable.TrackableDataset;
import dev.trackable.TrackableTimeSeriesData;
import jakarta.persistence.Entity;

@Entity
@TrackableDataset(parent = Article.class)
public class ArticleDailyData extends TrackableTimeSeriesData {

	private long impressions;

	private int clickThroughs;

	public long getImpressions() {
		return this.impressions;
	}

	public int getClickThroughs() {
		return this.clickThroughs;
	}

}
