package dev.trackable.message;

import java.time.LocalDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The increments of one parent in one period.
 *
 * @param parentId the parent's id as a string
 * @param period the start of the period, or {@code null} for all-time totals
 * @param counts the amount to add to each counter, by field name
 */
public record CountRow(String parentId, @Nullable LocalDateTime period, Map<String, Long> counts) {

	public CountRow {
		counts = Map.copyOf(counts);
	}

}
