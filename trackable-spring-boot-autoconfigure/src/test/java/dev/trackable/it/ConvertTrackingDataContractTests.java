package dev.trackable.it;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.trackable.command.CommandExit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code convert_tracking_data}, run as the application's first argument, importing {@link LegacyPageStats} into the
 * test application's datasets: what it writes on each database. Subclasses choose the database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ConvertTrackingDataContractTests {

	static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);

	static final String DAILY_BY_LINK = "--link-field=page.article";

	static final String TOTALS_BY_TITLE = "--match-spec=articleTitle:Article:title";

	final AtomicInteger exitCode = new AtomicInteger(-1);

	private final TestApplications applications;

	/** An instance of the same application that writes the source rows and reads the datasets. */
	private ConfigurableApplicationContext observer;

	ConvertTrackingDataContractTests(TestApplications applications) {
		this.applications = applications;
	}

	/**
	 * Articles 1 and 2, and five rows of older statistics: three that import, one of a page without an article and
	 * one without a view count. A database server's tables may hold the rows of an earlier run: they are emptied.
	 */
	@BeforeEach
	void writeSourceRows() {
		this.observer = this.applications.start("trackable.disable-collection-task=true");
		inTransaction((entityManager) -> {
			Stream.of("LegacyPageStats", "LegacyPage", "Article", "ArticleDailyData", "ArticleTotals")
				.forEach((entity) -> entityManager.createQuery("delete from " + entity).executeUpdate());
			Article first = new Article(1);
			Article second = new Article(2);
			LegacyPage firstPage = new LegacyPage(10, first);
			LegacyPage secondPage = new LegacyPage(11, second);
			LegacyPage orphan = new LegacyPage(12, null);
			Stream.of(first, second, firstPage, secondPage, orphan).forEach(entityManager::persist);
			entityManager.persist(new LegacyPageStats(100, firstPage, "Article 1", MARCH_1, 5L, 1));
			entityManager.persist(new LegacyPageStats(101, firstPage, "Article 1", MARCH_1.plusDays(1), 7L, 2));
			entityManager.persist(new LegacyPageStats(102, secondPage, "Article 2", MARCH_1, 11L, 3));
			entityManager.persist(new LegacyPageStats(103, orphan, "Article 9", MARCH_1, 13L, 4));
			entityManager.persist(new LegacyPageStats(104, secondPage, "Article 2", MARCH_1.plusDays(2), null, 5));
		});
	}

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void importsThroughADottedLinkIntoATimeSeriesAndAgainToTheSameResult(CapturedOutput output) {
		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring", "--update-fields=views:impressions");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Migrated 3 of 5 rows from LegacyPageStats into ArticleDailyData")
			.contains("Skipped 2: no parent found (1), null views (1)")
			.contains("Converting: 5/5 (100%)");
		List<String> imported = List.of("1 2024-03-01T00:00 5 0", "1 2024-03-02T00:00 7 0", "2 2024-03-01T00:00 11 0");
		assertThat(dailyRows()).containsExactlyElementsOf(imported);

		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring", "--update-fields=views:impressions");

		assertThat(this.exitCode).hasValue(0);
		assertThat(dailyRows()).as("a second run sets the same values").containsExactlyElementsOf(imported);

		runCommand("convert_tracking_data", "LegacyPageStats", "dev.trackable.it.ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring", "--update-fields=downloads:clickThroughs");

		assertThat(dailyRows()).as("only the named counters are set")
			.containsExactly("1 2024-03-01T00:00 5 1", "1 2024-03-02T00:00 7 2", "2 2024-03-01T00:00 11 3",
					"2 2024-03-03T00:00 0 5");
	}

	@Test
	void findsParentsByAMatchSpecAndLetsTheLastRowInOrderWin(CapturedOutput output) {
		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleTotals", TOTALS_BY_TITLE,
				"--update-fields=views:impressions,downloads:downloads", "--order-by=-viewedOn");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Migrated 3 of 5 rows from LegacyPageStats into ArticleTotals")
			.contains("Skipped 2: no parent found (1), null views (1)");
		assertThat(totalRows()).containsExactly("1 5 1", "2 11 3");

		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleTotals", TOTALS_BY_TITLE,
				"--update-fields=views:impressions", "--order-by=page.id,viewedOn");

		assertThat(totalRows()).as("only the named counters are set").containsExactly("1 7 1", "2 11 3");
	}

	@Test
	void aDryRunReportsAndWritesNothing(CapturedOutput output) {
		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring", "--update-fields=views:impressions", "--max-records=2",
				"--dry-run");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Dry run, nothing written: would migrate 2 of 2 rows from LegacyPageStats");
		assertThat(dailyRows()).isEmpty();
	}

	@Test
	void importsInBatchesWithoutSkippingOrRepeatingRows(CapturedOutput output) {
		inTransaction((entityManager) -> {
			LegacyPage page = entityManager.find(LegacyPage.class, 10L);
			for (int i = 0; i < 1234; i++) {
				entityManager.persist(new LegacyPageStats(1000 + i, page, "Article 1", MARCH_1.minusDays(i + 1),
						(long) i, 0));
			}
		});

		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring", "--update-fields=views:impressions");

		assertThat(output).contains("Migrated 1237 of 1239 rows");
		assertThat(dailyRows()).hasSize(1237);
		long viewsOfArticle1 = 1233L * 1234 / 2 + 5 + 7;
		assertThat(TestApplications.sum(this.observer, "ArticleDailyData", "impressions", "1"))
			.isEqualTo(viewsOfArticle1);

		// In an order of the operator's, batches start at offsets rather than after the last id.
		runCommand("convert_tracking_data", "LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring", "--update-fields=views:clickThroughs", "--order-by=-viewedOn");

		assertThat(dailyRows()).hasSize(1237);
		assertThat(TestApplications.sum(this.observer, "ArticleDailyData", "clickThroughs", "1"))
			.isEqualTo(viewsOfArticle1);
	}

	/** @return the daily rows as "parent period impressions clickThroughs", in that order */
	List<String> dailyRows() {
		return rows("select d.parentId, d.collectedDuring, d.impressions, d.clickThroughs from ArticleDailyData d "
				+ "order by d.parentId, d.collectedDuring");
	}

	/** @return the totals as "parent impressions downloads", in parent order */
	List<String> totalRows() {
		return rows("select d.parentId, d.impressions, d.downloads from ArticleTotals d order by d.parentId");
	}

	private List<String> rows(String query) {
		EntityManager entityManager = this.observer.getBean(EntityManagerFactory.class).createEntityManager();
		try {
			return entityManager.createQuery(query, Object[].class)
				.getResultStream()
				.map((row) -> Stream.of(row).map(String::valueOf).collect(Collectors.joining(" ")))
				.toList();
		}
		finally {
			entityManager.close();
		}
	}

	private void inTransaction(Consumer<EntityManager> work) {
		EntityManager entityManager = this.observer.getBean(EntityManagerFactory.class).createEntityManager();
		try {
			entityManager.getTransaction().begin();
			work.accept(entityManager);
			entityManager.getTransaction().commit();
		}
		finally {
			entityManager.close();
		}
	}

	void runCommand(String... arguments) {
		CommandExit exit = this.exitCode::set;
		ConfigurableApplicationContext command = this.applications.run(
				new SpringApplicationBuilder(TestApplication.class).initializers(
						(context) -> context.getBeanFactory().registerSingleton("trackableCommandExit", exit)),
				arguments);
		assertThat(command.isActive()).as("the command closes its application").isFalse();
	}

}
