package dev.trackable.collect;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the collector every collection period on a thread of its own, so that it neither needs
 * {@code @EnableScheduling} in the application nor competes with the application's own scheduled tasks.
 */
public final class CollectionTask implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CollectionTask.class);

	private final Collector collector;

	private final Duration period;

	private final long maxMessagesPerQueue;

	private volatile @Nullable ScheduledExecutorService scheduler;

	/**
	 * Creates the task.
	 * @param collector the collector
	 * @param period the time between the end of one run and the start of the next
	 * @param maxMessagesPerQueue the most messages one run takes from each queue
	 */
	public CollectionTask(Collector collector, Duration period, long maxMessagesPerQueue) {
		this.collector = collector;
		this.period = period;
		this.maxMessagesPerQueue = maxMessagesPerQueue;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "trackable-collector");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.period.toMillis();
		executor.scheduleWithFixedDelay(this::collect, millis, millis, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	private void collect() {
		try {
			this.collector.collect(this.maxMessagesPerQueue);
		}
		catch (RuntimeException ex) {
			// Keep the schedule: the messages of a failed run stay queued for the next one.
			logger.error("Collection failed; retrying in {}", this.period, ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
