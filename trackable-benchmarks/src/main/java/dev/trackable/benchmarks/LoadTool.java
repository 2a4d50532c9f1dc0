package dev.trackable.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.trackable.Trackable;
import dev.trackable.benchmarks.app.Article;
import dev.trackable.benchmarks.app.BenchmarkRun;
import dev.trackable.benchmarks.app.StatementCounter;
import dev.trackable.collect.CollectionResult;
import dev.trackable.collect.Collector;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end through RabbitMQ into PostgreSQL: T threads each call {@code Trackable.increment(article,
 * "impressions")} N times, spread evenly over K objects; every call reaches both datasets of {@link Article}. A
 * collector drains the queues meanwhile, as the scheduled one does, and the tool waits until the tables hold every
 * increment, then checks each object's total in both datasets and fails (exit status 1) unless all are exact.
 * <p>
 * {@code --threads=T --increments=N --objects=K}; any other argument goes to the application, for example
 * {@code --trackable.publish-mode=immediate}. Reports calls accepted per second (until the last call returned),
 * end-to-end calls per second (until the last was in the tables), messages and rows folded, SQL statements and the
 * peak of the heap in use.
 */
public final class LoadTool {

	private static final long PATIENCE_MILLIS = TimeUnit.SECONDS.toMillis(60);

	private final int threads;

	private final int increments;

	private final int objects;

	private LoadTool(int threads, int increments, int objects) {
		this.threads = threads;
		this.increments = increments;
		this.objects = objects;
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args, Map.of("threads", 2, "increments", 1_000_000, "objects", 10_000));
		LoadTool tool = new LoadTool(options.get("threads"), options.get("increments"), options.get("objects"));
		try (BenchmarkRun run = BenchmarkRun.start(options.application())) {
			run.truncate();
			System.out.println(tool.drive(run, String.join(" ", args)));
		}
		catch (IllegalStateException ex) {
			System.err.println("FAILED: " + ex.getMessage());
			System.exit(1);
		}
	}

	private String drive(BenchmarkRun run, String arguments) throws InterruptedException {
		Article[] articles = new Article[this.objects];
		for (int i = 0; i < this.objects; i++) {
			articles[i] = new Article(i);
		}
		long total = (long) this.threads * this.increments;
		JdbcTemplate jdbc = run.bean(JdbcTemplate.class);
		HeapPeak heap = new HeapPeak();
		Collecting collecting = new Collecting(run.bean(Collector.class));
		long statementsBefore = StatementCounter.count();
		long start = System.nanoTime();
		heap.start();
		collecting.start();
		List<Thread> callers = new ArrayList<>();
		for (int t = 0; t < this.threads; t++) {
			int first = t;
			Thread caller = new Thread(() -> {
				// Call s of the whole run counts object s % K, so every object's expected total is known.
				for (long s = first; s < total; s += this.threads) {
					Trackable.increment(articles[(int) (s % this.objects)], "impressions");
				}
			}, "caller-" + t);
			callers.add(caller);
			caller.start();
		}
		for (Thread caller : callers) {
			caller.join();
		}
		long accepted = System.nanoTime() - start;
		awaitFolded(jdbc, total);
		long folded = System.nanoTime() - start;
		CollectionResult result = collecting.finish();
		heap.interrupt();
		check(jdbc, total);
		return String.format("""
				load: %s
				  calls:               %,d (%d threads x %,d) over %,d objects, each to 2 datasets; totals exact
				  accepted:            %,.0f calls/s (%.2f s)
				  end to end:          %,.0f calls/s (%.2f s until folded)
				  messages folded:     %,d (%,d counter increments, %,d rows upserted)
				  SQL statements:      %,d (%,d of them upserts)
				  peak heap in use:    %,d MB (max %,d MB)""", arguments, total, this.threads, this.increments,
				this.objects, total / seconds(accepted), seconds(accepted), total / seconds(folded), seconds(folded),
				result.messages(), result.increments(), result.rows(), StatementCounter.count() - statementsBefore,
				result.statements(), heap.peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
	}

	private static void awaitFolded(JdbcTemplate jdbc, long total) throws InterruptedException {
		long seen = -1;
		long lastProgress = System.currentTimeMillis();
		for (;;) {
			long daily = jdbc.queryForObject("SELECT COALESCE(SUM(impressions), 0) FROM article_daily_data", Long.class);
			long totals = jdbc.queryForObject("SELECT COALESCE(SUM(impressions), 0) FROM article_totals", Long.class);
			if (daily >= total && totals >= total) {
				return;
			}
			if (daily + totals > seen) {
				seen = daily + totals;
				lastProgress = System.currentTimeMillis();
			}
			else if (System.currentTimeMillis() - lastProgress > PATIENCE_MILLIS) {
				throw new IllegalStateException("No progress for " + PATIENCE_MILLIS / 1000 + " s: " + daily
						+ " increments folded into the daily rows and " + totals + " into the totals of " + total);
			}
			Thread.sleep(100);
		}
	}

	/** Compares every object's total in both datasets with the number of calls that counted it. */
	private void check(JdbcTemplate jdbc, long total) {
		for (String table : List.of("article_daily_data", "article_totals")) {
			long[] found = new long[this.objects];
			List<String> wrong = new ArrayList<>();
			jdbc.query("SELECT parent_id, SUM(impressions) FROM " + table + " GROUP BY parent_id", (row) -> {
				int object = Integer.parseInt(row.getString(1));
				if (object < 0 || object >= this.objects) {
					wrong.add("unknown object " + object);
					return;
				}
				found[object] = row.getLong(2);
			});
			for (int object = 0; object < this.objects; object++) {
				long expected = total / this.objects + ((object < total % this.objects) ? 1 : 0);
				if (found[object] != expected) {
					wrong.add("object " + object + ": " + found[object] + " instead of " + expected);
				}
			}
			if (!wrong.isEmpty()) {
				throw new IllegalStateException(wrong.size() + " wrong totals in " + table + ", e.g. "
						+ wrong.subList(0, Math.min(5, wrong.size())));
			}
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/** The collector, draining the queues over and over as the scheduled task does with a short period. */
	private static final class Collecting extends Thread {

		private final Collector collector;

		private final AtomicReference<CollectionResult> sum = new AtomicReference<>();

		private volatile boolean running = true;

		Collecting(Collector collector) {
			super("collector");
			this.collector = collector;
		}

		@Override
		public void run() {
			CollectionResult total = null;
			while (this.running) {
				CollectionResult result = this.collector.collect(Long.MAX_VALUE);
				total = (total != null) ? total.plus(result) : result;
				this.sum.set(total);
				if (result.taken() == 0) {
					pause();
				}
			}
		}

		private void pause() {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				this.running = false;
			}
		}

		CollectionResult finish() throws InterruptedException {
			this.running = false;
			join();
			return this.sum.get();
		}

	}

	/** Samples the heap in use every 20 ms and keeps the highest. */
	private static final class HeapPeak extends Thread {

		private final AtomicLong peak = new AtomicLong();

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		HeapPeak() {
			super("heap-sampler");
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
