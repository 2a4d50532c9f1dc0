package dev.trackable.query;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A half-open range of periods, {@code [from, until)}, in local date-times of {@code trackable.time-zone} like the
 * rows' {@code collectedDuring}. A row belongs to the range when the start of its period does; a missing end leaves
 * that side open.
 *
 * @param from the earliest period start included, or {@code null} for no lower bound
 * @param until the first period start excluded, or {@code null} for no upper bound
 */
public record TimeRange(@Nullable LocalDateTime from, @Nullable LocalDateTime until) {

	/** Every period. */
	public static final TimeRange ALL = new TimeRange(null, null);

	public TimeRange {
		if (from != null && until != null && !from.isBefore(until)) {
			throw new IllegalArgumentException("A range must end after it starts: " + from + " is not before " + until);
		}
	}

	/**
	 * A bounded range.
	 * @param from the earliest period start included
	 * @param until the first period start excluded
	 * @return the range
	 */
	public static TimeRange between(LocalDateTime from, LocalDateTime until) {
		return new TimeRange(from, until);
	}

	/** @return whether both ends are set */
	public boolean isBounded() {
		return this.from != null && this.until != null;
	}

	/** @return whether neither end is set */
	public boolean isAll() {
		return this.from == null && this.until == null;
	}

}
