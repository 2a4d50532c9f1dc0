package dev.trackable.it;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code convert_tracking_data} on H2, and how it answers bad arguments and {@code --help}, whatever the database.
 */
class ConvertTrackingDataCommandTests extends ConvertTrackingDataContractTests {

	ConvertTrackingDataCommandTests() {
		super(new TestApplications());
	}

	static Stream<Arguments> badArguments() {
		return Stream.of(
				Arguments.of(List.of("LegacyStats", "ArticleDailyData"),
						"Unknown source entity 'LegacyStats'; entities: "),
				Arguments.of(List.of("LegacyPageStats", "LegacyPage"),
						"Unknown dataset 'LegacyPage'; registered datasets: "),
				Arguments.of(List.of("LegacyPageStats"), "Give SOURCE and DEST"),
				Arguments.of(List.of("LegacyPageStats", "ArticleTotals", "--update-fields=views:impressions"),
						"--link-field (default parent): unknown attribute 'parent' in parent of LegacyPageStats; "
								+ "its attributes: articleTitle, downloads, id, page, viewedOn, views"),
				Arguments.of(daily("--update-fields=hits:impressions"),
						"--update-fields: unknown attribute 'hits' in hits of LegacyPageStats"),
				Arguments.of(daily("--update-fields=views:hits"),
						"Unknown field 'hits' for dataset ArticleDailyData; valid fields: "
								+ "[impressions, clickThroughs]"),
				Arguments.of(daily("--update-fields=articleTitle:impressions"),
						"articleTitle of LegacyPageStats is a String, not a number"),
				Arguments.of(daily("--update-fields=views"),
						"--update-fields takes source:destination pairs separated by commas, was 'views'"),
				Arguments.of(daily("--update-fields=views:impressions", "--max-records=ten"),
						"--max-records takes a positive number, was 'ten'"),
				Arguments.of(daily("--update-fields=views:impressions", "--order-by=page"),
						"--order-by: page of LegacyPageStats is an association"),
				Arguments.of(daily("--update-fields=views:impressions", "--limit=3"), "Unknown option --limit"),
				Arguments.of(List.of("LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
						"--update-fields=views:impressions"),
						"ArticleDailyData keeps one row per parent and DAY: give the source's date or time"),
				Arguments.of(totals("--match-spec=articleTitle"),
						"--match-spec takes source_attr:Entity[:dest_attr], was 'articleTitle'"),
				Arguments.of(totals("--match-spec=articleTitle:Article"),
						"--match-spec compares articleTitle, a String, with id of Article, a Long"),
				Arguments.of(totals(TOTALS_BY_TITLE, "--link-field=page.article"),
						"Give --link-field or --match-spec, not both"),
				Arguments.of(totals("--link-field=page"),
						"--link-field=page leads to LegacyPage, but the parent of ArticleTotals is Article"));
	}

	private static List<String> daily(String... options) {
		List<String> arguments = new ArrayList<>(List.of("LegacyPageStats", "ArticleDailyData", DAILY_BY_LINK,
				"--key-fields=viewedOn:collectedDuring"));
		arguments.addAll(List.of(options));
		return arguments;
	}

	private static List<String> totals(String... options) {
		List<String> arguments = new ArrayList<>(List.of("LegacyPageStats", "ArticleTotals",
				"--update-fields=views:impressions"));
		arguments.addAll(List.of(options));
		return arguments;
	}

	@ParameterizedTest
	@MethodSource("badArguments")
	void badArgumentsExitWithAMessageAndTheUsageAndChangeNothing(List<String> arguments, String message,
			CapturedOutput output) {
		List<String> all = new ArrayList<>(List.of("convert_tracking_data"));
		all.addAll(arguments);

		runCommand(all.toArray(String[]::new));

		assertThat(this.exitCode).hasValue(2);
		assertThat(output).contains(message).contains("Usage: convert_tracking_data SOURCE DEST");
		assertThat(dailyRows()).isEmpty();
		assertThat(totalRows()).isEmpty();
	}

	@Test
	void helpSaysThatRunningTwiceGivesTheSameResult(CapturedOutput output) {
		runCommand("convert_tracking_data", "--help");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Usage: convert_tracking_data SOURCE DEST")
			.contains("SETS the counters").contains("idempotent: running it again gives the same");
	}

}
