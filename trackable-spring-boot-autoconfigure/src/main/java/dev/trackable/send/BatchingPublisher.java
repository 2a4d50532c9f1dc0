package dev.trackable.send;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.trackable.Dataset;
import dev.trackable.IncrementSink;
import dev.trackable.accumulate.Accumulator;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.log.ThrottledLogger;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.spool.ReplayResult;
import dev.trackable.spool.Spool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The default way increments reach the broker: callers add to an in-memory {@link Accumulator}, and a background
 * thread publishes its sums every interval (or as soon as it holds a batch's worth of counters), one message per
 * dataset and batch. Stopping the application publishes what is left.
 * <p>
 * A batch the broker does not confirm is written to the local {@link Spool} and replayed, before anything newer,
 * once the broker confirms again, also after a restart; its message keeps its id, so the collector does not count
 * it twice should the broker have received it after all. A broker outage delays counts but does not lose them.
 */
public final class BatchingPublisher implements IncrementSink, SmartLifecycle {

	/**
	 * Stops after the web server has stopped taking requests (lower phases stop later), so that the last
	 * requests' increments are still published.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(BatchingPublisher.class);

	private final ThrottledLogger publishFailures = new ThrottledLogger(logger, 1, TimeUnit.MINUTES);

	private final ThrottledLogger replayFailures = new ThrottledLogger(logger, 1, TimeUnit.MINUTES);

	private final ThrottledLogger droppedFailures = new ThrottledLogger(logger, 1, TimeUnit.MINUTES);

	private final Spool spool;

	private final Backoff backoff;

	private final BrokerOutageListener outageListener;

	private @Nullable Exception lastFailure;

	private boolean down;

	private long spooledAtOutage;

	private long replayedAtOutage;

	private final TrackableBroker broker;

	private final CountMessageCodec codec = new CountMessageCodec();

	private final Accumulator accumulator;

	private final long intervalNanos;

	private final int rowsPerMessage;

	private final PublishCounters counters;

	private final SpoolRepublisher republisher;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	/**
	 * Creates a publisher.
	 * @param broker the broker
	 * @param interval how often to publish
	 * @param batchSize how many distinct counters make a batch; also the most rows of one message
	 * @param spool where batches the broker does not confirm wait for it
	 * @param outageListener told when an outage begins and ends
	 * @param counters counts what was published, spooled, replayed and dropped
	 */
	public BatchingPublisher(TrackableBroker broker, Duration interval, int batchSize, Spool spool,
			BrokerOutageListener outageListener, PublishCounters counters) {
		this.broker = broker;
		this.spool = spool;
		this.outageListener = outageListener;
		this.counters = counters;
		this.republisher = new SpoolRepublisher(broker, this.codec, counters);
		this.backoff = new Backoff(interval, Duration.ofSeconds(30));
		this.intervalNanos = interval.toNanos();
		this.rowsPerMessage = batchSize;
		this.accumulator = new Accumulator(batchSize, this::wakeUp);
	}

	@Override
	public void add(Dataset dataset, Object parentId, @Nullable LocalDateTime period, Dataset.Counter counter,
			long amount) {
		this.accumulator.add(dataset, parentId, period, counter, amount);
	}

	private void wakeUp() {
		Thread publisher = this.thread;
		if (publisher != null) {
			LockSupport.unpark(publisher);
		}
	}

	@Override
	public void start() {
		Thread publisher = new Thread(this::run, "trackable-publisher");
		publisher.setDaemon(true);
		this.running = true;
		this.thread = publisher;
		publisher.start();
	}

	private void run() {
		while (this.running) {
			LockSupport.parkNanos(this, this.intervalNanos);
			if (this.running) {
				publishPending();
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread publisher = this.thread;
		if (publisher != null) {
			LockSupport.unpark(publisher);
			try {
				publisher.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		if (!publishPending()) {
			logger.warn("Stopped with increments the broker did not accept; they wait in the spool in {} for the "
					+ "next start", this.spool.directory());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Publishes everything accumulated so far, after what the spool holds; what the broker does not confirm goes to
	 * the spool. While the broker is down, attempts to reach it are spaced out and batches go straight to the spool.
	 * @return whether everything reached the broker, so that nothing waits in the spool
	 */
	@Override
	public synchronized boolean publishPending() {
		long spooledBefore = this.spool.spooledRecords();
		boolean attempted = this.backoff.ready();
		boolean reachable = attempted && replaySpool();
		boolean complete = true;
		for (Map.Entry<Dataset, List<CountRow>> drained : this.accumulator.drain().entrySet()) {
			Dataset dataset = drained.getKey();
			List<CountRow> rows = drained.getValue();
			for (int from = 0; from < rows.size(); from += this.rowsPerMessage) {
				CountMessage message = CountMessage.of(dataset.name(),
						rows.subList(from, Math.min(rows.size(), from + this.rowsPerMessage)));
				byte[] body = this.codec.encode(message);
				if (!reachable || !publish(message, body)) {
					reachable = false;
					complete = false;
					spool(message, body);
				}
			}
		}
		// Only an attempt that failed spaces out the next one; waiting for the backoff is not a failure.
		if (reachable) {
			this.backoff.succeeded();
			if (this.down) {
				this.down = false;
				this.outageListener.outageEnded(this.spool.spooledRecords() - this.spooledAtOutage,
						this.spool.replayedRecords() - this.replayedAtOutage);
			}
		}
		else if (attempted) {
			this.backoff.failed();
			if (!this.down && this.lastFailure != null) {
				this.down = true;
				this.spooledAtOutage = spooledBefore;
				this.replayedAtOutage = this.spool.replayedRecords();
				this.outageListener.outageBegan(this.lastFailure);
			}
		}
		return complete && this.spool.isEmpty();
	}

	private boolean replaySpool() {
		if (this.spool.isEmpty()) {
			return true;
		}
		ReplayResult result = this.spool.replay(this.republisher);
		if (result.failure() != null) {
			this.lastFailure = result.failure();
			this.replayFailures.warn("Could not replay the spool in {}; retrying later: {}", this.spool.directory(),
					result.failure().toString());
		}
		return result.complete();
	}

	private boolean publish(CountMessage message, byte[] body) {
		try {
			this.broker.publish(message, body);
			this.counters.published(message.dataset());
			return true;
		}
		catch (RuntimeException ex) {
			this.lastFailure = ex;
			this.publishFailures.warn("Could not publish increments of {}; they are spooled in {} and retried: {}",
					message.dataset(), this.spool.directory(), ex.toString());
			return false;
		}
	}

	private void spool(CountMessage message, byte[] body) {
		try {
			if (this.spool.append(body)) {
				this.counters.spooled(message.dataset());
				return;
			}
			this.droppedFailures.error("The spool in {} is full: dropped {} increments of {}",
					this.spool.directory(), message.countCount(), message.dataset());
		}
		catch (RuntimeException ex) {
			this.droppedFailures.error("Could not spool increments in {}: dropped {} increments of {}: {}",
					this.spool.directory(), message.countCount(), message.dataset(), ex.toString());
		}
		this.counters.dropped(message.dataset(), message.countCount());
	}

	/** @return the number of counter increments dropped because the spool was full or failed */
	public long droppedIncrements() {
		return this.counters.droppedIncrements();
	}

	/** @return the number of messages published so far */
	public long publishedMessages() {
		return this.counters.publishedMessages();
	}

	/** @return the number of counters held in memory, including those drained to zero and not yet retired */
	public int pendingCounters() {
		return this.accumulator.size();
	}

}
