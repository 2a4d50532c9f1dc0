package dev.trackable.it;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;
import dev.trackable.Tracker;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionException;
import dev.trackable.collect.CollectionResult;
import dev.trackable.collect.Collector;
import dev.trackable.collect.MalformedMessageHandler;
import dev.trackable.fold.AppliedMessageLog;
import dev.trackable.fold.CounterUpserter;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.send.BatchingPublisher;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The contract every supported database must keep, run through the real path: many threads increment many objects
 * across datasets, the publisher sends the sums through the broker, the collector folds them into the tables, and
 * the totals are exact. Subclasses choose the database.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "trackable.disable-collection-task=true", "trackable.publish-interval=50ms",
				"spring.jpa.hibernate.ddl-auto=create-drop",
				"spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.trackable.it.RecordingStatementInspector" })
abstract class TrackableContractTests {

	private static final List<String> ARTICLE_FIELDS = List.of("impressions", "clickThroughs", "downloads");

	@Autowired
	private Tracker tracker;

	@Autowired
	private TrackableRegistry registry;

	@Autowired
	private BatchingPublisher publisher;

	@Autowired
	private Collector collector;

	@Autowired
	private TrackableBroker broker;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcTemplate jdbc;

	/**
	 * Points the context at the broker and a database, with queues of its own so that the subclasses' contexts,
	 * which the test framework may keep alive side by side, never share messages.
	 */
	static void services(DynamicPropertyRegistry registry, TestServices.Database database, String name) {
		TestServices.Endpoint rabbit = TestServices.rabbit();
		registry.add("spring.rabbitmq.host", rabbit::host);
		registry.add("spring.rabbitmq.port", rabbit::port);
		registry.add("spring.rabbitmq.username", rabbit::username);
		registry.add("spring.rabbitmq.password", rabbit::password);
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("trackable.spool.directory", () -> "target/spool/" + name + "-" + UUID.randomUUID());
		registry.add("trackable.exchange", () -> "trackable-test-" + name);
		registry.add("trackable.queue-prefix", () -> "trackable-test-" + name + ".");
		registry.add("trackable.malformed-queue", () -> "trackable-test-" + name + ".malformed");
	}

	/**
	 * @return a fragment every upsert statement on this database contains
	 */
	abstract String upsertSyntax();

