package dev.trackable.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.trackable.filter.SpiderPatterns;
import dev.trackable.filter.SpiderTable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of trackable.
 */
@ConfigurationProperties("trackable")
public class TrackableProperties {

	/**
	 * How often the collector drains the queues into the database. A bare number is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration collectionPeriod = Duration.ofSeconds(1800);

	/**
	 * Whether to leave the scheduled collection out, e.g. on web nodes when another instance or a command collects.
	 */
	private boolean disableCollectionTask;

	/**
	 * The most messages one collection run takes from each queue. Unlimited when not set.
	 */
	private @Nullable Integer processNumMessages;

	/**
	 * How many messages the collector folds and writes in one transaction.
	 */
	private int collectionChunkSize = 1000;

	/**
	 * How long the ids of folded messages are kept, so that a message delivered again is not counted twice.
	 */
	private Duration dedupeRetention = Duration.ofDays(7);

	/**
	 * The most rows one upsert statement writes; rounded down to a power of two.
	 */
	private int upsertBatchSize = 512;

	/**
	 * The time zone in which periods (days, weeks, ...) start. Defaults to the JVM's zone.
	 */
	private ZoneId timeZone = ZoneId.systemDefault();

	/**
	 * How increments reach the broker: 'batched' sums them in memory and publishes from a background thread;
	 * 'immediate' publishes one message per call on the caller's thread.
	 */
	private PublishMode publishMode = PublishMode.BATCHED;

	/**
	 * How often the batched publisher drains the in-memory sums to the broker.
	 */
	private Duration publishInterval = Duration.ofMillis(200);

	/**
	 * The number of distinct counters held in memory at which the batched publisher drains early.
	 */
	private int publishBatchSize = 10_000;

	/**
	 * How long a publish waits for the broker's confirm before it counts as failed.
	 */
	private Duration publishConfirmTimeout = Duration.ofSeconds(5);

	/**
	 * The durable direct exchange increments are published to.
	 */
	private String exchange = "trackable";

	/**
	 * The prefix of each dataset's durable queue; the dataset's name follows it.
	 */
	private String queuePrefix = "trackable.";

	/**
	 * The queue malformed messages are parked in.
	 */
	private String malformedQueue = "trackable.malformed";

	/**
	 * The type of the queues: 'classic', or 'quorum' for queues that a RabbitMQ cluster replicates. A queue's type is
	 * fixed when it is first declared; other brokers than RabbitMQ ignore 'quorum'.
	 */
	private QueueType queueType = QueueType.CLASSIC;

	/**
	 * Whether to discard malformed messages (logged and counted) instead of parking them in the malformed queue.
	 */
	private boolean removeMalformedMessages;

	/**
	 * Whether broker errors are kept from callers: batches wait in the spool (also in immediate publish mode) and the
	 * admins are mailed when an outage begins and ends.
	 */
	private boolean captureConnectionErrors;

	/**
	 * The addresses mailed about broker outages when connection errors are captured.
	 */
	private List<String> admins = new ArrayList<>();

	/**
	 * The shortest time between two outage mails; outages that begin sooner after a mailed one are only logged.
	 */
	private Duration errorMailInterval = Duration.ofHours(1);

	/**
	 * The sender address of outage mails.
	 */
	private String errorMailFrom = "trackable@localhost";

	/**
	 * Whether increments of requests from bots, crawlers, spiders, monitors, preview fetchers and headless browsers
	 * are left out (and counted as filtered), judged by the User-Agent header with the bundled spider list.
	 */
	private boolean userAgentFiltering;

	private final Spool spool = new Spool();

	private final Admin admin = new Admin();

	private final Spiders spiders = new Spiders();


	public Duration getCollectionPeriod() {
		return this.collectionPeriod;
	}

	public void setCollectionPeriod(Duration collectionPeriod) {
		this.collectionPeriod = positive(collectionPeriod, "collection-period");
	}

	public boolean isDisableCollectionTask() {
		return this.disableCollectionTask;
	}

	public void setDisableCollectionTask(boolean disableCollectionTask) {
		this.disableCollectionTask = disableCollectionTask;
	}

	public @Nullable Integer getProcessNumMessages() {
		return this.processNumMessages;
	}

	public void setProcessNumMessages(@Nullable Integer processNumMessages) {
		this.processNumMessages = (processNumMessages != null) ? positive(processNumMessages, "process-num-messages") : null;
	}

