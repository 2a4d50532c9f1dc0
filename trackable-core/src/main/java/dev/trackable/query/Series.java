package dev.trackable.query;

import java.time.LocalDateTime;
import java.util.List;

import dev.trackable.Period;

/**
 * The values of one counter of one parent, period by period, with a point for every period of the range: periods
 * without a row count zero.
 *
 * @param field the counter
 * @param period the dataset's period
 * @param points one point per period, oldest first
 */
public record Series(String field, Period period, List<Point> points) {

	public Series {
		points = List.copyOf(points);
	}

	/** @return the sum of the points */
	public long total() {
		return this.points.stream().mapToLong(Point::value).sum();
	}

	/**
	 * The value of a counter in one period.
	 *
	 * @param period the start of the period
	 * @param value the counter's value in it, 0 when it has no row
	 */
	public record Point(LocalDateTime period, long value) {

	}

}
