package dev.trackable.command;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;
import dev.trackable.convert.ConversionPlan;
import dev.trackable.convert.ConversionSpec;
import dev.trackable.convert.ConversionSummary;
import dev.trackable.convert.MatchSpec;
import dev.trackable.convert.TrackingDataConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;

/**
 * {@code convert_tracking_data SOURCE DEST [options]}: imports the tracking data an application kept before trackable
 * into a registered dataset, as django-trackable's command of that name did. Every argument is checked before
 * anything is written, so a mistake in a long command line changes nothing.
 */
public final class ConvertTrackingDataCommand implements TrackableCommand {

	static final String NAME = "convert_tracking_data";

	private static final Set<String> OPTIONS = Set.of("key-fields", "update-fields", "link-field", "match-spec",
			"max-records", "order-by", "dry-run");

	private final TrackingDataConverter converter;

	private final DatasetNames datasets;

	public ConvertTrackingDataCommand(TrackingDataConverter converter, TrackableRegistry registry) {
		this.converter = converter;
		this.datasets = new DatasetNames(registry);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String usage() {
		return NAME + " SOURCE DEST [--key-fields=a:b,...] [--update-fields=a:b,...]\n"
				+ "    [--link-field=path.to.parent] [--match-spec=source_attr:Entity[:dest_attr]]\n"
				+ "    [--max-records=N] [--order-by=a,-b] [--dry-run]\n"
				+ "  Imports tracking data kept before trackable from the entity SOURCE into the dataset DEST\n"
				+ "  (entity or class name). For each SOURCE row it finds the parent, gets or creates DEST's row\n"
				+ "  of that parent (and period) and SETS the counters named by --update-fields to the row's\n"
				+ "  values. Setting rather than adding makes it idempotent: running it again gives the same\n"
				+ "  result, so an interrupted import is simply run again; but what the collector added to an\n"
				+ "  imported row in between is overwritten.\n"
				+ "  --update-fields=src:counter,...   SOURCE attributes to copy into DEST's counters (required)\n"
				+ "  --key-fields=src:collectedDuring  SOURCE's date or time, for a time series; rows whose\n"
				+ "                                    value is not the start of a DEST period are skipped\n"
				+ "  --link-field=a.b                  the association from a SOURCE row to its parent,\n"
				+ "                                    dotted to follow several (default: parent)\n"
				+ "  --match-spec=src:Entity[:attr]    instead, the parent Entity whose attr (default: its id)\n"
				+ "                                    equals the row's src\n"
				+ "  --max-records=N                   at most N SOURCE rows (default: all)\n"
				+ "  --order-by=a,-b                   the order to read SOURCE rows in, - for descending; when\n"
				+ "                                    several rows map to one DEST row, the last one wins\n"
				+ "  --dry-run                         report what would be written, write nothing";
	}

	@Override
	public int run(ApplicationArguments arguments, PrintStream out) {
		CommandArguments options = new CommandArguments(arguments, OPTIONS);
		List<String> operands = options.operands();
		if (operands.size() != 2) {
			throw new CommandUsageException("Give SOURCE and DEST, the source entity and the dataset");
		}
		Dataset destination = this.datasets.find(operands.get(1));
		ConversionPlan plan;
		try {
			String matchSpec = options.value("match-spec");
			MatchSpec match = (matchSpec != null) ? MatchSpec.parse(matchSpec) : null;
			plan = this.converter.plan(new ConversionSpec(operands.get(0), destination,
					pairs(options, "key-fields"), pairs(options, "update-fields"), options.value("link-field"), match,
					options.positive("max-records", 0), list(options.value("order-by"))));
		}
		catch (IllegalArgumentException ex) {
			throw new CommandUsageException(ex.getMessage());
		}
		boolean dryRun = options.has("dry-run");
		ConversionSummary summary;
		try (ProgressDisplay progress = ProgressDisplay.open("Converting", this.converter.count(plan), out)) {
			summary = this.converter.convert(plan, dryRun, progress);
		}
		out.printf("%s %d of %d rows from %s into %s%n",
				dryRun ? "Dry run, nothing written: would migrate" : "Migrated", summary.migrated(), summary.read(),
				operands.get(0), destination.name());
		// Most frequent reasons first, so that the line reads the same whatever order the rows were read in.
		if (summary.skippedCount() > 0) {
			out.println("Skipped " + summary.skippedCount() + ": " + summary.skipped()
				.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.map((reason) -> reason.getKey() + " (" + reason.getValue() + ")")
				.collect(Collectors.joining(", ")));
		}
		return OK;
	}

	private static Map<String, String> pairs(CommandArguments options, String option) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : list(options.value(option))) {
			String[] parts = pair.split(":", -1);
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new CommandUsageException(
						"--" + option + " takes source:destination pairs separated by commas, was '" + pair + "'");
			}
			if (pairs.put(parts[0].trim(), parts[1].trim()) != null) {
				throw new CommandUsageException("--" + option + " names " + parts[0] + " twice");
			}
		}
		return pairs;
	}

	private static List<String> list(@Nullable String value) {
		if (value == null) {
			return List.of();
		}
		List<String> items = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
		if (items.contains("")) {
			throw new CommandUsageException("Empty item in '" + value + "'");
		}
		return items;
	}

}
