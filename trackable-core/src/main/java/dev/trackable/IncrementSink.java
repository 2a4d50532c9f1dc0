package dev.trackable;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Where validated increments go: the in-memory accumulator (batched publishing) or the broker directly (immediate
 * publishing).
 */
@FunctionalInterface
public interface IncrementSink {

	/**
	 * Adds an amount to a counter.
	 * @param dataset the dataset
	 * @param parentId the parent's id as a string
	 * @param period the start of the current period, or {@code null} for all-time totals
	 * @param counter the counter
	 * @param amount the amount, negative to decrement
	 */
	void add(Dataset dataset, String parentId, @Nullable LocalDateTime period, Dataset.Counter counter, long amount);

}
