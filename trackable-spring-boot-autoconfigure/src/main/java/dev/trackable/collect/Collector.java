package dev.trackable.collect;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.fold.AppliedMessageLog;
import dev.trackable.fold.CounterUpserter;
import dev.trackable.fold.Fold;
import dev.trackable.fold.RowKey;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.MalformedMessageException;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Drains the datasets' queues into their tables.
 * <p>
 * Each chunk of messages is folded in memory and written in one transaction as ordered, additive upserts; only after
 * the commit are the messages acknowledged. If the write fails, the chunk is returned to the queue for the next run,
 * so a database outage delays counts but loses none. A message that cannot be folded is parked in the malformed
 * queue with its reason (or discarded, as configured), so it never blocks the messages behind it; so is a message
 * whose rows the database itself rejects. Several collectors may drain the same queues at
 * once: each message goes to one of them, and the upserts add rather than overwrite. The ids of applied messages
 * are recorded in the same transaction as their upserts, so a message delivered again is acknowledged but not
 * counted twice.
 */
public final class Collector {

	private static final Logger logger = LoggerFactory.getLogger(Collector.class);

	private static final int MAX_WRITE_ATTEMPTS = 5;

	private final TrackableBroker broker;

	private final TrackableRegistry registry;

	private final TransactionOperations transactions;

	private final EntityManager entityManager;

	private final CounterUpserter upserter;

	private final CountMessageCodec codec = new CountMessageCodec();

	private final MalformedMessageHandler malformed;

	private final AppliedMessageLog appliedMessages = new AppliedMessageLog();

	private final Duration dedupeRetention;

	private final int chunkSize;

	private final Clock clock;

	private final List<CollectionListener> listeners;

