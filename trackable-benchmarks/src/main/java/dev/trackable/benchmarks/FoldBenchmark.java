package dev.trackable.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.autoconfigure.TrackableProperties;
import dev.trackable.benchmarks.app.ArticleDailyData;
import dev.trackable.benchmarks.app.BenchmarkRun;
import dev.trackable.collect.CollectionResult;
import dev.trackable.collect.Collector;
import dev.trackable.collect.MalformedMessageHandler;
import dev.trackable.fold.CounterUpserter;
import dev.trackable.fold.RowKey;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fold, on PostgreSQL: R distinct daily rows of {@link ArticleDailyData}, each counted in O messages of 1,000
 * rows (as when several intervals or instances count the same objects), drained by the collector, which folds the
 * R x O message rows into R rows and upserts them. Against the same R rows written by the {@link CounterUpserter}
 * alone (no broker, no fold) and by raw JDBC: multi-row {@code INSERT ... ON CONFLICT DO UPDATE} statements of
 * {@code upsert-batch-size} rows in one transaction, the ceiling. Then the same messages drained by 1, 2 and 3
 * collectors at once, in chunks small enough to share out.
 * <p>
 * {@code --rows=R --overlap=O --rounds=N --scale-chunk=C}; any other argument goes to the application.
 */
public final class FoldBenchmark {

	private static final int ROWS_PER_MESSAGE = 1000;

	private final BenchmarkRun run;

	private final Dataset dataset;

	private final int rows;

	private final int overlap;

	private final LocalDateTime today = Period.DAY.start(LocalDateTime.now());

