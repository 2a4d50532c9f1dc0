package dev.trackable.send;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.trackable.Dataset;
import dev.trackable.IncrementSink;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.spool.ReplayResult;
import dev.trackable.spool.Spool;
import org.jspecify.annotations.Nullable;

/**
 * Publishes one confirmed message per increment on the caller's thread, as django-trackable did. Broker errors reach
 * the caller, unless connection errors are captured: then the message goes to the spool, the outage listener is
 * told, and the next call that reaches the broker replays the spool first. Slower than {@link BatchingPublisher} by
 * orders of magnitude.
 */
public final class ImmediatePublisher implements IncrementSink {

	private final TrackableBroker broker;

	private final CountMessageCodec codec = new CountMessageCodec();

	private final @Nullable Spool captureSpool;

	private final BrokerOutageListener outageListener;

	private final PublishCounters counters;

	private final SpoolRepublisher republisher;

	private boolean down;

	/**
	 * Creates a publisher.
	 * @param broker the broker
	 * @param captureSpool where messages wait when connection errors are captured; {@code null} to let broker
	 * errors reach the caller
	 * @param outageListener told when an outage begins and ends, when errors are captured
	 * @param counters counts what was published, spooled and replayed
	 */
	public ImmediatePublisher(TrackableBroker broker, @Nullable Spool captureSpool,
			BrokerOutageListener outageListener, PublishCounters counters) {
		this.broker = broker;
		this.captureSpool = captureSpool;
		this.outageListener = outageListener;
		this.counters = counters;
		this.republisher = new SpoolRepublisher(broker, this.codec, counters);
	}

	@Override
	public void add(Dataset dataset, Object parentId, @Nullable LocalDateTime period, Dataset.Counter counter,
			long amount) {
		CountMessage message = CountMessage.of(dataset.name(),
				List.of(new CountRow(parentId.toString(), period, Map.of(counter.name(), amount))));
		byte[] body = this.codec.encode(message);
		Spool spool = this.captureSpool;
		if (spool == null) {
			this.broker.publish(message, body);
			this.counters.published(message.dataset());
			return;
		}
		synchronized (this) {
			try {
				ReplayResult replay = replay(spool);
				if (replay.failure() != null) {
					throw new IllegalStateException("The broker is still unreachable", replay.failure());
				}
				this.broker.publish(message, body);
				this.counters.published(message.dataset());
				if (this.down) {
					this.down = false;
					this.outageListener.outageEnded(spool.spooledRecords(), spool.replayedRecords());
				}
			}
			catch (RuntimeException ex) {
				if (spool.append(body)) {
					this.counters.spooled(message.dataset());
				}
				else {
					this.counters.dropped(message.dataset(), message.countCount());
				}
				if (!this.down) {
					this.down = true;
					this.outageListener.outageBegan(ex);
				}
			}
		}
	}

	/**
	 * Replays the spool of captured messages, if any.
	 */
	@Override
	public synchronized boolean publishPending() {
		Spool spool = this.captureSpool;
		return spool == null || replay(spool).complete();
	}

	private ReplayResult replay(Spool spool) {
		if (spool.isEmpty()) {
			return new ReplayResult(0, 0, null);
		}
		return spool.replay(this.republisher);
	}

}
