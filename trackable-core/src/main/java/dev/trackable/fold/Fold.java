package dev.trackable.fold;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableRegistry;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountRow;
import dev.trackable.message.MalformedMessageException;

/**
 * Sums a chunk of messages into one delta per dataset row, so that thousands of increments become a few upserts.
 * <p>
 * Datasets and fields are resolved through the registry. A message is checked whole before any of it is added, so a
 * malformed message leaves the fold as it was.
 */
public final class Fold {

	private final TrackableRegistry registry;

	private final SortedMap<Dataset, SortedMap<RowKey, long[]>> rows = new TreeMap<>(
			Comparator.comparing(Dataset::name));

	private int messages;

	private long increments;

	public Fold(TrackableRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Adds a message's increments.
	 * @param message a decoded message
	 * @throws MalformedMessageException if the message names an unknown dataset or field, a period that does not fit
	 * the dataset, or an amount out of the counter's range; the fold is then unchanged
	 */
	public void add(CountMessage message) {
		Dataset dataset = this.registry.dataset(message.dataset());
		if (dataset == null) {
			throw new MalformedMessageException("unknown-dataset", "Unknown dataset '" + message.dataset() + "'");
		}
		SortedMap<RowKey, long[]> target = this.rows.getOrDefault(dataset, new TreeMap<>());
		Map<RowKey, long[]> updated = new HashMap<>();
		for (CountRow row : message.rows()) {
			RowKey key = new RowKey(row.parentId(), row.period());
			checkPeriod(dataset, key);
			long[] sums = updated.computeIfAbsent(key, (k) -> {
				long[] existing = target.get(k);
				return (existing != null) ? existing.clone() : new long[dataset.counters().size()];
			});
			for (Map.Entry<String, Long> count : row.counts().entrySet()) {
				if (!dataset.hasCounter(count.getKey())) {
					throw new MalformedMessageException("unknown-field", "Dataset " + dataset.name()
							+ " has no counter '" + count.getKey() + "'; its counters are " + dataset.counterNames());
				}
				Dataset.Counter counter = dataset.counter(count.getKey());
				sums[counter.index()] = checkedSum(counter, sums[counter.index()], count.getValue());
			}
		}
		target.putAll(updated);
		this.rows.put(dataset, target);
		this.messages++;
		this.increments += message.countCount();
	}

	private static void checkPeriod(Dataset dataset, RowKey key) {
		Period period = dataset.period();
		if (period == null && key.period() != null) {
			throw new MalformedMessageException("invalid-period",
					"Dataset " + dataset.name() + " keeps all-time totals but a row has period " + key.period());
		}
		if (period != null && (key.period() == null || !period.start(key.period()).equals(key.period()))) {
			throw new MalformedMessageException("invalid-period", "Row period " + key.period()
					+ " is not the start of a " + period + " period of dataset " + dataset.name());
		}
	}

	private static long checkedSum(Dataset.Counter counter, long sum, long amount) {
		long max = counter.maxValue();
		if (amount > max || amount < -max) {
			throw new MalformedMessageException("invalid-amount",
					"Amount " + amount + " of '" + counter.name() + "' is out of the counter's range");
		}
		// Both operands are within [-max, max]; for long counters their sum can still overflow 64 bits.
		long result = sum + amount;
		boolean overflow = ((sum ^ result) & (amount ^ result)) < 0;
		if (overflow || result > max || result < -max) {
			throw new MalformedMessageException("invalid-amount",
					"The sum of '" + counter.name() + "' in this chunk would overflow the counter");
		}
		return result;
	}

	/** @return the summed deltas per dataset and row, both in a stable order */
	public SortedMap<Dataset, SortedMap<RowKey, long[]>> rows() {
		return this.rows;
	}

	/** @return the number of messages added */
	public int messages() {
		return this.messages;
	}

	/** @return the number of counter increments the added messages carried */
	public long increments() {
		return this.increments;
	}

	/** @return the number of distinct rows the fold will write */
	public int rowCount() {
		return this.rows.values().stream().mapToInt(Map::size).sum();
	}

}
