package dev.trackable;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The length of the periods a {@link TrackableTimeSeriesData} dataset keeps rows for.
 * <p>
 * Periods are computed on local date-times in the configured time zone, so a day is a calendar day there even when
 * it lasts 23 or 25 hours.
 */
public enum Period {

	HOUR, DAY,
	/** An ISO week, starting on Monday. */
	WEEK, MONTH;

	/**
	 * Returns the start of the period that contains the given local date-time.
	 * @param time a local date-time
	 * @return the start of its period
	 */
	public LocalDateTime start(LocalDateTime time) {
		return switch (this) {
			case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
			case DAY -> time.truncatedTo(ChronoUnit.DAYS);
			case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
		};
	}

	/**
	 * Returns the start of the period after the one that starts at the given time.
	 * @param start the start of a period
	 * @return the start of the next period
	 */
	public LocalDateTime next(LocalDateTime start) {
		return switch (this) {
			case HOUR -> start.plusHours(1);
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
		};
	}

}
