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
	 * @param parentId the parent's id: a {@link Long}, {@link Integer}, {@link Short}, {@link Byte} or
	 * {@link java.util.UUID} as it is, so that the request path need not make a string of it, otherwise its string;
	 * what is stored is its {@code toString()}
	 * @param period the start of the current period, or {@code null} for all-time totals
	 * @param counter the counter
	 * @param amount the amount, negative to decrement
	 */
	void add(Dataset dataset, Object parentId, @Nullable LocalDateTime period, Dataset.Counter counter, long amount);

	/**
	 * Publishes what the sink holds back, such as the local spool after an outage, so that a collection run now sees
	 * every increment made so far. A sink that holds nothing back has nothing to do.
	 * @return whether everything reached the broker
	 */
	default boolean publishPending() {
		return true;
	}

}
