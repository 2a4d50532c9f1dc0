package dev.trackable.fold;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableData;
import dev.trackable.TrackableRegistry;
import dev.trackable.TrackableTimeSeriesData;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountRow;
import dev.trackable.message.MalformedMessageException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FoldTests {

	private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 23, 0, 0);

	private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);

	private final TrackableRegistry registry = new TrackableRegistry();

	private final Dataset totals = this.registry.register(Post.class, PostTotals.class);

	private final Dataset daily = this.registry.register(Post.class, PostDailyData.class, Period.DAY);

	private final Dataset weekly = this.registry.register(Post.class, PostWeeklyData.class, Period.WEEK);

	private final Dataset hourly = this.registry.register(Post.class, PostHourlyData.class, Period.HOUR);

	private final Dataset monthly = this.registry.register(Post.class, APostMonthlyData.class, Period.MONTH);

	private final Fold fold = new Fold(this.registry);

	private static CountMessage message(Dataset dataset, CountRow... rows) {
		return CountMessage.of(dataset.name(), List.of(rows));
	}

	private static CountRow row(String parentId, @Nullable LocalDateTime period, Object... counts) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < counts.length; i += 2) {
			map.put((String) counts[i], ((Number) counts[i + 1]).longValue());
		}
		return new CountRow(parentId, period, map);
	}

	private long sum(Dataset dataset, String parentId, @Nullable LocalDateTime period, String counter) {
		return this.fold.rows().get(dataset).get(new RowKey(parentId, period))[dataset.counter(counter).index()];
	}

	/** A deep copy of the fold's rows, for comparing before and after. */
	private Map<String, Map<RowKey, List<Long>>> snapshot() {
		Map<String, Map<RowKey, List<Long>>> copy = new LinkedHashMap<>();
		this.fold.rows().forEach((dataset, rows) -> {
			Map<RowKey, List<Long>> byRow = new LinkedHashMap<>();
			rows.forEach((key, sums) -> byRow.put(key, java.util.Arrays.stream(sums).boxed().toList()));
			copy.put(dataset.name(), byRow);
		});
		return copy;
	}

	private MalformedMessageException rejected(CountMessage message, String reason) {
		Map<String, Map<RowKey, List<Long>>> before = snapshot();
		int messages = this.fold.messages();
		long increments = this.fold.increments();
		int rowCount = this.fold.rowCount();
		MalformedMessageException[] thrown = new MalformedMessageException[1];
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.fold.add(message))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(reason);
				thrown[0] = ex;
			});
		assertThat(snapshot()).as("rows after a rejected message").isEqualTo(before);
		assertThat(this.fold.messages()).isEqualTo(messages);
		assertThat(this.fold.increments()).isEqualTo(increments);
		assertThat(this.fold.rowCount()).isEqualTo(rowCount);
		return thrown[0];
	}

	@Test
	void sumsTheSameRowAcrossMessages() {
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 3, "clicks", 1)));
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 4)));
		this.fold.add(message(this.daily, row("1", MONDAY, "views", -2, "shares", 5)));
		assertThat(sum(this.daily, "1", MONDAY, "views")).isEqualTo(5);
		assertThat(sum(this.daily, "1", MONDAY, "clicks")).isEqualTo(1);
		assertThat(sum(this.daily, "1", MONDAY, "shares")).isEqualTo(5);
		assertThat(this.fold.rowCount()).isEqualTo(1);
	}

	@Test
	void sumsTheSameRowRepeatedWithinAMessage() {
		this.fold.add(message(this.totals, row("1", null, "views", 3), row("1", null, "views", 4, "clicks", 2)));
		assertThat(sum(this.totals, "1", null, "views")).isEqualTo(7);
		assertThat(sum(this.totals, "1", null, "clicks")).isEqualTo(2);
	}

	@Test
	void keepsDifferentParentsAndPeriodsApart() {
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 1), row("1", TUESDAY, "views", 2),
				row("2", MONDAY, "views", 3)));
		this.fold.add(message(this.totals, row("1", null, "views", 4)));
		assertThat(sum(this.daily, "1", MONDAY, "views")).isEqualTo(1);
		assertThat(sum(this.daily, "1", TUESDAY, "views")).isEqualTo(2);
		assertThat(sum(this.daily, "2", MONDAY, "views")).isEqualTo(3);
		assertThat(sum(this.totals, "1", null, "views")).isEqualTo(4);
		assertThat(sum(this.daily, "2", MONDAY, "clicks")).isZero();
		assertThat(this.fold.rowCount()).isEqualTo(4);
	}

	@Test
	void rowsAreOrderedByDatasetNameThenParentIdThenPeriod() {
		this.fold.add(message(this.totals, row("9", null, "views", 1), row("10", null, "views", 1)));
		this.fold.add(message(this.daily, row("b", TUESDAY, "views", 1), row("a", TUESDAY, "views", 1),
				row("b", MONDAY, "views", 1)));
		this.fold.add(message(this.monthly, row("1", LocalDateTime.of(2026, 11, 1, 0, 0), "views", 1)));
		this.fold.add(message(this.hourly, row("1", MONDAY.plusHours(5), "views", 1), row("1", MONDAY, "views", 1)));
		this.fold.add(message(this.daily, row("2", MONDAY, "views", 1)));

		SortedMap<Dataset, SortedMap<RowKey, long[]>> rows = this.fold.rows();
		assertThat(rows.keySet()).extracting(Dataset::name)
			.containsExactly("APostMonthly", "PostDaily", "PostHourly", "PostTotals");
		assertThat(rows.get(this.daily).keySet()).containsExactly(new RowKey("2", MONDAY), new RowKey("a", TUESDAY),
				new RowKey("b", MONDAY), new RowKey("b", TUESDAY));
		assertThat(rows.get(this.hourly).keySet()).containsExactly(new RowKey("1", MONDAY),
				new RowKey("1", MONDAY.plusHours(5)));
		// Parent ids are strings, so "10" sorts before "9".
		assertThat(rows.get(this.totals).keySet()).containsExactly(new RowKey("10", null), new RowKey("9", null));
	}

	@Test
	void rowKeysOrderAllTimeRowsBeforePeriods() {
		assertThat(new RowKey("1", null)).isLessThan(new RowKey("1", MONDAY));
		assertThat(new RowKey("1", MONDAY)).isLessThan(new RowKey("1", TUESDAY));
		assertThat(new RowKey("1", TUESDAY)).isLessThan(new RowKey("2", MONDAY));
		assertThat(new RowKey("1", MONDAY)).isEqualByComparingTo(new RowKey("1", MONDAY));
	}

	@Test
	void countsMessagesIncrementsAndRows() {
		assertThat(this.fold.messages()).isZero();
		assertThat(this.fold.increments()).isZero();
		assertThat(this.fold.rowCount()).isZero();
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 3, "clicks", 1), row("2", MONDAY, "views", 1)));
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 5)));
		this.fold.add(message(this.totals, row("1", null, "views", 1, "clicks", 1)));
		assertThat(this.fold.messages()).isEqualTo(3);
		assertThat(this.fold.increments()).isEqualTo(6);
		assertThat(this.fold.rowCount()).isEqualTo(3);
	}

	@Test
	void anUnknownDatasetIsRejected() {
		MalformedMessageException ex = rejected(
				CountMessage.of("NoSuchDataset", List.of(row("1", null, "views", 1))), "unknown-dataset");
		assertThat(ex).hasMessageContaining("NoSuchDataset");
	}

	@Test
	void aDatasetIsResolvedByEntityNameNotClassName() {
		rejected(CountMessage.of(PostDailyData.class.getName(), List.of(row("1", MONDAY, "views", 1))),
				"unknown-dataset");
	}

	@Test
	void anUnknownFieldIsRejected() {
		MalformedMessageException ex = rejected(message(this.daily, row("1", MONDAY, "likes", 1)), "unknown-field");
		assertThat(ex).hasMessageContaining("'likes'").hasMessageContaining("views");
	}

	@Test
	void anAttributeThatIsNotACounterIsRejectedAsUnknownField() {
		rejected(message(this.daily, row("1", MONDAY, "title", 1)), "unknown-field");
		rejected(message(this.daily, row("1", MONDAY, "parentId", 1)), "unknown-field");
		rejected(message(this.daily, row("1", MONDAY, "id", 1)), "unknown-field");
	}

	@Test
	void aPeriodThatIsNotAPeriodStartIsRejected() {
		rejected(message(this.daily, row("1", MONDAY.plusHours(1), "views", 1)), "invalid-period");
		rejected(message(this.daily, row("1", MONDAY.plusNanos(1), "views", 1)), "invalid-period");
		rejected(message(this.hourly, row("1", MONDAY.plusMinutes(30), "views", 1)), "invalid-period");
		rejected(message(this.weekly, row("1", TUESDAY, "views", 1)), "invalid-period");
		rejected(message(this.monthly, row("1", LocalDateTime.of(2026, 11, 2, 0, 0), "views", 1)), "invalid-period");
		this.fold.add(message(this.weekly, row("1", MONDAY, "views", 1)));
		this.fold.add(message(this.hourly, row("1", MONDAY.plusHours(13), "views", 1)));
		assertThat(this.fold.rowCount()).isEqualTo(2);
	}

	@Test
	void aPeriodOnAnAllTimeDatasetIsRejected() {
		MalformedMessageException ex = rejected(message(this.totals, row("1", MONDAY, "views", 1)), "invalid-period");
		assertThat(ex).hasMessageContaining("all-time totals");
	}

	@Test
	void aMissingPeriodOnATimeSeriesIsRejected() {
		rejected(message(this.daily, row("1", null, "views", 1)), "invalid-period");
	}

	@Test
	void anAmountBeyondAnIntCountersRangeIsRejected() {
		rejected(message(this.daily, row("1", MONDAY, "clicks", Integer.MAX_VALUE + 1L)), "invalid-amount");
		rejected(message(this.daily, row("1", MONDAY, "shares", Integer.MIN_VALUE)), "invalid-amount");
		rejected(message(this.daily, row("1", MONDAY, "clicks", Long.MAX_VALUE)), "invalid-amount");
		this.fold.add(message(this.daily, row("1", MONDAY, "clicks", Integer.MAX_VALUE, "shares", -Integer.MAX_VALUE)));
		this.fold.add(message(this.daily, row("1", MONDAY, "views", Integer.MAX_VALUE + 1L)));
		assertThat(sum(this.daily, "1", MONDAY, "clicks")).isEqualTo(Integer.MAX_VALUE);
		assertThat(sum(this.daily, "1", MONDAY, "views")).isEqualTo(Integer.MAX_VALUE + 1L);
	}

	@Test
	void aSumBeyondAnIntCountersRangeIsRejected() {
		this.fold.add(message(this.daily, row("1", MONDAY, "clicks", Integer.MAX_VALUE - 1L)));
		rejected(message(this.daily, row("1", MONDAY, "clicks", 2)), "invalid-amount");
		rejected(message(this.daily, row("2", MONDAY, "clicks", Integer.MAX_VALUE), row("2", MONDAY, "clicks", 1)),
				"invalid-amount");
		this.fold.add(message(this.daily, row("1", MONDAY, "clicks", 1)));
		assertThat(sum(this.daily, "1", MONDAY, "clicks")).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void aSumBeyondALongCountersRangeIsRejected() {
		this.fold.add(message(this.daily, row("1", MONDAY, "views", Long.MAX_VALUE - 1)));
		rejected(message(this.daily, row("1", MONDAY, "views", Long.MAX_VALUE - 1)), "invalid-amount");
		rejected(message(this.daily, row("1", MONDAY, "views", 2)), "invalid-amount");
		assertThat(sum(this.daily, "1", MONDAY, "views")).isEqualTo(Long.MAX_VALUE - 1);
		this.fold.add(message(this.totals, row("1", null, "views", -Long.MAX_VALUE)));
		rejected(message(this.totals, row("1", null, "views", -1)), "invalid-amount");
		rejected(message(this.totals, row("2", null, "views", Long.MIN_VALUE)), "invalid-amount");
		assertThat(sum(this.totals, "1", null, "views")).isEqualTo(-Long.MAX_VALUE);
	}

	@Test
	void aMessageWithOneGoodAndOneBadRowAddsNothing() {
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 10)));
		rejected(message(this.daily, row("1", MONDAY, "views", 5), row("2", MONDAY, "nope", 1)), "unknown-field");
		rejected(message(this.daily, row("1", MONDAY, "views", 5), row("3", MONDAY.plusHours(2), "views", 1)),
				"invalid-period");
		rejected(message(this.daily, row("1", MONDAY, "views", 5, "clicks", 1L << 40)), "invalid-amount");
		assertThat(sum(this.daily, "1", MONDAY, "views")).isEqualTo(10);
		assertThat(sum(this.daily, "1", MONDAY, "clicks")).isZero();
		assertThat(this.fold.rows().get(this.daily)).containsOnlyKeys(new RowKey("1", MONDAY));
	}

	@Test
	void aRejectedMessageForANewDatasetLeavesNoTrace() {
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 1)));
		rejected(message(this.totals, row("1", null, "views", 1), row("2", MONDAY, "views", 1)), "invalid-period");
		assertThat(this.fold.rows()).containsOnlyKeys(this.daily);
	}

	@Test
	void theFoldAcceptsMessagesAfterARejectedOne() {
		rejected(message(this.daily, row("1", MONDAY, "nope", 1)), "unknown-field");
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 2)));
		assertThat(sum(this.daily, "1", MONDAY, "views")).isEqualTo(2);
		assertThat(this.fold.messages()).isEqualTo(1);
		assertThat(this.fold.increments()).isEqualTo(1);
	}

	@Test
	void rowsHoldOneSumPerCounterOfTheDataset() {
		this.fold.add(message(this.daily, row("1", MONDAY, "views", 1)));
		long[] sums = this.fold.rows().get(this.daily).get(new RowKey("1", MONDAY));
		assertThat(sums).hasSize(this.daily.counters().size());
		List<Long> expected = new ArrayList<>();
		this.daily.counters().forEach((counter) -> expected.add(counter.name().equals("views") ? 1L : 0L));
		assertThat(sums).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
	}

	@Entity
	static class Post {

		@Id
		Long id;

	}

	@Entity(name = "PostTotals")
	static class PostTotals extends TrackableData {

		long views;

		int clicks;

	}

	@Entity(name = "PostDaily")
	static class PostDailyData extends TrackableTimeSeriesData {

		long views;

		int clicks;

		Integer shares;

		String title;

	}

	@Entity(name = "PostHourly")
	static class PostHourlyData extends TrackableTimeSeriesData {

		long views;

	}

	@Entity(name = "PostWeekly")
	static class PostWeeklyData extends TrackableTimeSeriesData {

		long views;

	}

	@Entity(name = "APostMonthly")
	static class APostMonthlyData extends TrackableTimeSeriesData {

		long views;

	}

}
