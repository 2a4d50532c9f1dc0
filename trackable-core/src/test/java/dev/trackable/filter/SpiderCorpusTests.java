package dev.trackable.filter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the bundled patterns on the labelled corpus (see {@code corpus/CORPUS.md}): recall on bots, false
 * positives on people's user agents, and the same figures of isbot, run by node on the same files in the same run.
 */
class SpiderCorpusTests {

	private static final Path CORPUS = Path.of("src/test/resources/dev/trackable/filter/corpus");

	private static final Path ISBOT = Path.of("src/spider-patterns");

	private final SpiderMatcher matcher = SpiderPatterns.bundled().matcher();

	@Test
	void catchesAtLeast98PercentOfBotsAndFlagsAtMostOnePercentOfPeople() {
		Tally bots = tally(Corpus.bots());
		Tally people = tally(Corpus.humans());
		System.out.printf("Spider patterns: recall %s on bots, false positives %s on people%n", bots, people);
		assertThat(bots.rate()).as("recall on bots %s", bots).isGreaterThanOrEqualTo(0.98);
		assertThat(people.rate()).as("false positives on people %s", people).isLessThanOrEqualTo(0.01);
	}

	/**
	 * isbot is the most used detector and the source of many of the bundled patterns; on this corpus trackable's list
	 * must catch no fewer bots and flag at most a quarter as many people.
	 */
	@Test
	void doesBetterThanIsbotOnTheSameCorpus() throws Exception {
		Map<String, Integer> isbot = isbotVerdicts();
		Tally isbotBots = new Tally();
		Tally isbotPeople = new Tally();
		Corpus.bots().forEach((file, userAgents) -> isbotBots.add(isbot.get(file), userAgents.size()));
		Corpus.humans().forEach((file, userAgents) -> isbotPeople.add(isbot.get(file), userAgents.size()));
		Tally bots = tally(Corpus.bots());
		Tally people = tally(Corpus.humans());
		System.out.printf("isbot: recall %s on bots, false positives %s on people%n", isbotBots, isbotPeople);
		assertThat(bots.rate()).as("recall %s, isbot's %s", bots, isbotBots).isGreaterThanOrEqualTo(isbotBots.rate());
		assertThat(people.rate()).as("false positives %s, isbot's %s", people, isbotPeople)
			.isLessThanOrEqualTo(isbotPeople.rate() / 4);
	}

	private Tally tally(Map<String, List<String>> files) {
		Tally total = new Tally();
		files.forEach((file, userAgents) -> {
			Tally tally = new Tally();
			userAgents.forEach((userAgent) -> tally.add(this.matcher.isBot(userAgent) ? 1 : 0, 1));
			System.out.printf("  %-20s %s flagged%n", file, tally);
			total.add(tally.flagged, tally.total);
		});
		return total;
	}

	/** Runs isbot under node; skipped where node is missing, except under CI, where it must run. */
	private static Map<String, Integer> isbotVerdicts() throws IOException, InterruptedException {
		boolean ci = "true".equals(System.getenv("CI"));
		boolean node = onPath("node") && onPath("npm");
		if (!ci) {
			Assumptions.assumeTrue(node, "node and npm are not on the PATH: the comparison with isbot is skipped");
		}
		assertThat(node).as("node and npm on the PATH (required when CI=true)").isTrue();
		if (!Files.isDirectory(ISBOT.resolve("node_modules/isbot"))) {
			run(ISBOT, "npm", "ci", "--no-audit", "--no-fund");
		}
		List<String> command = new ArrayList<>(List.of("node", "isbot-verdicts.mjs"));
		for (String file : Corpus.BOT_FILES) {
			command.add(CORPUS.resolve(file + ".txt").toAbsolutePath().toString());
		}
		for (String file : Corpus.HUMAN_FILES) {
			command.add(CORPUS.resolve(file + ".txt").toAbsolutePath().toString());
		}
		Map<String, Integer> flagged = new HashMap<>();
		for (String line : run(ISBOT, command.toArray(String[]::new)).lines().toList()) {
			String[] fields = line.split(" ");
			flagged.put(fields[0], Integer.parseInt(fields[1]));
		}
		assertThat(flagged).hasSize(Corpus.BOT_FILES.size() + Corpus.HUMAN_FILES.size());
		return flagged;
	}

	private static String run(Path directory, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", List.of(command)).isTrue();
		assertThat(process.exitValue()).as("exit code of %s; output:%n%s", List.of(command), output).isZero();
		return output;
	}

	private static boolean onPath(String program) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

	/** How many of how many user agents were flagged as bots. */
	private static final class Tally {

		int flagged;

		int total;

		void add(int flagged, int total) {
			this.flagged += flagged;
			this.total += total;
		}

		double rate() {
			return (double) this.flagged / this.total;
		}

		@Override
		public String toString() {
			return String.format("%.2f%% (%d of %d)", 100 * rate(), this.flagged, this.total);
		}

	}

}