	@BeforeEach
	void emptyQueuesAndTables() {
		for (Dataset dataset : this.registry.datasets()) {
			this.broker.declare(dataset.name());
			this.broker.execute((channel) -> channel.queuePurge(this.broker.queueOf(dataset.name())));
		}
		this.broker.execute((channel) -> {
			channel.queueDeclare(this.broker.malformedQueue(), true, false, false, null);
			return channel.queuePurge(this.broker.malformedQueue());
		});
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			for (Dataset dataset : this.registry.datasets()) {
				this.entityManager.createQuery("delete from " + dataset.name()).executeUpdate();
			}
			this.entityManager.createNativeQuery("DELETE FROM " + AppliedMessageLog.TABLE).executeUpdate();
		});
	}

	@Test
	void concurrentIncrementsAcrossDatasetsAreFoldedExactly() throws Exception {
		int threads = 4;
		int incrementsPerThread = 25_000;
		List<Article> articles = new ArrayList<>();
		for (long id = 1; id <= 300; id++) {
			articles.add(new Article(id));
		}
		List<Video> videos = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			videos.add(new Video(UUID.randomUUID()));
		}
		Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(executor.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				for (int i = 0; i < incrementsPerThread; i++) {
					if (random.nextInt(10) == 0) {
						Video video = videos.get(random.nextInt(videos.size()));
						this.tracker.increment(video, "views", 2);
						add(expected, "VideoHourlyData", video.getId().toString(), "views", 2);
						continue;
					}
					Article article = articles.get(random.nextInt(articles.size()));
					String field = ARTICLE_FIELDS.get(random.nextInt(ARTICLE_FIELDS.size()));
					boolean decrement = random.nextInt(20) == 0;
					if (decrement) {
						this.tracker.decrement(article, field);
					}
					else {
						this.tracker.increment(article, field);
					}
					long amount = decrement ? -1 : 1;
					if (!field.equals("downloads")) {
						add(expected, "ArticleDailyData", article.getId().toString(), field, amount);
					}
					if (!field.equals("clickThroughs")) {
						add(expected, "ArticleTotals", article.getId().toString(), field, amount);
					}
				}
			}));
		}
		for (Future<?> future : futures) {
			future.get(2, TimeUnit.MINUTES);
		}
		executor.shutdown();
		assertThat(this.publisher.publishPending()).isTrue();
		long start = System.nanoTime();
		CollectionResult result = this.collector.collect(Long.MAX_VALUE);
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.printf("%s: folded %d increments from %d messages into %d rows with %d statements in %d ms%n",
				getClass().getSimpleName(), threads * incrementsPerThread, result.messages(), result.rows(),
				result.statements(), millis);

		assertThat(totals()).isEqualTo(snapshot(expected));
		assertThat(result.malformed()).isZero();
		assertThat(result.statements()).isLessThanOrEqualTo(result.rows());
		assertThat(queueDepth("ArticleDailyData")).isZero();
	}

	@Test
	void upsertsUseTheDatabasesOwnSyntaxAndGrowWithRowsNotIncrements() {
		for (int i = 0; i < 1000; i++) {
			this.tracker.increment(new Article(1 + i % 4), "impressions");
		}
		this.publisher.publishPending();
		RecordingStatementInspector.clear();

		CollectionResult result = this.collector.collect(Long.MAX_VALUE);

		// 1000 increments of 4 articles: 4 rows in each of two datasets, one 4-row statement per dataset.
		assertThat(result.rows()).isEqualTo(8);
		assertThat(result.statements()).isEqualTo(2);
		assertThat(RecordingStatementInspector.upserts()).hasSize(2)
			.allSatisfy((sql) -> assertThat(sql).containsIgnoringCase(upsertSyntax()));
	}

	@Test
	void aFoldThatFailsOnTheDatabaseLosesNothing() {
		Article article = new Article(7);
		for (int i = 0; i < 5; i++) {
			this.tracker.increment(article, "impressions");
		}
		this.publisher.publishPending();
		String table = tableOf("ArticleDailyData");
		this.jdbc.execute("ALTER TABLE " + table + " RENAME TO " + table + "_away");
		try {
			assertThatExceptionOfType(CollectionException.class)
				.isThrownBy(() -> this.collector.collect(Long.MAX_VALUE));
			// The rejected message is requeued asynchronously; wait for the broker to count it again.
			await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth("ArticleDailyData") == 1);
		}
		finally {
			this.jdbc.execute("ALTER TABLE " + table + "_away RENAME TO " + table);
		}
		this.collector.collect(Long.MAX_VALUE);
		assertThat(totals()).containsEntry("ArticleDailyData/7/impressions", 5L)
			.containsEntry("ArticleTotals/7/impressions", 5L);
	}

	@Test
	void aMessageTheDatabaseRejectsIsParkedAndTheRestOfItsChunkFolded() {
		this.tracker.increment(new Article(21), "clickThroughs");
		this.publisher.publishPending();
		this.collector.collect(Long.MAX_VALUE);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> this.entityManager
			.createQuery("update ArticleDailyData d set d.clickThroughs = :nearMax where d.parentId = '21'")
			.setParameter("nearMax", Integer.MAX_VALUE - 5)
			.executeUpdate());
		this.tracker.increment(new Article(20), "impressions", 3);
		this.publisher.publishPending();
		this.tracker.increment(new Article(21), "clickThroughs", 10);
		this.publisher.publishPending();
		this.tracker.increment(new Article(22), "impressions", 4);
		this.publisher.publishPending();

		CollectionResult result = this.collector.collect(Long.MAX_VALUE);

		// Each publish sent one message per dataset; the database refuses only the click-throughs that overflow.
		assertThat(result.malformed()).isEqualTo(1);
		assertThat(totals()).containsEntry("ArticleDailyData/20/impressions", 3L)
			.containsEntry("ArticleDailyData/22/impressions", 4L)
			.containsEntry("ArticleDailyData/21/clickThroughs", (long) Integer.MAX_VALUE - 5);
		Object reason = this.broker.execute((channel) -> {
			com.rabbitmq.client.GetResponse parked = channel.basicGet(this.broker.malformedQueue(), true);
			return (parked != null) ? parked.getProps().getHeaders().get(TrackableBroker.REASON_HEADER) : null;
		});
		assertThat(String.valueOf(reason)).isEqualTo("rejected-by-database");
		assertThat(queueDepth("ArticleDailyData")).isZero();
	}

	@Test
	void aMessageDeliveredTwiceIsCountedOnce() {
		CountMessage message = CountMessage.of("ArticleTotals",
				List.of(new CountRow("30", null, Map.of("impressions", 5L))));
		byte[] body = new CountMessageCodec().encode(message);
		this.broker.publish(message, body);
		this.collector.collect(Long.MAX_VALUE);
		// The same message again, as the broker redelivers one whose acknowledgement was lost.
		this.broker.publish(message, body);
		this.broker.publish(message, body);

		CollectionResult again = this.collector.collect(Long.MAX_VALUE);

		assertThat(again.duplicates()).isEqualTo(2);
		assertThat(again.messages()).isZero();
		assertThat(totals()).containsEntry("ArticleTotals/30/impressions", 5L);
	}

	@Test
	void aCrashBetweenCommitAndAcknowledgementDoesNotCountTwice() {
		this.tracker.increment(new Article(31), "impressions", 2);
		this.publisher.publishPending();
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		TransactionOperations commitThenCrash = new TransactionOperations() {
			@Override
			public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
				T result = transactions.execute(action);
				if (result instanceof CollectionResult) {
					throw new IllegalStateException("crashed after the commit, before the acknowledgement");
				}
				return result;
			}
		};
		Collector crashing = new Collector(this.broker, this.registry, commitThenCrash, this.entityManager,
				new CounterUpserter(8), new MalformedMessageHandler(this.broker, false), 10, Duration.ofDays(7),
				Clock.systemUTC(), List.of());
		assertThatExceptionOfType(CollectionException.class).isThrownBy(() -> crashing.collect(Long.MAX_VALUE));
		assertThat(totals()).containsEntry("ArticleDailyData/31/impressions", 2L);

		// The crash came after the first queue's chunk: its message is delivered again, the other one never was.
		await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth("ArticleDailyData") == 1);
		CollectionResult redelivered = this.collector.collect(Long.MAX_VALUE);

		assertThat(redelivered.duplicates()).isEqualTo(1);
		assertThat(redelivered.messages()).isEqualTo(1);
		assertThat(totals()).containsEntry("ArticleDailyData/31/impressions", 2L)
			.containsEntry("ArticleTotals/31/impressions", 2L);
	}

	@Test
	void appliedIdsArePrunedAfterTheRetention() {
		this.tracker.increment(new Article(32), "impressions");
		this.publisher.publishPending();
		this.collector.collect(Long.MAX_VALUE);
		assertThat(appliedIds()).isPositive();

		Collector eightDaysLater = new Collector(this.broker, this.registry,
				new TransactionTemplate(this.transactionManager), this.entityManager, new CounterUpserter(8),
				new MalformedMessageHandler(this.broker, false), 10, Duration.ofDays(7),
				Clock.offset(Clock.systemUTC(), Duration.ofDays(8)), List.of());
		eightDaysLater.collect(Long.MAX_VALUE);

		assertThat(appliedIds()).isZero();
	}

	private long appliedIds() {
		Number count = (Number) this.entityManager
			.createNativeQuery("SELECT COUNT(*) FROM " + AppliedMessageLog.TABLE)
			.getSingleResult();
		return count.longValue();
	}

	@Test
	void threeCollectorsDrainingDuringLoadStayExact() throws Exception {
		Dataset dataset = this.registry.dataset("ArticleDailyData");
		CountMessageCodec codec = new CountMessageCodec();
		Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
		java.time.LocalDateTime today = java.time.LocalDate.now().atStartOfDay();
		AtomicBoolean publishing = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		Future<?> load = executor.submit(() -> {
			for (int m = 0; m < 300; m++) {
				List<CountRow> rows = new ArrayList<>();
				for (int parent = m % 7; parent < 40; parent += 3) {
					rows.add(new CountRow(Integer.toString(parent), today,
							Map.of("impressions", 3L, "clickThroughs", 1L)));
					add(expected, "ArticleDailyData", Integer.toString(parent), "impressions", 3);
					add(expected, "ArticleDailyData", Integer.toString(parent), "clickThroughs", 1);
				}
				CountMessage message = CountMessage.of(dataset.name(), rows);
				this.broker.publish(message, codec.encode(message));
			}
			publishing.set(false);
		});
		List<Future<Long>> folded = new ArrayList<>();
		for (int c = 0; c < 3; c++) {
			Collector collector = smallChunkCollector();
			folded.add(executor.submit(() -> {
				long messages = 0;
				boolean more = true;
				while (more) {
					boolean lastRound = !publishing.get();
					messages += collector.collect(Long.MAX_VALUE).messages();
					more = !lastRound;
				}
				return messages;
			}));
		}
		load.get(2, TimeUnit.MINUTES);
		long messages = 0;
		for (Future<Long> result : folded) {
			messages += result.get(2, TimeUnit.MINUTES);
		}
		executor.shutdown();

		assertThat(messages).isEqualTo(300);
		assertThat(totals()).isEqualTo(snapshot(expected));
	}

	@Test
	void malformedMessagesAreParkedAndTheRestOfTheChunkFolded() {
		Dataset dataset = this.registry.dataset("ArticleDailyData");
		String queue = this.broker.queueOf(dataset.name());
		this.tracker.increment(new Article(3), "clickThroughs", 4);
		this.publisher.publishPending();
		this.broker.execute((channel) -> {
			channel.basicPublish("", queue, null, "{not json".getBytes());
			channel.basicPublish("", queue, null,
					("{\"v\":1,\"id\":\"x\",\"dataset\":\"ArticleDailyData\",\"rows\":[{\"parent\":\"3\",\"period\":\""
							+ java.time.LocalDate.now().atStartOfDay() + "\",\"counts\":{\"likes\":1}}]}")
						.getBytes());
			return null;
		});
		this.tracker.increment(new Article(3), "clickThroughs", 6);
		this.publisher.publishPending();

		CollectionResult result = this.collector.collect(Long.MAX_VALUE);

		assertThat(result.malformed()).isEqualTo(2);
		assertThat(totals()).containsEntry("ArticleDailyData/3/clickThroughs", 10L);
		List<String> reasons = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Object reason = this.broker.execute((channel) -> {
				com.rabbitmq.client.GetResponse parked = channel.basicGet(this.broker.malformedQueue(), true);
				return (parked != null) ? parked.getProps().getHeaders().get(TrackableBroker.REASON_HEADER) : null;
			});
			reasons.add(String.valueOf(reason));
		}
		assertThat(reasons).containsExactlyInAnyOrder("invalid-json", "unknown-field");
		assertThat(queueDepth("ArticleDailyData")).isZero();
	}

	private Collector smallChunkCollector() {
		return new Collector(this.broker, this.registry, new TransactionTemplate(this.transactionManager),
				this.entityManager, new CounterUpserter(8), new MalformedMessageHandler(this.broker, false), 10,
				Duration.ofDays(7), Clock.systemUTC(), List.of());
	}

	private long queueDepth(String dataset) {
		Long depth = this.broker.execute((channel) -> channel.messageCount(this.broker.queueOf(dataset)));
		return (depth != null) ? depth : -1;
	}

	private String tableOf(String dataset) {
		return this.entityManager.getEntityManagerFactory()
			.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(this.registry.dataset(dataset).dataClass())
			.getIdentifierTableName();
	}

	/** Every stored counter summed over periods, keyed "dataset/parentId/field"; zero sums are left out. */
	private Map<String, Long> totals() {
		Map<String, Long> totals = new HashMap<>();
		for (Dataset dataset : this.registry.datasets()) {
			for (String field : dataset.counterNames()) {
				List<Object[]> rows = this.entityManager
					.createQuery("select d.parentId, sum(coalesce(d." + field + ", 0)) from " + dataset.name()
							+ " d group by d.parentId", Object[].class)
					.getResultList();
				for (Object[] row : rows) {
					long sum = ((Number) row[1]).longValue();
					if (sum != 0) {
						totals.put(dataset.name() + "/" + row[0] + "/" + field, sum);
					}
				}
			}
		}
		return totals;
	}

	private static void add(Map<String, AtomicLong> expected, String dataset, String parentId, String field,
			long amount) {
		expected.computeIfAbsent(dataset + "/" + parentId + "/" + field, (key) -> new AtomicLong())
			.addAndGet(amount);
	}

	private static Map<String, Long> snapshot(Map<String, AtomicLong> expected) {
		Map<String, Long> snapshot = new HashMap<>();
		expected.forEach((key, value) -> {
			if (value.get() != 0) {
				snapshot.put(key, value.get());
			}
		});
		return snapshot;
	}

}
