package dev.trackable.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.spool.Spool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * trackable's commands run through the sample's repackaged jar in a JVM of their own, as an operator runs them: with
 * the embedded broker and an H2 file database, which the test reads once the command has exited.
 */
class CommandLineIT {

	/** The repackaged jar, which the failsafe plugin names once 'package' has built it. */
	private static final String JAR = Objects.requireNonNull(System.getProperty("sample.jar"),
			"Run through Maven's verify phase, which builds the jar and passes its path as sample.jar");

	private final CountMessageCodec codec = new CountMessageCodec();

	@TempDir
	private Path directory;

	@Test
	void foldTrackableMessagesFoldsWhatAnEarlierRunLeftInTheSpoolAndExits() throws Exception {
		try (Spool spool = Spool.open(this.directory.resolve("spool"), 1 << 20)) {
			spool.append(this.codec.encode(CountMessage.of("ArticleTrackableData",
					List.of(new CountRow("1", LocalDate.now().atStartOfDay(), Map.of("impressions", 4L)),
							new CountRow("2", LocalDate.now().atStartOfDay(), Map.of("clickThroughs", 1L))))));
			spool.append(this.codec.encode(CountMessage.of("ArticleTotals",
					List.of(new CountRow("1", null, Map.of("impressions", 4L))))));
		}

		Result result = run("fold_trackable_messages");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("Processed 2 messages (")
			.doesNotContain("Tomcat started")
			.doesNotContain("Exception");
		assertThat(query("select sum(impressions) from article_trackable_data where parent_id = '1'")).isEqualTo(4);
		assertThat(query("select sum(click_throughs) from article_trackable_data where parent_id = '2'")).isEqualTo(1);
		assertThat(query("select impressions from article_totals where parent_id = '1'")).isEqualTo(4);
	}

	@Test
	void foldTrackableMessagesOfAnUnknownDatasetExitsWithTheRegisteredOnes() throws Exception {
		Result result = run("fold_trackable_messages", "ArticleViews");

		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("Unknown dataset 'ArticleViews'; registered datasets: "
				+ "ArticleTrackableData (dev.trackable.sample.counts.ArticleTrackableData), "
				+ "ArticleTotals (dev.trackable.sample.counts.ArticleTotals)")
			.doesNotContainPattern("Processed \\d");
	}

	@Test
	void convertTrackingDataImportsTheLegacyStatisticsAfterADryRun() throws Exception {
		String[] convert = { "convert_tracking_data", "LegacyArticleStats", "ArticleTrackableData",
				"--match-spec=articleSlug:Article:slug", "--key-fields=viewedOn:collectedDuring",
				"--update-fields=views:impressions,readMoreClicks:clickThroughs" };
		List<String> dryRun = new ArrayList<>(List.of(convert));
		dryRun.add("--dry-run");

		Result planned = run(dryRun.toArray(String[]::new));

		assertThat(planned.exitCode()).as(planned.output()).isZero();
		assertThat(planned.output()).contains("Dry run, nothing written: would migrate 5 of 6 rows")
			.contains("Skipped 1: no parent found (1)");
		assertThat(query("select count(*) from article_trackable_data")).isZero();

		Result imported = run(convert);

		assertThat(imported.exitCode()).as(imported.output()).isZero();
		assertThat(imported.output()).contains("Converting: 6/6 (100%)")
			.contains("Migrated 5 of 6 rows from LegacyArticleStats into ArticleTrackableData");
		assertThat(query("select count(*) from article_trackable_data")).isEqualTo(5);
		assertThat(query("select sum(d.impressions) + 1000 * sum(d.click_throughs) from article_trackable_data d "
				+ "join article a on d.parent_id = cast(a.id as varchar) and a.slug = 'hello-trackable'"))
			.isEqualTo(query("select sum(views) + 1000 * sum(read_more_clicks) from legacy_article_stats "
					+ "where article_slug = 'hello-trackable'"));
	}

	/** Runs the jar on the test's own spool and database, with the embedded broker the sample starts. */
	private Result run(String... arguments) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-jar", JAR));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--trackable.spool.directory=" + this.directory.resolve("spool"),
				"--spring.datasource.url=" + databaseUrl(), "--spring.datasource.username=sa"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command exits").isTrue();
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private long query(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).as(sql).isTrue();
			return rows.getLong(1);
		}
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath();
	}

	private record Result(int exitCode, String output) {
	}

}
