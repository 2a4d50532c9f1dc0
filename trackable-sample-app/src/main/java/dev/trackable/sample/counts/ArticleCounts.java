package dev.trackable.sample.counts;

import java.time.LocalDate;
import java.util.Map;

/**
 * What has been counted about an article so far: its all-time totals and its counts per day.
 *
 * @param slug the article's slug
 * @param totals the all-time counts, from {@link ArticleTotals}
 * @param daily the counts of each day that has any, oldest first, from {@link ArticleTrackableData}
 */
public record ArticleCounts(String slug, Counts totals, Map<LocalDate, Counts> daily) {

	/**
	 * The counters of one row.
	 *
	 * @param impressions how often the article was shown
	 * @param clickThroughs how often its "read more" link was followed
	 */
	public record Counts(long impressions, long clickThroughs) {

		/** The counts of an article the collector has not counted anything for yet. */
		static final Counts NONE = new Counts(0, 0);

	}

}
