package dev.trackable;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;

/** A daily time series of {@link Article}, with every kind of counter and some attributes that are not counters. */
@Entity
class ArticleDailyData extends TrackableTimeSeriesData {

	static long staticCount;

	long impressions;

	int clickThroughs;

	Integer shares;

	Long likes;

	transient long transientCount;

	@Transient
	long annotatedTransient;

	String title;

}