	/**
	 * Creates a collector.
	 * @param broker the broker
	 * @param registry the registry that resolves datasets and fields
	 * @param transactions the transactions to write in
	 * @param entityManager a shared entity manager that joins those transactions
	 * @param upserter writes folded rows
	 * @param malformed what to do with messages that cannot be folded
	 * @param chunkSize how many messages one transaction folds
	 * @param dedupeRetention how long the ids of applied messages are kept to recognise a redelivery; their table
	 * ({@link AppliedMessageLog#TABLE}) must exist
	 * @param clock the clock results are timed with
	 * @param listeners told what each run did
	 */
	public Collector(TrackableBroker broker, TrackableRegistry registry, TransactionOperations transactions,
			EntityManager entityManager, CounterUpserter upserter, MalformedMessageHandler malformed, int chunkSize,
			Duration dedupeRetention, Clock clock, List<CollectionListener> listeners) {
		this.broker = broker;
		this.malformed = malformed;
		this.registry = registry;
		this.transactions = transactions;
		this.entityManager = entityManager;
		this.upserter = upserter;
		this.chunkSize = chunkSize;
		this.dedupeRetention = dedupeRetention;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Drains every registered dataset's queue.
	 * @param maxMessagesPerQueue the most messages to take from each queue
	 * @return what the run did
	 * @throws CollectionException if a chunk could not be written; earlier chunks stay written
	 */
	public CollectionResult collect(long maxMessagesPerQueue) {
		return collect(this.registry.datasets(), maxMessagesPerQueue);
	}

	/**
	 * Drains the queues of the given datasets.
	 * @param datasets the datasets
	 * @param maxMessagesPerQueue the most messages to take from each queue
	 * @return what the run did
	 * @throws CollectionException if a chunk could not be written; earlier chunks stay written
	 */
	public CollectionResult collect(Collection<Dataset> datasets, long maxMessagesPerQueue) {
		Instant start = this.clock.instant();
		CollectionResult result;
		try {
			result = drain(datasets, maxMessagesPerQueue).startedAt(start, this.clock.instant());
		}
		catch (RuntimeException ex) {
			Duration duration = Duration.between(start, this.clock.instant());
			this.listeners.forEach((listener) -> listener.collectionFailed(start, duration, ex));
			throw ex;
		}
		if (result.taken() > 0) {
			logger.debug("Collected {} messages ({} increments) into {} rows in {}", result.messages(),
					result.increments(), result.rows(), result.duration());
		}
		this.listeners.forEach((listener) -> listener.collectionSucceeded(result));
		return result;
	}

	private CollectionResult drain(Collection<Dataset> datasets, long maxMessagesPerQueue) {
		CollectionResult result = CollectionResult.NONE;
		for (Dataset dataset : datasets) {
			long remaining = maxMessagesPerQueue;
			while (remaining > 0) {
				int limit = (int) Math.min(this.chunkSize, remaining);
				CollectionResult chunk = collectChunk(dataset, limit);
				if (chunk.taken() > 0) {
					this.listeners.forEach((listener) -> listener.chunkCollected(dataset, chunk));
				}
				result = result.plus(chunk);
				remaining -= chunk.taken();
				if (chunk.taken() < limit) {
					break;
				}
			}
		}
		pruneAppliedIds();
		return result;
	}

	private void pruneAppliedIds() {
		LocalDateTime before = LocalDateTime.ofInstant(this.clock.instant().minus(this.dedupeRetention),
				ZoneOffset.UTC);
		this.transactions.executeWithoutResult(
				(status) -> this.appliedMessages.prune(this.entityManager, before));
	}

	private CollectionResult collectChunk(Dataset dataset, int limit) {
		this.broker.declare(dataset.name());
		try {
			CollectionResult result = this.broker.execute((channel) -> collectChunk(channel, dataset, limit));
			return (result != null) ? result : CollectionResult.NONE;
		}
		catch (AmqpException ex) {
			// The channel callback's own failure comes back wrapped.
			if (ex.getCause() instanceof CollectionException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private CollectionResult collectChunk(Channel channel, Dataset dataset, int limit) throws Exception {
		String queue = this.broker.queueOf(dataset.name());
		List<GetResponse> deliveries = new ArrayList<>(Math.min(limit, 1024));
		for (int i = 0; i < limit; i++) {
			GetResponse delivery = channel.basicGet(queue, false);
			if (delivery == null) {
				break;
			}
			deliveries.add(delivery);
		}
		if (deliveries.isEmpty()) {
			return CollectionResult.NONE;
		}
		long lastTag = deliveries.get(deliveries.size() - 1).getEnvelope().getDeliveryTag();
		try {
			List<Received> decoded = new ArrayList<>(deliveries.size());
			long undecodable = 0;
			for (GetResponse delivery : deliveries) {
				try {
					decoded.add(new Received(delivery.getBody(), this.codec.decode(delivery.getBody())));
				}
				catch (MalformedMessageException ex) {
					setAside(dataset, delivery.getBody(), ex.reason(), ex.getMessage());
					undecodable++;
				}
			}
			CollectionResult written = writeIsolatingRejects(decoded, dataset);
			channel.basicAck(lastTag, true);
			return written.plus(CollectionResult.malformed(undecodable));
		}
		catch (RuntimeException ex) {
			channel.basicNack(lastTag, true, true);
			throw new CollectionException("Could not fold " + deliveries.size() + " messages from " + queue
					+ "; they stay in the queue for the next run", ex);
		}
	}

	/**
	 * Writes the messages in one transaction. If the database rejects the data (a counter that would overflow its
	 * column, say), the messages are split in halves and each half written on its own, down to the single messages
	 * the database rejects, which are handled as malformed. Any other failure, such as a lost connection, fails the
	 * whole chunk, so an outage never turns good messages into malformed ones.
	 */
	private CollectionResult writeIsolatingRejects(List<Received> messages, Dataset dataset) {
		if (messages.isEmpty()) {
			return CollectionResult.NONE;
		}
		Fold fold = new Fold(this.registry);
		List<Received> folded = new ArrayList<>(messages.size());
		for (Received received : messages) {
			try {
				fold.add(received.message());
				folded.add(received);
			}
			catch (MalformedMessageException ex) {
				setAside(dataset, received.body(), ex.reason(), ex.getMessage());
			}
		}
		long rejected = messages.size() - folded.size();
		try {
			return write(fold, folded).plus(CollectionResult.malformed(rejected));
		}
		catch (RuntimeException ex) {
			if (!isDataRejection(ex)) {
				throw ex;
			}
			if (folded.size() == 1) {
				setAside(dataset, folded.get(0).body(), "rejected-by-database",
						"The database rejected the message's rows: " + mostSpecificMessage(ex));
				return CollectionResult.malformed(rejected + 1);
			}
			int half = folded.size() / 2;
			return writeIsolatingRejects(folded.subList(0, half), dataset)
				.plus(writeIsolatingRejects(folded.subList(half, folded.size()), dataset))
				.plus(CollectionResult.malformed(rejected));
		}
	}

	private void setAside(Dataset dataset, byte[] body, String reason, String error) {
		this.malformed.handle(body, this.broker.queueOf(dataset.name()), reason, error);
		this.listeners.forEach((listener) -> listener.messageMalformed(dataset, reason));
	}

	private CollectionResult write(Fold fold, List<Received> messages) {
		for (int attempt = 1;; attempt++) {
			try {
				CollectionResult written = this.transactions.execute((status) -> writeOnce(fold, messages));
				return (written != null) ? written : CollectionResult.NONE;
			}
			catch (RuntimeException ex) {
				if (attempt >= MAX_WRITE_ATTEMPTS || !isTransientConflict(ex)) {
					throw ex;
				}
				logger.debug("Retrying a fold after a conflict with a concurrent collector: {}", ex.toString());
			}
		}
	}

	/**
	 * Upserts the messages not applied before and records their ids, in the caller's transaction. The fold of all
	 * messages serves unless some were applied before or came twice, which only happens after a lost
	 * acknowledgement or a replay.
	 */
	private CollectionResult writeOnce(Fold all, List<Received> messages) {
		List<String> ids = messages.stream().map((received) -> received.message().id()).toList();
		Set<String> applied = this.appliedMessages.applied(this.entityManager, ids);
		Fold fold = all;
		if (!applied.isEmpty() || new HashSet<>(ids).size() < ids.size()) {
			fold = new Fold(this.registry);
			Set<String> skip = new HashSet<>(applied);
			for (Received received : messages) {
				if (skip.add(received.message().id())) {
					fold.add(received.message());
				}
			}
		}
		long statements = upsertAll(fold.rows());
		Set<String> newIds = new LinkedHashSet<>(ids);
		newIds.removeAll(applied);
		this.appliedMessages.record(this.entityManager, newIds, LocalDateTime.ofInstant(this.clock.instant(),
				ZoneOffset.UTC));
		return CollectionResult.written(fold.messages(), fold.increments(), fold.rowCount(), statements,
				messages.size() - fold.messages());
	}

	private long upsertAll(SortedMap<Dataset, SortedMap<RowKey, long[]>> rows) {
		long statements = 0;
		for (Map.Entry<Dataset, SortedMap<RowKey, long[]>> dataset : rows.entrySet()) {
			statements += this.upserter.upsert(this.entityManager, dataset.getKey(), dataset.getValue());
		}
		return statements;
	}

	/**
	 * Conflicts with a concurrent collector that succeed when the transaction is simply tried again: deadlocks and
	 * serialization failures (SQLSTATE class 40), and the unique violation (23505) that H2's MERGE raises when two
	 * transactions insert the same new row at once, which PostgreSQL's and MySQL's upserts resolve themselves.
	 */
	private static boolean isTransientConflict(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("23505"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Data the database refuses whatever its state: SQLSTATE class 22 (data exception, e.g. numeric value out of
	 * range) or 23 (integrity constraint violation) other than the concurrent insert race above. Java's own range
	 * check of an {@code int} counter's delta counts too.
	 */
	private static boolean isDataRejection(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ArithmeticException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				return state.startsWith("22") || (state.startsWith("23") && !state.equals("23505"));
			}
		}
		return false;
	}

	private static String mostSpecificMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

	/** A decoded message with its body, to park should the fold or the database reject it. */
	private record Received(byte[] body, CountMessage message) {
	}

}
