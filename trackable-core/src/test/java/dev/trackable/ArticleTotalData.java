package dev.trackable;

import jakarta.persistence.Entity;

/** All-time totals of {@link Article}, under an explicit entity name. */
@Entity(name = "ArticleTotals")
class ArticleTotalData extends TrackableData {

	long impressions;

	long downloads;

}
