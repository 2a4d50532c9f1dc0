package dev.trackable.it;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableRegistry;
import dev.trackable.Tracker;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.autoconfigure.TrackableProperties;
import dev.trackable.collect.Collector;
import dev.trackable.query.ParentTotal;
import dev.trackable.query.RowPage;
import dev.trackable.query.RowQuery;
import dev.trackable.query.Series;
import dev.trackable.query.TimeRange;
import dev.trackable.query.TrackableQueries;
import dev.trackable.send.BatchingPublisher;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The read API's contract on every supported database. Rows are written with HQL inserts, which is quicker to set up
 * than increments; one test goes through the tracker, the broker and the collector. Subclasses choose the database.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "trackable.disable-collection-task=true", "spring.jpa.hibernate.ddl-auto=create-drop" })
abstract class TrackableQueriesContractTests {

	private static final LocalDateTime MARCH_1 = LocalDate.of(2026, 3, 1).atStartOfDay();

	@Autowired
	private TrackableQueries queries;

	@Autowired
	private TrackableRegistry registry;

	@Autowired
	private Tracker tracker;

	@Autowired
	private BatchingPublisher publisher;

	@Autowired
	private Collector collector;

	@Autowired
	private TrackableBroker broker;

	@Autowired
	private TrackableProperties properties;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private TestRows rows;

	private Dataset daily;

	private Dataset totals;

	private Dataset hourly;

	@BeforeEach
	void emptyTablesAndQueues() {
		this.daily = this.queries.dataset(ArticleDailyData.class);
		this.totals = this.queries.dataset("ArticleTotals");
		this.hourly = this.queries.dataset(VideoHourlyData.class);
		this.rows = new TestRows(this.entityManager, this.transactionManager);
		this.rows.deleteAll(this.registry);
		for (Dataset dataset : this.registry.datasets()) {
			this.broker.declare(dataset.name());
			this.broker.execute((channel) -> channel.queuePurge(this.broker.queueOf(dataset.name())));
		}
	}

	@Test
	void aSeriesHasEveryPeriodOfTheRangeWithZerosWhereThereIsNoRow() {
		this.rows.daily("1", MARCH_1.plusDays(1), 5, 1);
		this.rows.daily("1", MARCH_1.plusDays(3), 2, 0);
		this.rows.daily("2", MARCH_1.plusDays(2), 100, 0);
		this.rows.daily("1", MARCH_1.plusDays(9), 7, 0);

		Series series = this.queries.series(this.daily, "1", "impressions",
				TimeRange.between(MARCH_1, MARCH_1.plusDays(5)));

		assertThat(series.period()).isEqualTo(Period.DAY);
		assertThat(series.points()).containsExactly(point(MARCH_1, 0), point(MARCH_1.plusDays(1), 5),
				point(MARCH_1.plusDays(2), 0), point(MARCH_1.plusDays(3), 2), point(MARCH_1.plusDays(4), 0));
		assertThat(series.total()).isEqualTo(7);
	}

	@Test
	void aSeriesStepsByTheDatasetsPeriodAndStartsAtTheFirstPeriodInTheRange() {
		UUID video = UUID.randomUUID();
		this.rows.hourly(video.toString(), MARCH_1.plusHours(1), 4);
		this.rows.hourly(video.toString(), MARCH_1.plusHours(3), null);

		Series series = this.queries.series(this.hourly, video.toString(), "views",
				TimeRange.between(MARCH_1.plusMinutes(30), MARCH_1.plusHours(4)));

		assertThat(series.points()).containsExactly(point(MARCH_1.plusHours(1), 4), point(MARCH_1.plusHours(2), 0),
				point(MARCH_1.plusHours(3), 0));
	}

	@Test
	void totalsAddUpTheRangeForOneParentOrAll() {
		this.rows.daily("1", MARCH_1, 5, 1);
		this.rows.daily("1", MARCH_1.plusDays(1), 6, 2);
		this.rows.daily("2", MARCH_1.plusDays(1), 10, 3);
		this.rows.daily("2", MARCH_1.plusDays(2), 20, 4);
		TimeRange firstTwoDays = TimeRange.between(MARCH_1, MARCH_1.plusDays(2));

		assertThat(this.queries.total(this.daily, "1", "impressions", firstTwoDays)).isEqualTo(11);
		assertThat(this.queries.total(this.daily, "impressions", firstTwoDays)).isEqualTo(21);
		assertThat(this.queries.total(this.daily, "clickThroughs", TimeRange.ALL)).isEqualTo(10);
		assertThat(this.queries.total(this.daily, "clickThroughs", new TimeRange(MARCH_1.plusDays(1), null)))
			.isEqualTo(9);
		assertThat(this.queries.total(this.daily, "3", "impressions", TimeRange.ALL)).isZero();
	}

