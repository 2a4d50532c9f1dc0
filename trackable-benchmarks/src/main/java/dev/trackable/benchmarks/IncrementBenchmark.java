package dev.trackable.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.trackable.Trackable;
import dev.trackable.benchmarks.app.Article;
import dev.trackable.benchmarks.app.BenchmarkRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The request path: time and allocation of {@code Trackable.increment(article, "impressions")}, which adds to both
 * datasets of {@link Article}, next to the two other ways to count: Micrometer's {@link Counter#increment()}, the
 * in-memory floor, which knows nothing of objects or of persistence, and what an application would otherwise write,
 * a synchronous {@code UPDATE ... SET impressions = impressions + 1} per call on PostgreSQL, each its own transaction.
 * <p>
 * Each call counts another of 1,000 or 1,000,000 distinct objects. With {@code broker=up} the publisher sends the sums
 * to RabbitMQ as in production; with {@code broker=down} nothing listens on its port and batches go to the spool.
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes per call. {@code SampleTime} gives the median
 * ({@code p0.50}), {@code AverageTime} the mean without the sampling's timer overhead.
 */
@BenchmarkMode({ Mode.SampleTime, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IncrementBenchmark {

	/** Coprime with both object counts, so that a thread's cursor visits every object before it repeats. */
	private static final int STRIDE = 7919;

	@Benchmark
	@Threads(1)
	public void trackable(Tracking tracking, Cursor cursor) {
		Trackable.increment(tracking.articles[cursor.next(tracking.objects)], "impressions");
	}

	@Benchmark
	@Threads(2)
	public void trackableTwoThreads(Tracking tracking, Cursor cursor) {
		trackable(tracking, cursor);
	}

	@Benchmark
	@Threads(1)
	public void micrometer(Metrics metrics) {
		metrics.counter.increment();
	}

	@Benchmark
	@Threads(2)
	public void micrometerTwoThreads(Metrics metrics) {
		micrometer(metrics);
	}

	@Benchmark
	@Threads(1)
	public int naiveUpdate(NaiveTable table, NaiveConnection connection) throws SQLException {
		connection.update.setLong(1, connection.cursor.next(table.objects));
		return connection.update.executeUpdate();
	}

	@Benchmark
	@Threads(2)
	public int naiveUpdateTwoThreads(NaiveTable table, NaiveConnection connection) throws SQLException {
		return naiveUpdate(table, connection);
	}

	/** The application, against a running broker or none, and the objects it counts. */
	@State(Scope.Benchmark)
	public static class Tracking {

		@Param({ "1000", "1000000" })
		public int objects;

		@Param({ "up", "down" })
		public String broker;

		private BenchmarkRun run;

		private Article[] articles;

		@Setup(Level.Trial)
		public void start() {
			this.run = "down".equals(this.broker) ? BenchmarkRun.start("--spring.rabbitmq.port=1") : BenchmarkRun.start();
			this.articles = new Article[this.objects];
			for (int i = 0; i < this.objects; i++) {
				this.articles[i] = new Article(i);
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.run.close();
		}

	}

	/** A thread's position among the objects, starting at a random one so that threads count different objects. */
	@State(Scope.Thread)
	public static class Cursor {

		private int position = ThreadLocalRandom.current().nextInt(1_000_000);

		int next(int objects) {
			this.position = (this.position + STRIDE) % objects;
			return this.position;
		}

	}

	/** One counter, registered once. */
	@State(Scope.Benchmark)
	public static class Metrics {

		private final Counter counter = new SimpleMeterRegistry().counter("impressions");

	}

	/** A table with a row per object, as an application that counts in its own rows has. */
	@State(Scope.Benchmark)
	public static class NaiveTable {

		@Param({ "1000", "1000000" })
		public int objects;

		private BenchmarkRun run;

		@Setup(Level.Trial)
		public void create() {
			this.run = BenchmarkRun.start();
			JdbcTemplate jdbc = this.run.bean(JdbcTemplate.class);
			jdbc.execute("DROP TABLE IF EXISTS naive_article_counts");
			jdbc.execute("CREATE TABLE naive_article_counts (id BIGINT PRIMARY KEY, impressions BIGINT NOT NULL)");
			jdbc.update("INSERT INTO naive_article_counts SELECT id, 0 FROM generate_series(0, ?) AS id",
					this.objects - 1);
			jdbc.execute("VACUUM ANALYZE naive_article_counts");
		}

		@TearDown(Level.Trial)
		public void drop() {
			this.run.bean(JdbcTemplate.class).execute("DROP TABLE naive_article_counts");
			this.run.close();
		}

	}

	/** A thread's connection, in auto-commit mode like a repository call outside a transaction. */
	@State(Scope.Thread)
	public static class NaiveConnection {

		private final Cursor cursor = new Cursor();

		private Connection connection;

		private PreparedStatement update;

		@Setup(Level.Trial)
		public void open(NaiveTable table) throws SQLException {
			this.connection = table.run.bean(DataSource.class).getConnection();
			this.connection.setAutoCommit(true);
			this.update = this.connection
				.prepareStatement("UPDATE naive_article_counts SET impressions = impressions + 1 WHERE id = ?");
		}

		@TearDown(Level.Trial)
		public void close() throws SQLException {
			this.connection.close();
		}

	}

}
