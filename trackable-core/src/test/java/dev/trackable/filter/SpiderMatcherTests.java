package dev.trackable.filter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SpiderMatcherTests {

	private static SpiderMatcher matcher;

	private static List<Pattern> patterns;

	@BeforeAll
	static void compile() {
		SpiderPatterns bundled = SpiderPatterns.bundled();
		matcher = bundled.matcher();
		patterns = bundled.patterns().stream().map((p) -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
	}

	/**
	 * The literal index only decides which patterns to run; it must never change a verdict. Checked against running
	 * every pattern, on a fifth of the corpus (running every pattern is slow) in a variant that moves literals to the
	 * edges or changes case, and on random mixtures of pattern text; the seed changes from run to run and is in the
	 * failure message.
	 */
	@Test
	void agreesWithRunningEveryPatternOnTheCorpusAndOnRandomText() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<String> inputs = new ArrayList<>();
		for (Map<String, List<String>> files : List.of(Corpus.bots(), Corpus.humans())) {
			for (List<String> userAgents : files.values()) {
				for (int i = random.nextInt(5); i < userAgents.size(); i += 5) {
					inputs.add(variant(userAgents.get(i), random));
				}
			}
		}
		int corpusInputs = inputs.size();
		for (int i = 0; i < 2_000; i++) {
			inputs.add(mixture(random));
		}
		int bots = 0;
		for (String input : inputs) {
			boolean expected = runEveryPattern(input);
			assertThat(matcher.isBot(input)).as("verdict on \"%s\" (seed %d)", input, seed).isEqualTo(expected);
			bots += expected ? 1 : 0;
		}
		// Both verdicts occur often, so the comparison means something either way.
		assertThat(bots).isBetween(corpusInputs / 10, inputs.size() * 9 / 10);
	}

	private static String variant(String userAgent, Random random) {
		int cut = random.nextInt(userAgent.length() + 1);
		return switch (random.nextInt(4)) {
			case 0 -> userAgent;
			case 1 -> userAgent.toUpperCase(Locale.ROOT);
			case 2 -> userAgent.substring(cut);
			default -> userAgent.substring(0, cut);
		};
	}

	/** Pieces of patterns' text (their literals, more or less) and random characters, case-folding oddities included. */
	private static String mixture(Random random) {
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /;:()._-+@,\u212A\u017F\u00E9";
		List<String> sources = SpiderPatterns.bundled().patterns();
		StringBuilder input = new StringBuilder();
		for (int piece = random.nextInt(4); piece >= 0; piece--) {
			if (random.nextBoolean()) {
				String source = sources.get(random.nextInt(sources.size())).replaceAll("[\\\\^$?*+(){}\\[\\]|]", "");
				input.append(source, 0, Math.min(source.length(), 1 + random.nextInt(12)));
			}
			else {
				for (int c = random.nextInt(6); c >= 0; c--) {
					input.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
		}
		return input.toString();
	}

	@Test
	void knowsWellKnownBotsAndBrowsers() {
		assertThat(matcher.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
		assertThat(matcher.isBot("curl/8.5.0")).isTrue();
		assertThat(matcher.isBot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "HeadlessChrome/120.0.0.0 Safari/537.36")).isTrue();
		assertThat(matcher.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36")).isFalse();
		assertThat(matcher.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1")).isFalse();
	}

	@Test
	void leavesMissingUserAgentsToTheCaller() {
		assertThat(matcher.isBot(null)).isFalse();
		assertThat(matcher.isBot("")).isFalse();
	}

	@Test
	void looksAtTheFirst512CharactersOnly() {
		String browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36 ";
		String padded = browser + "x".repeat(SpiderMatcher.MAX_LENGTH - browser.length());
		assertThat(matcher.isBot(padded + "Googlebot/2.1")).isFalse();
		assertThat(matcher.isBot(padded.substring(20) + "Googlebot/2.1")).isTrue();
	}

	/**
	 * A hang guard, not a speed target: these inputs make backtracking engines explode, and RE2 on 512 characters
	 * cannot. Speed is measured in the benchmarks module.
	 */
	@Test
	void pathologicalAndHugeUserAgentsAreCheckedWithoutCatastrophicBacktracking() {
		List<String> inputs = List.of("a".repeat(1 << 20), "/1.0".repeat(300_000), "Mozilla/5.0 (".repeat(80_000),
				" ".repeat(1 << 20) + "bot", "1.".repeat(500_000) + "!", "(((((((((((".repeat(50_000),
				"\u212A".repeat(1 << 20));
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (String input : inputs) {
				assertThat(matcher.isBot(input)).as("verdict on %s...", input.substring(0, 20))
					.isEqualTo(runEveryPattern(input));
			}
		});
	}

	@Test
	void patternsWithoutALiteralAreFew() {
		// They run on every user agent; many of them would make the matcher slow.
		assertThat(matcher.unindexedCount()).isLessThan(20);
	}

	private static boolean runEveryPattern(String userAgent) {
		String text = (userAgent.length() > SpiderMatcher.MAX_LENGTH)
				? userAgent.substring(0, SpiderMatcher.MAX_LENGTH) : userAgent;
		for (Pattern pattern : patterns) {
			if (pattern.matcher(text).find()) {
				return true;
			}
		}
		return false;
	}

}