	private FoldBenchmark(BenchmarkRun run, int rows, int overlap) {
		this.run = run;
		this.dataset = run.bean(TrackableRegistry.class).dataset("ArticleDailyData");
		this.rows = rows;
		this.overlap = overlap;
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args, Map.of("rows", 50_000, "overlap", 4, "rounds", 3, "scale-chunk", 20));
		try (BenchmarkRun run = BenchmarkRun.start(options.application())) {
			run.truncate();
			FoldBenchmark benchmark = new FoldBenchmark(run, options.get("rows"), options.get("overlap"));
			System.out.printf("fold: %s%n  %,d rows, each in %d messages of %,d rows: %,d messages, %,d message rows%n",
					String.join(" ", args), benchmark.rows, benchmark.overlap, ROWS_PER_MESSAGE,
					benchmark.messages().size(), (long) benchmark.rows * benchmark.overlap);
			for (int round = 1; round <= options.get("rounds"); round++) {
				benchmark.round(round);
			}
			for (int collectors = 1; collectors <= 3; collectors++) {
				benchmark.scaleOut(collectors, options.get("scale-chunk"));
			}
		}
	}

	private void round(int round) throws SQLException {
		long start = System.nanoTime();
		rawUpsert();
		long raw = System.nanoTime() - start;
		start = System.nanoTime();
		upserterOnly();
		long upserter = System.nanoTime() - start;
		publish();
		start = System.nanoTime();
		CollectionResult result = this.run.bean(Collector.class).collect(Long.MAX_VALUE);
		long collector = System.nanoTime() - start;
		System.out.printf("  round %d: raw JDBC %,.0f rows/s | upserter %,.0f rows/s | collector %,.0f rows/s, "
				+ "%,.0f increments/s (%,d messages into %,d rows, %,d upserts) | collector/raw %.0f%%%n", round,
				this.rows / seconds(raw), this.rows / seconds(upserter), result.rows() / seconds(collector),
				result.increments() / seconds(collector), result.messages(), result.rows(), result.statements(),
				100.0 * raw / collector * result.rows() / this.rows);
	}

	private void scaleOut(int collectors, int chunk) throws Exception {
		Collector[] instances = new Collector[collectors];
		for (int i = 0; i < collectors; i++) {
			instances[i] = collector(chunk);
		}
		publish();
		ExecutorService executor = Executors.newFixedThreadPool(collectors);
		List<Callable<CollectionResult>> runs = new ArrayList<>();
		for (Collector collector : instances) {
			runs.add(() -> collector.collect(Long.MAX_VALUE));
		}
		long start = System.nanoTime();
		List<Future<CollectionResult>> results = executor.invokeAll(runs);
		long elapsed = System.nanoTime() - start;
		executor.shutdown();
		long rowsWritten = 0;
		long increments = 0;
		for (Future<CollectionResult> result : results) {
			rowsWritten += result.get().rows();
			increments += result.get().increments();
		}
		System.out.printf("  %d collector(s) at once, chunks of %d messages: %,.0f rows/s, %,.0f increments/s%n",
				collectors, chunk, rowsWritten / seconds(elapsed), increments / seconds(elapsed));
	}

	/** A collector like the application's, with chunks of another size. */
	private Collector collector(int chunk) {
		TrackableProperties properties = this.run.bean(TrackableProperties.class);
		return new Collector(this.run.bean(TrackableBroker.class), this.run.bean(TrackableRegistry.class),
				new TransactionTemplate(this.run.bean(PlatformTransactionManager.class)), entityManager(),
				new CounterUpserter(properties.getUpsertBatchSize()), this.run.bean(MalformedMessageHandler.class),
				chunk, properties.getDedupeRetention(), Clock.systemUTC(), List.of());
	}

	private EntityManager entityManager() {
		return SharedEntityManagerCreator.createSharedEntityManager(this.run.bean(EntityManagerFactory.class));
	}

	/** Row k's parent id, in the key order the collector writes in. */
	private List<String> parentIds() {
		List<String> ids = new ArrayList<>(this.rows);
		for (int k = 0; k < this.rows; k++) {
			ids.add(Integer.toString(k));
		}
		ids.sort(null);
		return ids;
	}

	private List<CountMessage> messages() {
		List<CountRow> all = new ArrayList<>(this.rows);
		for (String id : parentIds()) {
			all.add(new CountRow(id, this.today, Map.of("impressions", 1L, "clickThroughs", 1L)));
		}
		List<CountMessage> messages = new ArrayList<>();
		for (int copy = 0; copy < this.overlap; copy++) {
			for (int from = 0; from < all.size(); from += ROWS_PER_MESSAGE) {
				messages.add(CountMessage.of(this.dataset.name(),
						all.subList(from, Math.min(all.size(), from + ROWS_PER_MESSAGE))));
			}
		}
		return messages;
	}

	private void publish() {
		TrackableBroker broker = this.run.bean(TrackableBroker.class);
		CountMessageCodec codec = new CountMessageCodec();
		for (CountMessage message : messages()) {
			broker.publish(message, codec.encode(message));
		}
	}

	private void upserterOnly() {
		SortedMap<RowKey, long[]> folded = new TreeMap<>();
		for (String id : parentIds()) {
			folded.put(new RowKey(id, this.today), new long[] { this.overlap, this.overlap });
		}
		CounterUpserter upserter = new CounterUpserter(this.run.bean(TrackableProperties.class).getUpsertBatchSize());
		EntityManager entityManager = entityManager();
		new TransactionTemplate(this.run.bean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> upserter.upsert(entityManager, this.dataset, folded));
	}

	private void rawUpsert() throws SQLException {
		int perStatement = Integer.highestOneBit(this.run.bean(TrackableProperties.class).getUpsertBatchSize());
		List<String> ids = parentIds();
		Map<Integer, PreparedStatement> statements = new HashMap<>();
		try (Connection connection = this.run.bean(DataSource.class).getConnection()) {
			connection.setAutoCommit(false);
			Timestamp period = Timestamp.valueOf(this.today);
			for (int from = 0; from < ids.size(); from += perStatement) {
				int size = Math.min(perStatement, ids.size() - from);
				PreparedStatement upsert = statements.computeIfAbsent(size, (count) -> prepare(connection, count));
				int position = 1;
				for (String id : ids.subList(from, from + size)) {
					upsert.setString(position++, "Article");
					upsert.setString(position++, id);
					upsert.setTimestamp(position++, period);
					upsert.setLong(position++, this.overlap);
					upsert.setLong(position++, this.overlap);
				}
				upsert.executeUpdate();
			}
			connection.commit();
		}
	}

	private static PreparedStatement prepare(Connection connection, int rows) {
		StringBuilder sql = new StringBuilder(
				"INSERT INTO article_daily_data (parent_type, parent_id, collected_during, impressions, click_throughs) VALUES ");
		for (int row = 0; row < rows; row++) {
			sql.append((row > 0) ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)");
		}
		sql.append(" ON CONFLICT (parent_type, parent_id, collected_during) DO UPDATE SET impressions = "
				+ "article_daily_data.impressions + EXCLUDED.impressions, click_throughs = "
				+ "article_daily_data.click_throughs + EXCLUDED.click_throughs");
		try {
			return connection.prepareStatement(sql.toString());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
