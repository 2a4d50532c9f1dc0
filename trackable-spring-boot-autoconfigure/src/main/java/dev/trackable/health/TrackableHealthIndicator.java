package dev.trackable.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.spool.Spool;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.AmqpException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports trackable DOWN when counts are being lost or held back, and UP otherwise, with the details an operator
 * needs either way.
 * <p>
 * An unreachable broker alone is not DOWN: the publisher keeps what it cannot publish in the spool, and the
 * application serves its requests as before. It is DOWN when the broker cannot be reached <em>and</em> the spool has
 * grown since the broker was last seen reachable, so that increments pile up on this instance's disk; or when
 * collection has not succeeded for {@value #STALE_COLLECTION_PERIODS} collection periods (counting from the start
 * until a first success), so that counts no longer reach the database. The second rule applies only where the
 * collection task runs.
 */
public final class TrackableHealthIndicator extends AbstractHealthIndicator {

	/** How many collection periods without a successful collection make trackable DOWN. */
	public static final int STALE_COLLECTION_PERIODS = 3;

	private final TrackableBroker broker;

	private final Spool spool;

	private final CollectionHistory history;

	private final @Nullable Duration collectionPeriod;

	private final Clock clock;

	private final AtomicLong spooledWhenReachable;

	/**
	 * Creates the indicator.
	 * @param broker the broker
	 * @param spool the spool
	 * @param history how the latest collections ended
	 * @param collectionPeriod the period of the collection task, or {@code null} if this instance does not run it
	 * @param clock the clock
	 */
	public TrackableHealthIndicator(TrackableBroker broker, Spool spool, CollectionHistory history,
			@Nullable Duration collectionPeriod, Clock clock) {
		super("trackable health check failed");
		this.broker = broker;
		this.spool = spool;
		this.history = history;
		this.collectionPeriod = collectionPeriod;
		this.clock = clock;
		this.spooledWhenReachable = new AtomicLong(spool.spooledRecords());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean down = checkBroker(builder);
		down |= checkCollection(builder);
		if (down) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

	private boolean checkBroker(Health.Builder builder) {
		long spooled = this.spool.spooledRecords();
		Map<String, Object> spoolDetails = new LinkedHashMap<>();
		spoolDetails.put("sizeBytes", this.spool.sizeBytes());
		spoolDetails.put("spooledRecords", spooled);
		spoolDetails.put("replayedRecords", this.spool.replayedRecords());
		builder.withDetail("spool", spoolDetails);
		try {
			builder.withDetail("broker", Map.of("status", "reachable", "version", brokerVersion()));
			this.spooledWhenReachable.set(spooled);
			return false;
		}
		catch (AmqpException ex) {
			long since = this.spooledWhenReachable.get();
			boolean growing = !this.spool.isEmpty() && spooled > since;
			builder.withDetail("broker", Map.of("status", "unreachable", "error", ex.toString()));
			spoolDetails.put("growing", growing);
			spoolDetails.put("spooledSinceBrokerReachable", spooled - since);
			return growing;
		}
	}

	private String brokerVersion() {
		String version = this.broker.execute((channel) -> String
			.valueOf(channel.getConnection().getServerProperties().getOrDefault("version", "unknown")));
		return (version != null) ? version : "unknown";
	}

	private boolean checkCollection(Health.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		Instant lastSucceeded = this.history.lastSucceededAt();
		details.put((this.history.lastSuccess() != null) ? "lastSuccess" : "noSuccessSince", lastSucceeded.toString());
		details.put("failuresSinceLastSuccess", this.history.failuresSinceSuccess());
		CollectionHistory.Failure failure = this.history.lastFailure();
		if (failure != null) {
			details.put("lastFailure", failure.startedAt() + ": " + failure.error());
		}
		boolean stale = false;
		if (this.collectionPeriod != null) {
			Instant deadline = lastSucceeded.plus(this.collectionPeriod.multipliedBy(STALE_COLLECTION_PERIODS));
			stale = this.clock.instant().isAfter(deadline);
			details.put("period", this.collectionPeriod.toString());
			details.put("stale", stale);
		}
		builder.withDetail("collection", details);
		return stale;
	}

}
