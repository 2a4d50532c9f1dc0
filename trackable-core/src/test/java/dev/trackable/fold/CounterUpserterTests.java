package dev.trackable.fold;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableData;
import dev.trackable.TrackableRegistry;
import dev.trackable.TrackableTimeSeriesData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Runs the upserts against H2, where Hibernate renders {@code insert ... on conflict ... do update} as {@code MERGE}.
 */
class CounterUpserterTests {

	private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 23, 0, 0);

	private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);

	private static SessionFactory sessionFactory;

	private final TrackableRegistry registry = new TrackableRegistry();

	private final Dataset daily = this.registry.register(Article.class, ArticleDaily.class, Period.DAY);

	private final Dataset totals = this.registry.register(Article.class, ArticleTotals.class);

	private final Dataset nested = this.registry.register(Article.class, NestedTotals.class);

	private final CounterUpserter upserter = new CounterUpserter(256);

	@BeforeAll
	static void startDatabase() {
		sessionFactory = new Configuration().addAnnotatedClass(Article.class)
			.addAnnotatedClass(ArticleDaily.class)
			.addAnnotatedClass(ArticleTotals.class)
			.addAnnotatedClass(NestedTotals.class)
			.setProperty("hibernate.connection.url", "jdbc:h2:mem:upserter-" + UUID.randomUUID())
			.setProperty("hibernate.connection.username", "sa")
			.setProperty("hibernate.hbm2ddl.auto", "create-drop")
			.buildSessionFactory();
	}

	@AfterAll
	static void stopDatabase() {
		sessionFactory.close();
	}

	@BeforeEach
	void emptyTables() {
		sessionFactory.inTransaction((session) -> {
			session.createMutationQuery("delete from ArticleDaily").executeUpdate();
			session.createMutationQuery("delete from ArticleTotals").executeUpdate();
			session.createMutationQuery("delete from " + this.nested.name()).executeUpdate();
		});
	}

	/** Builds the rows of a dataset: each entry is a row key and counter deltas by name. */
	private static SortedMap<RowKey, long[]> rows(Dataset dataset, Object... keysAndCounts) {
		SortedMap<RowKey, long[]> rows = new TreeMap<>();
		for (int i = 0; i < keysAndCounts.length; i += 2) {
			long[] deltas = new long[dataset.counters().size()];
			@SuppressWarnings("unchecked")
			Map<String, Long> counts = (Map<String, Long>) keysAndCounts[i + 1];
			counts.forEach((counter, delta) -> deltas[dataset.counter(counter).index()] = delta);
			rows.put((RowKey) keysAndCounts[i], deltas);
		}
		return rows;
	}

	private int upsert(Dataset dataset, SortedMap<RowKey, long[]> rows) {
		return upsert(this.upserter, dataset, rows);
	}

	private static int upsert(CounterUpserter upserter, Dataset dataset, SortedMap<RowKey, long[]> rows) {
		return sessionFactory.fromTransaction((session) -> upserter.upsert(session, dataset, rows));
	}

	private static Map<RowKey, ArticleDaily> dailyRows() {
		Map<RowKey, ArticleDaily> rows = new LinkedHashMap<>();
		sessionFactory.inSession((session) -> session
			.createSelectionQuery("from ArticleDaily order by parentId, collectedDuring", ArticleDaily.class)
			.getResultList()
			.forEach((row) -> rows.put(new RowKey(row.getParentId(), row.getCollectedDuring()), row)));
		return rows;
	}

	private static Map<String, ArticleTotals> totalRows() {
		Map<String, ArticleTotals> rows = new LinkedHashMap<>();
		sessionFactory.inSession((session) -> session
			.createSelectionQuery("from ArticleTotals order by parentId", ArticleTotals.class)
			.getResultList()
			.forEach((row) -> rows.put(row.getParentId(), row)));
		return rows;
	}

	@Test
	void upsertCreatesMissingRows() {
		int statements = upsert(this.daily,
				rows(this.daily, new RowKey("1", MONDAY), Map.of("views", 3L, "clicks", 1L, "shares", 2L),
						new RowKey("1", TUESDAY), Map.of("views", 4L), new RowKey("2", MONDAY), Map.of("clicks", 5L)));
		assertThat(statements).isEqualTo(2);
		Map<RowKey, ArticleDaily> rows = dailyRows();
		assertThat(rows).containsOnlyKeys(new RowKey("1", MONDAY), new RowKey("1", TUESDAY), new RowKey("2", MONDAY));
		ArticleDaily first = rows.get(new RowKey("1", MONDAY));
		assertThat(first.getParentType()).isEqualTo("CounterUpserterTests$Article");
		assertThat(first.getId()).isNotNull();
		assertThat(first.views).isEqualTo(3);
		assertThat(first.clicks).isEqualTo(1);
		assertThat(first.shares).isEqualTo(2);
		assertThat(rows.get(new RowKey("1", TUESDAY)).views).isEqualTo(4);
		assertThat(rows.get(new RowKey("1", TUESDAY)).shares).isZero();
		assertThat(rows.get(new RowKey("2", MONDAY)).clicks).isEqualTo(5);
	}

	@Test
	void aSecondUpsertAddsTheDeltasToTheStoredCounters() {
		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY), Map.of("views", 3L, "clicks", 1L, "shares", 2L)));
		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY), Map.of("views", 10L, "clicks", -1L, "shares", 5L),
				new RowKey("2", MONDAY), Map.of("views", 1L)));
		Map<RowKey, ArticleDaily> rows = dailyRows();
		assertThat(rows).hasSize(2);
		ArticleDaily first = rows.get(new RowKey("1", MONDAY));
		assertThat(first.views).isEqualTo(13);
		assertThat(first.clicks).isZero();
		assertThat(first.shares).isEqualTo(7);
		assertThat(rows.get(new RowKey("2", MONDAY)).views).isEqualTo(1);
	}

	@Test
	void countersAbsentFromARowStayUnchanged() {
		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY), Map.of("views", 3L, "clicks", 4L, "shares", 5L),
				new RowKey("2", MONDAY), Map.of("views", 6L, "clicks", 7L)));
		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY), Map.of("views", 1L)));
		Map<RowKey, ArticleDaily> rows = dailyRows();
		assertThat(rows.get(new RowKey("1", MONDAY))).satisfies((row) -> {
			assertThat(row.views).isEqualTo(4);
			assertThat(row.clicks).isEqualTo(4);
			assertThat(row.shares).isEqualTo(5);
		});
		assertThat(rows.get(new RowKey("2", MONDAY))).satisfies((row) -> {
			assertThat(row.views).isEqualTo(6);
			assertThat(row.clicks).isEqualTo(7);
		});
	}

	@Test
	void allTimeTotalsAreCreatedAndAddedTo() {
		upsert(this.totals, rows(this.totals, new RowKey("1", null), Map.of("views", 2L, "likes", 1L)));
		upsert(this.totals, rows(this.totals, new RowKey("1", null), Map.of("views", 3L), new RowKey("2", null),
				Map.of("likes", 9L)));
		Map<String, ArticleTotals> rows = totalRows();
		assertThat(rows).containsOnlyKeys("1", "2");
		assertThat(rows.get("1").views).isEqualTo(5);
		assertThat(rows.get("1").likes).isEqualTo(1L);
		assertThat(rows.get("2").views).isZero();
		assertThat(rows.get("2").likes).isEqualTo(9L);
	}

	@Test
	void aThousandRowsAreWrittenInStatementsOfPowerOfTwoSizes() {
		SortedMap<RowKey, long[]> rows = new TreeMap<>();
		for (int i = 0; i < 1000; i++) {
			long[] deltas = new long[this.daily.counters().size()];
			deltas[this.daily.counter("views").index()] = i;
			deltas[this.daily.counter("clicks").index()] = 1;
			rows.put(new RowKey(Integer.toString(i), MONDAY), deltas);
		}
		// 256 * 3 + 128 + 64 + 32 + 8
		assertThat(upsert(this.daily, rows)).isEqualTo(7);
		assertThat(upsert(this.daily, rows)).isEqualTo(7);
		Map<RowKey, ArticleDaily> stored = dailyRows();
		assertThat(stored).hasSize(1000);
		for (int i = 0; i < 1000; i++) {
			ArticleDaily row = stored.get(new RowKey(Integer.toString(i), MONDAY));
			assertThat(row.views).isEqualTo(2L * i);
			assertThat(row.clicks).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@CsvSource({ "256, 1, 1", "256, 2, 1", "256, 3, 2", "256, 255, 8", "256, 256, 1", "256, 257, 2",
			"256, 1000, 7", "300, 1000, 7", "8, 20, 3", "1, 5, 5" })
	void statementCountFollowsPowersOfTwoUpToTheMaximum(int maxRowsPerStatement, int rowCount, int statements) {
		SortedMap<RowKey, long[]> rows = new TreeMap<>();
		for (int i = 0; i < rowCount; i++) {
			rows.put(new RowKey(Integer.toString(i), null), new long[] { 1, 0 });
		}
		assertThat(upsert(new CounterUpserter(maxRowsPerStatement), this.totals, rows)).isEqualTo(statements);
		assertThat(totalRows()).hasSize(rowCount);
	}

	@Test
	void noRowsExecuteNoStatement() {
		assertThat(upsert(this.daily, new TreeMap<>())).isZero();
		assertThat(dailyRows()).isEmpty();
	}

	@Test
	void maxRowsPerStatementMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CounterUpserter(0))
			.withMessageContaining("maxRowsPerStatement");
		assertThatIllegalArgumentException().isThrownBy(() -> new CounterUpserter(-4));
	}

	@Test
	void aWrapperColumnHoldingNullGetsTheDeltaAddedAsIfItWereZero() {
		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY), Map.of("views", 1L, "shares", 3L)));
		upsert(this.totals, rows(this.totals, new RowKey("1", null), Map.of("views", 1L, "likes", 3L)));
		sessionFactory.inTransaction((session) -> {
			session.createNativeMutationQuery("update ArticleDaily set shares = null").executeUpdate();
			session.createNativeMutationQuery("update ArticleTotals set likes = null").executeUpdate();
		});
		assertThat(dailyRows().get(new RowKey("1", MONDAY)).shares).isNull();
		assertThat(totalRows().get("1").likes).isNull();

		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY), Map.of("shares", 4L)));
		upsert(this.totals, rows(this.totals, new RowKey("1", null), Map.of("likes", -2L)));

		assertThat(dailyRows().get(new RowKey("1", MONDAY)).shares).isEqualTo(4);
		assertThat(totalRows().get("1").likes).isEqualTo(-2L);
	}

	@Test
	void rowsOfAnotherParentTypeAreLeftAlone() {
		sessionFactory.inTransaction((session) -> session.createNativeMutationQuery(
				"insert into ArticleTotals (parentType, parentId, views, likes) values ('Other', '1', 100, 100)")
			.executeUpdate());
		upsert(this.totals, rows(this.totals, new RowKey("1", null), Map.of("views", 1L)));
		List<Object[]> stored = sessionFactory.fromSession((session) -> session
			.createSelectionQuery("select parentType, views from ArticleTotals order by parentType", Object[].class)
			.getResultList());
		assertThat(stored).containsExactly(new Object[] { "CounterUpserterTests$Article", 1L },
				new Object[] { "Other", 100L });
	}

	@Test
	void intCountersTakeDeltasUpToIntegerMaxValue() {
		upsert(this.daily, rows(this.daily, new RowKey("1", MONDAY),
				Map.of("clicks", (long) Integer.MAX_VALUE, "shares", (long) -Integer.MAX_VALUE)));
		ArticleDaily row = dailyRows().get(new RowKey("1", MONDAY));
		assertThat(row.clicks).isEqualTo(Integer.MAX_VALUE);
		assertThat(row.shares).isEqualTo(-Integer.MAX_VALUE);
	}

	@Test
	void aNestedEntityClassIsResolvedByItsDefaultEntityName() {
		assertThat(this.nested.name()).isEqualTo("CounterUpserterTests$NestedTotals");
		upsert(this.nested, rows(this.nested, new RowKey("1", null), Map.of("reads", 2L)));
		upsert(this.nested, rows(this.nested, new RowKey("1", null), Map.of("reads", 3L)));
		List<Long> reads = sessionFactory.fromSession((session) -> session
			.createSelectionQuery("select reads from " + this.nested.name(), Long.class)
			.getResultList());
		assertThat(reads).containsExactly(5L);
	}

	@Test
	void theStatementIsAnInsertOnConflictOnTheKeyColumns() {
		String statement = this.upserter.statement(this.daily, 2);
		assertThat(statement).startsWith("insert into ArticleDaily (parentType, parentId, collectedDuring, ")
			.contains(" values (?1, ?2, ?3, ?4, ?5, ?6), (?7, ?8, ?9, ?10, ?11, ?12) ")
			.contains(" on conflict (parentType, parentId, collectedDuring) do update set ")
			.contains("views = coalesce(views, 0) + excluded.views")
			.contains("clicks = coalesce(clicks, 0) + excluded.clicks")
			.contains("shares = coalesce(shares, 0) + excluded.shares")
			.doesNotContain("?13");
		assertThat(this.upserter.statement(this.totals, 1))
			.startsWith("insert into ArticleTotals (parentType, parentId, ")
			.contains(" on conflict (parentType, parentId) do update set ")
			.doesNotContain("collectedDuring");
	}

	@Test
	void statementsAreRenderedOncePerDatasetAndSize() {
		assertThat(this.upserter.statement(this.daily, 4)).isSameAs(this.upserter.statement(this.daily, 4));
		assertThat(this.upserter.statement(this.daily, 4)).isNotEqualTo(this.upserter.statement(this.daily, 8));
		assertThat(this.upserter.statement(this.daily, 4)).isNotEqualTo(this.upserter.statement(this.totals, 4));
	}

	@Entity
	static class Article {

		@Id
		Long id;

		String title;

	}

	@Entity(name = "ArticleDaily")
	static class ArticleDaily extends TrackableTimeSeriesData {

		long views;

		int clicks;

		@Nullable Integer shares;

	}

	@Entity(name = "ArticleTotals")
	static class ArticleTotals extends TrackableData {

		long views;

		@Nullable Long likes;

	}

	@Entity
	static class NestedTotals extends TrackableData {

		long reads;

	}

}
