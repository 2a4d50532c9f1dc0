package dev.trackable.sample.counts;

import dev.trackable.TrackableDataset;
import dev.trackable.TrackableTimeSeriesData;
import dev.trackable.sample.article.Article;
import jakarta.persistence.Entity;

/**
 * Daily counts of an article, registered by annotation. The collector writes the rows; the application only reads
 * them, so the counters have no setters.
 */
@Entity
@TrackableDataset(parent = Article.class)
public class ArticleTrackableData extends TrackableTimeSeriesData {

	private long impressions;

	private long clickThroughs;

	public long getImpressions() {
		return this.impressions;
	}

	public long getClickThroughs() {
		return this.clickThroughs;
	}

}