	/** @return the most messages one collection run takes from each queue, {@link Long#MAX_VALUE} when unlimited */
	long maxMessagesPerQueue() {
		return (this.processNumMessages != null) ? this.processNumMessages : Long.MAX_VALUE;
	}

	public int getCollectionChunkSize() {
		return this.collectionChunkSize;
	}

	public void setCollectionChunkSize(int collectionChunkSize) {
		this.collectionChunkSize = positive(collectionChunkSize, "collection-chunk-size");
	}

	public Duration getDedupeRetention() {
		return this.dedupeRetention;
	}

	public void setDedupeRetention(Duration dedupeRetention) {
		this.dedupeRetention = positive(dedupeRetention, "dedupe-retention");
	}

	public int getUpsertBatchSize() {
		return this.upsertBatchSize;
	}

	public void setUpsertBatchSize(int upsertBatchSize) {
		this.upsertBatchSize = positive(upsertBatchSize, "upsert-batch-size");
	}

	public ZoneId getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	public PublishMode getPublishMode() {
		return this.publishMode;
	}

	public void setPublishMode(PublishMode publishMode) {
		this.publishMode = publishMode;
	}

	public Duration getPublishInterval() {
		return this.publishInterval;
	}

	public void setPublishInterval(Duration publishInterval) {
		this.publishInterval = positive(publishInterval, "publish-interval");
	}

	public int getPublishBatchSize() {
		return this.publishBatchSize;
	}

	public void setPublishBatchSize(int publishBatchSize) {
		this.publishBatchSize = positive(publishBatchSize, "publish-batch-size");
	}

	public Duration getPublishConfirmTimeout() {
		return this.publishConfirmTimeout;
	}

	public void setPublishConfirmTimeout(Duration publishConfirmTimeout) {
		this.publishConfirmTimeout = positive(publishConfirmTimeout, "publish-confirm-timeout");
	}

	public String getExchange() {
		return this.exchange;
	}

	public void setExchange(String exchange) {
		this.exchange = notBlank(exchange, "exchange");
	}

	public String getQueuePrefix() {
		return this.queuePrefix;
	}

	public void setQueuePrefix(String queuePrefix) {
		this.queuePrefix = notBlank(queuePrefix, "queue-prefix");
	}

	public String getMalformedQueue() {
		return this.malformedQueue;
	}

	public void setMalformedQueue(String malformedQueue) {
		this.malformedQueue = notBlank(malformedQueue, "malformed-queue");
	}

	public QueueType getQueueType() {
		return this.queueType;
	}

	public void setQueueType(QueueType queueType) {
		this.queueType = queueType;
	}

	public boolean isRemoveMalformedMessages() {
		return this.removeMalformedMessages;
	}

	public void setRemoveMalformedMessages(boolean removeMalformedMessages) {
		this.removeMalformedMessages = removeMalformedMessages;
	}

	public boolean isCaptureConnectionErrors() {
		return this.captureConnectionErrors;
	}

	public void setCaptureConnectionErrors(boolean captureConnectionErrors) {
		this.captureConnectionErrors = captureConnectionErrors;
	}

	public List<String> getAdmins() {
		return this.admins;
	}

	public void setAdmins(List<String> admins) {
		this.admins = admins;
	}

	public Duration getErrorMailInterval() {
		return this.errorMailInterval;
	}

	public void setErrorMailInterval(Duration errorMailInterval) {
		this.errorMailInterval = positive(errorMailInterval, "error-mail-interval");
	}

	public String getErrorMailFrom() {
		return this.errorMailFrom;
	}

	public void setErrorMailFrom(String errorMailFrom) {
		this.errorMailFrom = notBlank(errorMailFrom, "error-mail-from");
	}

	public boolean isUserAgentFiltering() {
		return this.userAgentFiltering;
	}

	public void setUserAgentFiltering(boolean userAgentFiltering) {
		this.userAgentFiltering = userAgentFiltering;
	}

	public Spool getSpool() {
		return this.spool;
	}

	public Admin getAdmin() {
		return this.admin;
	}

	public Spiders getSpiders() {
		return this.spiders;
	}

