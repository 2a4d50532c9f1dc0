package dev.trackable;

import jakarta.persistence.Entity;

/** An hourly time series of {@link Article}. */
@Entity
class ArticleHourlyData extends TrackableTimeSeriesData {

	long impressions;

}
