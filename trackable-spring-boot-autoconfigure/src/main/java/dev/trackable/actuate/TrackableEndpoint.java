package dev.trackable.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.collect.CollectionResult;
import dev.trackable.collect.Collector;
import dev.trackable.collect.ParkedMessage;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.spool.Spool;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.AmqpException;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code trackable} endpoint: what an operator wants to know without a database client or the broker's console
 * (the datasets, their queues' backlog, parked malformed messages, the spool, the last collection), and the two things
 * an operator does by hand: collect now, and put parked messages back once the application has been fixed.
 * <p>
 * Reading works while the broker is down, as that is when the spool matters: the broker's figures are then left
 * out and the error is shown instead.
 */
@Endpoint(id = "trackable")
public final class TrackableEndpoint {

	/** The write operation that runs a collection now. */
	public static final String COLLECT = "collect";

	/** The write operation that moves parked malformed messages back to their queues. */
	public static final String REPLAY_MALFORMED = "replay-malformed";

	/**
	 * Reading counts parked messages by origin by looking at them, which takes one round trip each; past this many,
	 * the counts are those of the first ones.
	 */
	static final int MAX_PARKED_INSPECTED = 1000;

	private final TrackableRegistry registry;

	private final TrackableBroker broker;

	private final Collector collector;

	private final CollectionHistory history;

	private final ParkedMessages parked;

	private final Spool spool;

	private final long maxMessagesPerQueue;

	/**
	 * Creates the endpoint.
	 * @param registry the datasets
	 * @param broker the broker, for queue depths
	 * @param collector the collector the write operation runs
	 * @param history how the latest collections ended
	 * @param parked the malformed queue
	 * @param spool the spool of batches the broker did not confirm
	 * @param maxMessagesPerQueue the most messages a collection run takes from each queue
	 */
	public TrackableEndpoint(TrackableRegistry registry, TrackableBroker broker, Collector collector,
			CollectionHistory history, ParkedMessages parked, Spool spool, long maxMessagesPerQueue) {
		this.registry = registry;
		this.broker = broker;
		this.collector = collector;
		this.history = history;
		this.parked = parked;
		this.spool = spool;
		this.maxMessagesPerQueue = maxMessagesPerQueue;
	}

	@ReadOperation
	public TrackableDescriptor trackable() {
		BrokerFigures broker = brokerFigures();
		List<DatasetDescriptor> datasets = new ArrayList<>();
		for (Dataset dataset : this.registry.datasets()) {
			String queue = this.broker.queueOf(dataset.name());
			Period period = dataset.period();
			datasets.add(new DatasetDescriptor(dataset.name(), dataset.dataClass().getName(), dataset.parentType(),
					dataset.counterNames(), (period != null) ? period.name() : null, queue,
					broker.depths().get(dataset.name()), broker.parkedByOrigin().get(queue)));
		}
		CollectionResult last = this.history.lastSuccess();
		CollectionHistory.Failure failure = this.history.lastFailure();
		return new TrackableDescriptor(datasets, broker.error(),
				new MalformedDescriptor(this.broker.malformedQueue(), broker.parked()),
				new SpoolDescriptor(this.spool.directory().toString(), this.spool.sizeBytes(),
						this.spool.spooledRecords(), this.spool.replayedRecords()),
				(last != null) ? new CollectionDescriptor(null, last) : null,
				(failure != null) ? new FailureDescriptor(failure) : null, this.history.failuresSinceSuccess());
	}

	private BrokerFigures brokerFigures() {
		try {
			Map<String, Long> depths = new HashMap<>();
			Map<String, Long> parkedByOrigin = new HashMap<>();
			for (Dataset dataset : this.registry.datasets()) {
				depths.put(dataset.name(), this.broker.messageCount(dataset.name()));
				parkedByOrigin.put(this.broker.queueOf(dataset.name()), 0L);
			}
			for (ParkedMessage message : this.parked.list(MAX_PARKED_INSPECTED)) {
				parkedByOrigin.merge(message.origin(), 1L, Long::sum);
			}
			return new BrokerFigures(depths, parkedByOrigin, this.parked.count(), null);
		}
		catch (AmqpException ex) {
			return new BrokerFigures(Map.of(), Map.of(), null, ex.toString());
		}
	}

	/**
	 * Runs one of the write operations.
	 * @param operation {@value #COLLECT} or {@value #REPLAY_MALFORMED}
	 * @param datasets for {@value #COLLECT}: the datasets to collect, by entity or class name; all when not given.
	 * Over HTTP, a comma-separated string ({@code {"datasets": "ArticleDailyData,ArticleTotals"}}), as Actuator reads
	 * a request body's values as strings
	 * @param max for {@value #REPLAY_MALFORMED}: the most messages to move; all when not given
	 * @return what the operation did
	 */
	@WriteOperation
	public OperationResponseBody run(@Selector String operation, @Nullable List<String> datasets,
			@Nullable Integer max) {
		return switch (operation) {
			case COLLECT -> collect(datasets);
			case REPLAY_MALFORMED -> replayMalformed((max != null) ? max : Integer.MAX_VALUE);
			default -> throw new InvalidEndpointRequestException("Unknown operation '" + operation + "'",
					"Unknown operation '" + operation + "'; use " + COLLECT + " or " + REPLAY_MALFORMED);
		};
	}

	/**
	 * Runs a collection now, as the schedule would, on the calling thread.
	 * @param datasets the datasets to collect, by entity or class name; all when {@code null} or empty
	 * @return what the run did
	 * @throws InvalidEndpointRequestException if a dataset is not registered
	 */
	public CollectionDescriptor collect(@Nullable List<String> datasets) {
		Collection<Dataset> selected = (datasets == null || datasets.isEmpty()) ? this.registry.datasets()
				: resolve(datasets);
		CollectionResult result = this.collector.collect(selected, this.maxMessagesPerQueue);
		return new CollectionDescriptor(selected.stream().map(Dataset::name).toList(), result);
	}

	/**
	 * Moves parked malformed messages back to the queues they came from.
	 * @param max the most messages to move
	 * @return how many were moved and how many are still parked
	 */
	public ReplayDescriptor replayMalformed(int max) {
		if (max < 1) {
			throw new InvalidEndpointRequestException("max must be at least 1", "max must be at least 1, was " + max);
		}
		int replayed = this.parked.replay(max);
		return new ReplayDescriptor(replayed, this.parked.count());
	}

	private Set<Dataset> resolve(List<String> names) {
		Set<Dataset> selected = new LinkedHashSet<>();
		for (String name : names) {
			Dataset dataset = this.registry.dataset(name);
			selected.add((dataset != null) ? dataset : this.registry.datasets()
				.stream()
				.filter((candidate) -> candidate.dataClass().getName().equals(name)
						|| candidate.dataClass().getSimpleName().equals(name))
				.findFirst()
				.orElseThrow(() -> new InvalidEndpointRequestException("Unknown dataset '" + name + "'",
						"Unknown dataset '" + name + "'; registered datasets: " + this.registry.datasets())));
		}
		return selected;
	}

	/**
	 * What the broker says, or why it could not be asked.
	 *
	 * @param depths the messages in each dataset's queue, by dataset name
	 * @param parkedByOrigin the parked messages among the first inspected, by the queue they came from
	 * @param parked the messages in the malformed queue
	 * @param error why the broker could not be asked
	 */
	private record BrokerFigures(Map<String, Long> depths, Map<String, Long> parkedByOrigin, @Nullable Long parked,
			@Nullable String error) {
	}

	/**
	 * What the endpoint reads.
	 *
	 * @param datasets the registered datasets
	 * @param brokerError why the broker's figures are missing, or {@code null} if it could be reached
	 * @param malformed the malformed queue
	 * @param spool the spool
	 * @param lastCollection the last successful collection, or {@code null} if none has succeeded since the start
	 * @param lastFailure the last failed collection, or {@code null} if none has failed since the start
	 * @param failuresSinceLastSuccess how many collections failed since the last success
	 */
	public record TrackableDescriptor(List<DatasetDescriptor> datasets, @Nullable String brokerError,
			MalformedDescriptor malformed, SpoolDescriptor spool, @Nullable CollectionDescriptor lastCollection,
			@Nullable FailureDescriptor lastFailure, int failuresSinceLastSuccess) implements OperationResponseBody {
	}

	/**
	 * A registered dataset.
	 *
	 * @param name its entity name, which names its queue and its messages
	 * @param dataClass its entity class
	 * @param parentType the entity name of the objects it counts about
	 * @param fields its counter fields
	 * @param period the period of a time series, {@code null} for all-time totals
	 * @param queue its queue
	 * @param queueDepth the messages waiting for the collector, {@code null} if the broker could not be reached
	 * @param parkedMalformed its messages parked in the malformed queue, among the first
	 * {@value TrackableEndpoint#MAX_PARKED_INSPECTED}; {@code null} if the broker could not be reached
	 */
	public record DatasetDescriptor(String name, String dataClass, String parentType, List<String> fields,
			@Nullable String period, String queue, @Nullable Long queueDepth, @Nullable Long parkedMalformed) {
	}

	/**
	 * The malformed queue.
	 *
	 * @param queue its name
	 * @param parked the messages parked in it, {@code null} if the broker could not be reached
	 */
	public record MalformedDescriptor(String queue, @Nullable Long parked) {
	}

	/**
	 * The spool of batches the broker did not confirm.
	 *
	 * @param directory its directory
	 * @param sizeBytes the bytes its files hold; 0 once everything is replayed
	 * @param spooledRecords the batches written to it since the start
	 * @param replayedRecords the batches replayed from it since the start
	 */
	public record SpoolDescriptor(String directory, long sizeBytes, long spooledRecords, long replayedRecords) {
	}

	/**
	 * A collection run.
	 *
	 * @param datasets the datasets collected, {@code null} when not told (the last collection's)
	 * @param startedAt when it started
	 * @param durationMillis how long it took
	 * @param messages the messages folded
	 * @param increments the counter increments those messages carried
	 * @param rows the rows upserted
	 * @param malformed the messages set aside as malformed
	 * @param duplicates the messages acknowledged without folding, because they had been folded before
	 */
	public record CollectionDescriptor(@Nullable List<String> datasets, Instant startedAt, long durationMillis,
			long messages, long increments, long rows, long malformed, long duplicates)
			implements OperationResponseBody {

		CollectionDescriptor(@Nullable List<String> datasets, CollectionResult result) {
			this(datasets, result.startedAt(), result.duration().toMillis(), result.messages(), result.increments(),
					result.rows(), result.malformed(), result.duplicates());
		}

	}

	/**
	 * A failed collection run.
	 *
	 * @param startedAt when it started
	 * @param durationMillis how long it ran
	 * @param error why it failed
	 */
	public record FailureDescriptor(Instant startedAt, long durationMillis, String error) {

		FailureDescriptor(CollectionHistory.Failure failure) {
			this(failure.startedAt(), failure.duration().toMillis(), failure.error());
		}

	}

	/**
	 * What a replay of parked messages did.
	 *
	 * @param replayed the messages moved back to their queues
	 * @param stillParked the messages parked after the replay
	 */
	public record ReplayDescriptor(int replayed, long stillParked) implements OperationResponseBody {
	}

}