	@Test
	void totalsOfAnAllTimeDatasetCountNullCountersAsZero() {
		this.rows.totals("1", 5, null);
		this.rows.totals("2", 7, 3L);

		assertThat(this.queries.total(this.totals, "impressions", TimeRange.ALL)).isEqualTo(12);
		assertThat(this.queries.total(this.totals, "1", "downloads", TimeRange.ALL)).isZero();
		assertThat(this.queries.total(this.totals, "downloads", TimeRange.ALL)).isEqualTo(3);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.queries.total(this.totals, "impressions", new TimeRange(MARCH_1, null)))
			.withMessageContaining("all-time");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.queries.series(this.totals, "1", "impressions",
					TimeRange.between(MARCH_1, MARCH_1.plusDays(1))))
			.withMessageContaining("no series");
	}

	@Test
	void topRanksParentsByTheirSumOverTheRangeWithTiesInIdOrder() {
		this.rows.daily("1", MARCH_1, 5, 0);
		this.rows.daily("1", MARCH_1.plusDays(1), 5, 0);
		this.rows.daily("2", MARCH_1, 30, 0);
		this.rows.daily("3", MARCH_1, 10, 0);
		this.rows.daily("4", MARCH_1.plusDays(1), 10, 0);
		this.rows.daily("5", MARCH_1.plusDays(5), 1000, 0);

		List<ParentTotal> top = this.queries.top(this.daily, "impressions",
				TimeRange.between(MARCH_1, MARCH_1.plusDays(2)), 3);

		assertThat(top).containsExactly(new ParentTotal("2", 30), new ParentTotal("1", 10), new ParentTotal("3", 10));
		assertThat(this.queries.top(this.daily, "impressions", TimeRange.ALL, 1))
			.containsExactly(new ParentTotal("5", 1000));
	}

	@Test
	void rowsComePageByPageSortedAndFiltered() {
		for (int day = 0; day < 12; day++) {
			this.rows.daily("1", MARCH_1.plusDays(day), day, 1);
			this.rows.daily("2", MARCH_1.plusDays(day), 100 + day, 2);
		}

		RowPage first = this.queries.rows(this.daily, new RowQuery(null, TimeRange.ALL, null, false, 0, 5));
		RowPage byImpressions = this.queries.rows(this.daily,
				new RowQuery("1", TimeRange.ALL, "impressions", true, 1, 5));
		RowPage inRange = this.queries.rows(this.daily,
				new RowQuery(null, TimeRange.between(MARCH_1.plusDays(10), MARCH_1.plusDays(20)), "parentId", false,
						0, 10));

		assertThat(first.total()).isEqualTo(24);
		assertThat(first.pages()).isEqualTo(5);
		assertThat(first.columns()).containsExactly("id", "parentType", "parentId", "collectedDuring", "impressions",
				"clickThroughs");
		// The default order: newest period first, then parent.
		assertThat(first.rows()).extracting((row) -> row.get("collectedDuring"))
			.containsExactly(MARCH_1.plusDays(11), MARCH_1.plusDays(11), MARCH_1.plusDays(10), MARCH_1.plusDays(10),
					MARCH_1.plusDays(9));
		assertThat(first.rows()).extracting((row) -> row.get("parentId")).startsWith("1", "2");
		assertThat(byImpressions.total()).isEqualTo(12);
		assertThat(byImpressions.rows()).extracting((row) -> ((Number) row.get("impressions")).longValue())
			.containsExactly(6L, 5L, 4L, 3L, 2L);
		assertThat(inRange.total()).isEqualTo(4);
		assertThat(inRange.rows()).extracting((row) -> row.get("parentId")).containsExactly("1", "1", "2", "2");
	}

	@Test
	void rowsOfAnAllTimeDatasetReadNullCountersAsZero() {
		this.rows.totals("1", 5, null);

		RowPage page = this.queries.rows(this.totals, RowQuery.firstPage(10));

		assertThat(page.columns()).containsExactly("id", "parentType", "parentId", "impressions", "downloads");
		assertThat(page.rows()).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("parentId", "1").containsEntry("downloads", 0L));
	}

	@Test
	void namesOutsideTheRegistryAndTheMetamodelAreRefused() {
		RowQuery bySecret = new RowQuery(null, TimeRange.ALL, "impressions from ArticleTotals", false, 0, 10);

		assertThatIllegalArgumentException().isThrownBy(() -> this.queries.rows(this.daily, bySecret))
			.withMessageContaining("Unknown column");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.queries.total(this.daily, "impressions) from Article --", TimeRange.ALL))
			.withMessageContaining("Unknown field");
		assertThatIllegalArgumentException().isThrownBy(() -> this.queries.dataset("Article"))
			.withMessageContaining("ArticleDailyData");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.queries.series(this.hourly, "x", "views",
					TimeRange.between(MARCH_1, MARCH_1.plusYears(5))))
			.withMessageContaining("more than " + TrackableQueries.MAX_POINTS);
	}

	@Test
	void parentsAreNamedByTheirTitleOrTypeAndId() {
		this.rows.article(1, "Hello <b>world</b>");
		String video = UUID.randomUUID().toString();

		assertThat(this.queries.parentNames(this.daily, List.of("1", "999", "not-a-number")))
			.containsExactly(Map.entry("1", "Hello <b>world</b>"), Map.entry("999", "Article #999"),
					Map.entry("not-a-number", "Article #not-a-number"));
		assertThat(this.queries.parentNames(this.hourly, List.of(video))).containsEntry(video, "Video #" + video);
	}

	@Test
	void readsWhatTheCollectorWroteThroughTheRealPath() {
		this.tracker.increment(new Article(41), "impressions", 3);
		this.tracker.increment(new Article(41), "clickThroughs");
		this.tracker.increment(new Article(42), "impressions");
		this.publisher.publishPending();
		this.collector.collect(Long.MAX_VALUE);
		LocalDateTime today = Period.DAY.start(LocalDateTime.now(this.properties.getTimeZone()));

		Series series = this.queries.series(this.daily, "41", "impressions",
				TimeRange.between(today.minusDays(2), today.plusDays(1)));

		assertThat(series.points()).extracting(Series.Point::value).containsExactly(0L, 0L, 3L);
		assertThat(this.queries.total(this.totals, "41", "impressions", TimeRange.ALL)).isEqualTo(3);
		assertThat(this.queries.top(this.daily, "impressions", TimeRange.ALL, 10))
			.containsExactly(new ParentTotal("41", 3), new ParentTotal("42", 1));
	}

	private static Series.Point point(LocalDateTime period, long value) {
		return new Series.Point(period, value);
	}

}
