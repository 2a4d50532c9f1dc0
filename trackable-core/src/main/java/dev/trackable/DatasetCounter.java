package dev.trackable;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A running count per dataset name that many threads add to without taking a lock, for metrics to read: once a
 * dataset has been counted, adding to it is a map lookup and a {@link LongAdder} increment, cheap enough for the
 * request path. Counts only grow.
 */
public final class DatasetCounter {

	private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();

	/**
	 * Adds to a dataset's count.
	 * @param dataset the dataset's name
	 * @param amount the amount to add, zero or positive
	 */
	public void add(String dataset, long amount) {
		LongAdder count = this.counts.get(dataset);
		if (count == null) {
			count = this.counts.computeIfAbsent(dataset, (name) -> new LongAdder());
		}
		count.add(amount);
	}

	/**
	 * Adds one to a dataset's count.
	 * @param dataset the dataset's name
	 */
	public void increment(String dataset) {
		add(dataset, 1);
	}

	/**
	 * Returns a dataset's count.
	 * @param dataset the dataset's name
	 * @return its count, 0 if it was never counted
	 */
	public long count(String dataset) {
		LongAdder count = this.counts.get(dataset);
		return (count != null) ? count.sum() : 0;
	}

	/** @return the sum of every dataset's count */
	public long total() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
