package dev.trackable;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.NaturalId;

/**
 * Base class of a dataset that keeps one row per parent object and period (a day by default, see {@link Period}).
 */
@MappedSuperclass
public abstract class TrackableTimeSeriesData extends TrackableData {

	/** The start of the period in which the counted events happened, in {@code trackable.time-zone}. */
	@NaturalId
	@Column(nullable = false)
	private LocalDateTime collectedDuring = LocalDateTime.MIN;

	public LocalDateTime getCollectedDuring() {
		return this.collectedDuring;
	}

}
