package dev.trackable.accumulate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.trackable.Dataset;
import dev.trackable.IncrementSink;
import dev.trackable.message.CountRow;
import org.jspecify.annotations.Nullable;

/**
 * Sums increments in memory until the publisher drains them, one cell per dataset, parent, period and counter.
 * <p>
 * Lock-free on both sides: a caller adds to a cell with a compare-and-set, and the publisher takes a cell's sum with
 * an atomic get-and-set, so neither ever waits for the other. A cell that stayed at zero for a whole interval is
 * retired so that the map does not grow with every object ever counted; a caller that finds a retired cell removes it
 * and adds a fresh one, so no increment can land in a cell the publisher no longer reads.
 */
public final class Accumulator implements IncrementSink {

	private static final long RETIRED = Long.MIN_VALUE;

	private final Map<Key, AtomicLong> cells = new ConcurrentHashMap<>();

	private final int drainThreshold;

	private final Runnable onThreshold;

	/**
	 * Creates an accumulator.
	 * @param drainThreshold the number of distinct cells at which the publisher is asked to drain early
	 * @param onThreshold how to ask it; called on the request path, so it must not block
	 */
	public Accumulator(int drainThreshold, Runnable onThreshold) {
		this.drainThreshold = drainThreshold;
		this.onThreshold = onThreshold;
	}

	@Override
	public void add(Dataset dataset, Object parentId, @Nullable LocalDateTime period, Dataset.Counter counter,
			long amount) {
		Key key = new Key(dataset, parentId, period, counter.index());
		for (;;) {
			AtomicLong cell = this.cells.get(key);
			if (cell == null) {
				AtomicLong created = new AtomicLong(amount);
				if (this.cells.putIfAbsent(key, created) == null) {
					if (this.cells.size() >= this.drainThreshold) {
						this.onThreshold.run();
					}
					return;
				}
				continue;
			}
			long sum = cell.get();
			if (sum == RETIRED) {
				this.cells.remove(key, cell);
			}
			else if (cell.compareAndSet(sum, sum + amount)) {
				return;
			}
		}
	}

	/** @return the number of cells currently held */
	public int size() {
		return this.cells.size();
	}

	/**
	 * Takes everything accumulated since the last drain.
	 * @return the sums, grouped by dataset and by parent and period; zero sums are left out
	 */
	public Map<Dataset, List<CountRow>> drain() {
		Map<Dataset, Map<RowKey, Map<String, Long>>> drained = new LinkedHashMap<>();
		for (Map.Entry<Key, AtomicLong> entry : this.cells.entrySet()) {
			AtomicLong cell = entry.getValue();
			long sum = take(cell);
			if (sum == RETIRED) {
				continue;
			}
			if (sum == 0) {
				if (cell.compareAndSet(0, RETIRED)) {
					this.cells.remove(entry.getKey(), cell);
				}
				continue;
			}
			Key key = entry.getKey();
			drained.computeIfAbsent(key.dataset, (dataset) -> new LinkedHashMap<>())
				.computeIfAbsent(new RowKey(key.parentId.toString(), key.period), (row) -> new LinkedHashMap<>())
				.merge(key.dataset.counters().get(key.counter).name(), sum, Long::sum);
		}
		Map<Dataset, List<CountRow>> rows = new LinkedHashMap<>();
		drained.forEach((dataset, byRow) -> {
			List<CountRow> list = new ArrayList<>(byRow.size());
			byRow.forEach((row, counts) -> list.add(new CountRow(row.parentId, row.period, counts)));
			rows.put(dataset, list);
		});
		return rows;
	}

	/**
	 * Takes a cell's sum and leaves zero in it, unless the cell is retired. A retired cell is never written again, not
	 * even for a moment: a caller still holding it could otherwise add to it and have its amount overwritten.
	 * @param cell a cell
	 * @return its sum, or {@link #RETIRED}
	 */
	private static long take(AtomicLong cell) {
		for (;;) {
			long sum = cell.get();
			if (sum == RETIRED || cell.compareAndSet(sum, 0)) {
				return sum;
			}
		}
	}

	/**
	 * A cell's key. The parent id is a string, or a boxed integer or UUID (see {@link IncrementSink}): ids with the
	 * same string in both forms, which one parent class does not mix, are summed into one row when drained.
	 */
	private record Key(Dataset dataset, Object parentId, @Nullable LocalDateTime period, int counter) {
	}

	private record RowKey(String parentId, @Nullable LocalDateTime period) {
	}

}