	private static Duration positive(Duration value, String property) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("trackable." + property + " must be positive, was " + value);
		}
		return value;
	}

	private static int positive(int value, String property) {
		if (value < 1) {
			throw new IllegalArgumentException("trackable." + property + " must be at least 1, was " + value);
		}
		return value;
	}

	private static String notBlank(String value, String property) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("trackable." + property + " must not be blank");
		}
		return value;
	}

	/**
	 * How increments reach the broker.
	 */
	public enum PublishMode {

		/** Sum in memory; publish from a background thread every publish interval. */
		BATCHED,

		/** Publish one message per call on the caller's thread; broker errors reach the caller. */
		IMMEDIATE

	}

	/**
	 * The type of the queues trackable declares.
	 */
	public enum QueueType {

		/** RabbitMQ's default queue, kept on one node; the only kind other AMQP 0-9-1 brokers have. */
		CLASSIC,

		/** A RabbitMQ queue replicated across the nodes of a cluster ({@code x-queue-type: quorum}). */
		QUORUM

	}

	/**
	 * The local spool that keeps batches the broker did not confirm.
	 */
	public static class Spool {

		/**
		 * The spool's directory; relative paths start at the working directory. Each running instance needs its own.
		 */
		private Path directory = Path.of("trackable-spool");

		/**
		 * The most the spool may hold; increments that do not fit are dropped and counted.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(256);

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			if (maxSize.toBytes() < 1024) {
				throw new IllegalArgumentException("trackable.spool.max-size must be at least 1KB, was " + maxSize);
			}
			this.maxSize = maxSize;
		}

	}

	/**
	 * The debug admin: tables and charts of the datasets, and the JSON endpoints behind them.
	 */
	public static class Admin {

		/**
		 * Whether to serve the admin. When not set, it follows Spring Boot's 'debug' property.
		 */
		private @Nullable Boolean enabled;

		/**
		 * The path the admin is served at.
		 */
		private String path = "/trackable/admin";

		/**
		 * The role a user needs to see the admin when Spring Security is present.
		 */
		private String role = "ADMIN";

		/**
		 * Whether clients other than loopback ones may see the admin when Spring Security is absent.
		 */
		private boolean allowRemote;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = notBlank(path, "admin.path");
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = notBlank(role, "admin.role");
		}

		public boolean isAllowRemote() {
			return this.allowRemote;
		}

		public void setAllowRemote(boolean allowRemote) {
			this.allowRemote = allowRemote;
		}

	}

	/**
	 * The spider list of {@code trackable.user-agent-filtering}.
	 */
	public static class Spiders {

		/**
		 * Whether a request without a User-Agent header, or with a blank one, is taken for a bot's. Browsers always
		 * send one.
		 */
		private boolean missingUserAgentIsBot = true;

		/**
		 * Further bot user agents: RE2 regular expressions (no look-around, no back-references), matched
		 * case-insensitively anywhere in the first 512 characters.
		 */
		private List<String> additionalPatterns = new ArrayList<>();

		/**
		 * Bundled patterns to leave out, written exactly as in dev/trackable/filter/spider-patterns.txt.
		 */
		private List<String> removedPatterns = new ArrayList<>();

		/**
		 * A table whose rows add patterns (removed = false) or remove bundled ones (removed = true), read at
		 * startup if it exists: pattern VARCHAR(512) PRIMARY KEY, removed BOOLEAN NOT NULL DEFAULT FALSE. Empty to
		 * not look for one.
		 */
		private String table = SpiderTable.DEFAULT_NAME;

		public boolean isMissingUserAgentIsBot() {
			return this.missingUserAgentIsBot;
		}

		public void setMissingUserAgentIsBot(boolean missingUserAgentIsBot) {
			this.missingUserAgentIsBot = missingUserAgentIsBot;
		}

		public List<String> getAdditionalPatterns() {
			return this.additionalPatterns;
		}

		public void setAdditionalPatterns(List<String> additionalPatterns) {
			checkSpiders("additional-patterns", () -> SpiderPatterns.of(additionalPatterns));
			this.additionalPatterns = additionalPatterns;
		}

		public List<String> getRemovedPatterns() {
			return this.removedPatterns;
		}

		public void setRemovedPatterns(List<String> removedPatterns) {
			checkSpiders("removed-patterns", () -> SpiderPatterns.bundled().without(removedPatterns));
			this.removedPatterns = removedPatterns;
		}

		/** Changes the list now, so that a bad pattern fails the binding of the property that names it. */
		private static void checkSpiders(String property, Runnable change) {
			try {
				change.run();
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("trackable.spiders." + property + ": " + ex.getMessage(), ex);
			}
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

	}

}
