package dev.trackable.accumulate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableData;
import dev.trackable.TrackableRegistry;
import dev.trackable.TrackableTimeSeriesData;
import dev.trackable.message.CountRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AccumulatorTests {

	private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 23, 0, 0);

	private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);

	private final TrackableRegistry registry = new TrackableRegistry();

	private final Dataset daily = this.registry.register(Item.class, ItemDailyData.class, Period.DAY);

	private final Dataset totals = this.registry.register(Item.class, ItemTotals.class);

	private final AtomicInteger thresholdCalls = new AtomicInteger();

	private final Accumulator accumulator = new Accumulator(Integer.MAX_VALUE, this.thresholdCalls::incrementAndGet);

	private void add(Accumulator accumulator, Dataset dataset, String parentId, @Nullable LocalDateTime period,
			String counter, long amount) {
		accumulator.add(dataset, parentId, period, dataset.counter(counter), amount);
	}

	private void add(Dataset dataset, String parentId, @Nullable LocalDateTime period, String counter, long amount) {
		add(this.accumulator, dataset, parentId, period, counter, amount);
	}

	@Test
	void sumsIncrementsPerCell() {
		add(this.daily, "1", MONDAY, "views", 1);
		add(this.daily, "1", MONDAY, "views", 2);
		add(this.daily, "1", MONDAY, "views", 3);
		add(this.daily, "1", MONDAY, "clicks", 10);
		assertThat(this.accumulator.size()).isEqualTo(2);
		assertThat(this.accumulator.drain()).containsExactly(
				entry(this.daily, List.of(new CountRow("1", MONDAY, Map.of("views", 6L, "clicks", 10L)))));
	}

	@Test
	void idsAsTheyAreAndAsStringsAreDrainedAsStringsIntoOneRow() {
		UUID uuid = UUID.fromString("0b3c8c9e-4a4c-4a8e-9c1e-2f8f8f1d2a10");
		this.accumulator.add(this.totals, 42L, null, this.totals.counter("views"), 1);
		this.accumulator.add(this.totals, 42, null, this.totals.counter("views"), 2);
		this.accumulator.add(this.totals, "42", null, this.totals.counter("views"), 3);
		this.accumulator.add(this.totals, uuid, null, this.totals.counter("views"), 4);
		assertThat(this.accumulator.drain().get(this.totals)).containsExactlyInAnyOrder(
				new CountRow("42", null, Map.of("views", 6L)), new CountRow(uuid.toString(), null, Map.of("views", 4L)));
	}

	@Test
	void drainGroupsRowsByDatasetParentAndPeriod() {
		add(this.daily, "1", MONDAY, "views", 1);
		add(this.daily, "1", TUESDAY, "views", 2);
		add(this.daily, "2", MONDAY, "clicks", 3);
		add(this.totals, "1", null, "views", 4);
		add(this.totals, "2", null, "views", 5);
		Map<Dataset, List<CountRow>> drained = this.accumulator.drain();
		assertThat(drained).containsOnlyKeys(this.daily, this.totals);
		assertThat(drained.get(this.daily)).containsExactlyInAnyOrder(new CountRow("1", MONDAY, Map.of("views", 1L)),
				new CountRow("1", TUESDAY, Map.of("views", 2L)), new CountRow("2", MONDAY, Map.of("clicks", 3L)));
		assertThat(drained.get(this.totals)).containsExactlyInAnyOrder(new CountRow("1", null, Map.of("views", 4L)),
				new CountRow("2", null, Map.of("views", 5L)));
	}

	@Test
	void drainResetsTheSums() {
		add(this.daily, "1", MONDAY, "views", 5);
		assertThat(this.accumulator.drain()).isNotEmpty();
		add(this.daily, "1", MONDAY, "views", 2);
		assertThat(this.accumulator.drain())
			.containsExactly(entry(this.daily, List.of(new CountRow("1", MONDAY, Map.of("views", 2L)))));
	}

	@Test
	void aSecondDrainWithoutIncrementsReturnsNothing() {
		add(this.daily, "1", MONDAY, "views", 5);
		add(this.totals, "1", null, "views", 5);
		assertThat(this.accumulator.drain()).hasSize(2);
		assertThat(this.accumulator.drain()).isEmpty();
		assertThat(this.accumulator.drain()).isEmpty();
	}

	@Test
	void drainOfAnEmptyAccumulatorReturnsNothing() {
		assertThat(this.accumulator.drain()).isEmpty();
		assertThat(this.accumulator.size()).isZero();
	}

	@Test
	void negativeAndMixedAmountsAreSummed() {
		add(this.daily, "1", MONDAY, "views", -3);
		add(this.daily, "2", MONDAY, "views", 5);
		add(this.daily, "2", MONDAY, "views", -2);
		add(this.daily, "2", MONDAY, "views", -10);
		assertThat(this.accumulator.drain().get(this.daily)).containsExactlyInAnyOrder(
				new CountRow("1", MONDAY, Map.of("views", -3L)), new CountRow("2", MONDAY, Map.of("views", -7L)));
	}

	@Test
	void sumsThatCancelOutAreLeftOut() {
		add(this.daily, "1", MONDAY, "views", 3);
		add(this.daily, "1", MONDAY, "views", -3);
		add(this.daily, "1", MONDAY, "clicks", 1);
		add(this.totals, "1", null, "views", 4);
		add(this.totals, "1", null, "views", -4);
		assertThat(this.accumulator.drain())
			.containsExactly(entry(this.daily, List.of(new CountRow("1", MONDAY, Map.of("clicks", 1L)))));
	}

	@Test
	void onThresholdRunsWhenTheDistinctCellCountReachesTheThreshold() {
		AtomicInteger calls = new AtomicInteger();
		Accumulator small = new Accumulator(3, calls::incrementAndGet);
		add(small, this.daily, "1", MONDAY, "views", 1);
		add(small, this.daily, "2", MONDAY, "views", 1);
		add(small, this.daily, "1", MONDAY, "views", 1);
		add(small, this.daily, "2", MONDAY, "views", 7);
		assertThat(calls).hasValue(0);
		add(small, this.daily, "1", MONDAY, "clicks", 1);
		assertThat(small.size()).isEqualTo(3);
		assertThat(calls).hasValue(1);
		add(small, this.daily, "1", MONDAY, "clicks", 1);
		add(small, this.daily, "2", MONDAY, "views", 1);
		assertThat(calls).hasValue(1);
		add(small, this.totals, "1", null, "views", 1);
		assertThat(calls).hasValue(2);
	}

	@Test
	void onThresholdIsNotRunBelowTheThreshold() {
		for (int i = 0; i < 100; i++) {
			add(this.daily, Integer.toString(i), MONDAY, "views", 1);
		}
		assertThat(this.accumulator.size()).isEqualTo(100);
		assertThat(this.thresholdCalls).hasValue(0);
	}

	@Test
	void aCellIdleForOneDrainIsRetired() {
		add(this.daily, "1", MONDAY, "views", 1);
		add(this.daily, "2", MONDAY, "views", 1);
		this.accumulator.drain();
		assertThat(this.accumulator.size()).isEqualTo(2);
		add(this.daily, "2", MONDAY, "views", 1);
		this.accumulator.drain();
		assertThat(this.accumulator.size()).isEqualTo(1);
		this.accumulator.drain();
		assertThat(this.accumulator.size()).isZero();
	}

	@Test
	void anIncrementToARetiredCellIsStillCounted() {
		add(this.daily, "1", MONDAY, "views", 3);
		assertThat(this.accumulator.drain()).hasSize(1);
		assertThat(this.accumulator.drain()).isEmpty();
		assertThat(this.accumulator.size()).isZero();
		add(this.daily, "1", MONDAY, "views", 2);
		assertThat(this.accumulator.size()).isEqualTo(1);
		assertThat(this.accumulator.drain())
			.containsExactly(entry(this.daily, List.of(new CountRow("1", MONDAY, Map.of("views", 2L)))));
	}

	/**
	 * Writers add to a handful of cells with amounts that often cancel out, so that the drainer finds cells at zero and
	 * retires them while writers are adding to them. Whatever interleaving happens, the sum of everything drained must equal exactly what was added, cell by cell.
	 */
	@RepeatedTest(3)
	void concurrentIncrementsAndDrainsLoseNothing() throws Exception {
		assertConcurrentIncrementsAreNotLost(4, 1);
	}

	/** The publisher drains from one thread, but drain() does not forbid concurrent calls: they must lose nothing. */
	@RepeatedTest(3)
	void concurrentDrainsLoseNothing() throws Exception {
		assertConcurrentIncrementsAreNotLost(3, 2);
	}

	private void assertConcurrentIncrementsAreNotLost(int writers, int drainers) throws Exception {
		int incrementsPerWriter = 150_000;
		String[] parents = { "a", "b", "c" };
		String[] counters = { "views", "clicks" };
		long[] amounts = { 1, -1, 2, -2, 1, -1, 3 };
		Accumulator shared = new Accumulator(4, () -> {
		});
		ExecutorService executor = Executors.newFixedThreadPool(writers + drainers);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean writing = new AtomicBoolean(true);
		try {
			List<Future<Map<String, Long>>> added = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				long seed = w;
				added.add(executor.submit(() -> {
					SplittableRandom random = new SplittableRandom(seed);
					Map<String, Long> sums = new HashMap<>();
					start.await();
					for (int i = 0; i < incrementsPerWriter; i++) {
						String parent = parents[random.nextInt(parents.length)];
						String counter = counters[random.nextInt(counters.length)];
						long amount = amounts[random.nextInt(amounts.length)];
						boolean timeSeries = random.nextBoolean();
						Dataset dataset = timeSeries ? this.daily : this.totals;
						add(shared, dataset, parent, timeSeries ? MONDAY : null, counter, amount);
						sums.merge(key(dataset, parent, timeSeries ? MONDAY : null, counter), amount, Long::sum);
					}
					return sums;
				}));
			}
			List<Future<DrainStats>> drained = new ArrayList<>();
			for (int d = 0; d < drainers; d++) {
				drained.add(executor.submit(() -> {
					DrainStats stats = new DrainStats();
					start.await();
					while (writing.get()) {
						collect(shared.drain(), stats.sums);
						stats.drains++;
					}
					return stats;
				}));
			}
			start.countDown();
			Map<String, Long> expected = new HashMap<>();
			for (Future<Map<String, Long>> writer : added) {
				writer.get().forEach((key, sum) -> expected.merge(key, sum, Long::sum));
			}
			writing.set(false);
			Map<String, Long> actual = new HashMap<>();
			int drains = 0;
			for (Future<DrainStats> drainer : drained) {
				DrainStats stats = drainer.get();
				stats.sums.forEach((key, sum) -> actual.merge(key, sum, Long::sum));
				drains += stats.drains;
			}
			collect(shared.drain(), actual);

			expected.values().removeIf((sum) -> sum == 0);
			actual.values().removeIf((sum) -> sum == 0);
			assertThat(drains).isPositive();
			assertThat(actual).isEqualTo(expected);
			assertThat(shared.drain()).isEmpty();
			assertThat(shared.size()).isZero();
		}
		finally {
			writing.set(false);
			executor.shutdownNow();
		}
	}

	private static void collect(Map<Dataset, List<CountRow>> drained, Map<String, Long> into) {
		drained.forEach((dataset, rows) -> rows.forEach((row) -> row.counts()
			.forEach((counter, sum) -> into.merge(key(dataset, row.parentId(), row.period(), counter), sum,
					Long::sum))));
	}

	private static String key(Dataset dataset, String parentId, @Nullable LocalDateTime period, String counter) {
		return dataset.name() + '|' + parentId + '|' + period + '|' + counter;
	}

	private static final class DrainStats {

		final Map<String, Long> sums = new HashMap<>();

		int drains;

	}

	@Entity
	static class Item {

		@Id
		Long id;

	}

	@Entity
	static class ItemDailyData extends TrackableTimeSeriesData {

		long views;

		long clicks;

	}

	@Entity
	static class ItemTotals extends TrackableData {

		long views;

		long clicks;

	}

}
