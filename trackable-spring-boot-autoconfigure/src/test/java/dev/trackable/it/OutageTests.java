package dev.trackable.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.trackable.Trackable;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionException;
import dev.trackable.collect.Collector;
import dev.trackable.send.BatchingPublisher;
import dev.trackable.spool.Spool;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Outages made with a TCP proxy of the test's own between the application and the service; the shared services are
 * never stopped.
 */
class OutageTests {

	private static final int ARTICLES = 50;

	private final TestApplications applications = new TestApplications();

	private final List<CuttableProxy> proxies = new ArrayList<>();

	private final List<Runnable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		this.applications.close();
		for (CuttableProxy proxy : this.proxies) {
			proxy.close();
		}
		this.closeables.forEach(Runnable::run);
	}

	@Test
	void aBrokerCutDuringLoadLosesNothingAndCountsNothingTwice() throws Exception {
		TestServices.Endpoint rabbit = TestServices.rabbit();
		CuttableProxy proxy = proxy(rabbit.host(), rabbit.port());
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		this.closeables.add(smtp::stop);
		ConfigurableApplicationContext context = this.applications.start("spring.rabbitmq.host=127.0.0.1",
				"spring.rabbitmq.port=" + proxy.port(), "spring.rabbitmq.connection-timeout=1s",
				"trackable.publish-confirm-timeout=2s", "trackable.publish-interval=50ms",
				"trackable.disable-collection-task=true", "trackable.capture-connection-errors=true",
				"trackable.admins=ops@example.test,dev@example.test", "spring.mail.host=127.0.0.1",
				"spring.mail.port=" + smtp.getSmtp().getPort());
		Spool spool = context.getBean(Spool.class);
		long base = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
		AtomicLongArray expected = new AtomicLongArray(ARTICLES);
		AtomicBoolean loading = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		List<Future<?>> load = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			load.add(executor.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (loading.get()) {
					int article = random.nextInt(ARTICLES);
					Trackable.increment(new Article(base + article), "impressions");
					expected.incrementAndGet(article);
				}
			}));
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> context.getBean(BatchingPublisher.class).publishedMessages() > 10);
		proxy.cut();
		await().atMost(Duration.ofSeconds(60)).until(() -> spool.spooledRecords() >= 40);
		proxy.restore();
		await().atMost(Duration.ofSeconds(60)).until(() -> spool.replayedRecords() >= 40);
		loading.set(false);
		for (Future<?> future : load) {
			future.get(1, TimeUnit.MINUTES);
		}
		executor.shutdown();
		BatchingPublisher publisher = context.getBean(BatchingPublisher.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> publisher.publishPending() && spool.isEmpty());

		context.getBean(Collector.class).collect(Long.MAX_VALUE);

		long total = 0;
		for (int article = 0; article < ARTICLES; article++) {
			assertThat(TestApplications.sum(context, "ArticleTotals", "impressions", Long.toString(base + article)))
				.as("impressions of article %d", article)
				.isEqualTo(expected.get(article));
			total += expected.get(article);
		}
		System.out.printf("Broker cut: %d increments, %d batches spooled and replayed, none lost%n", total,
				spool.replayedRecords());
		assertThat(publisher.droppedIncrements()).isZero();
		// One "down" and one "up" mail, each delivered to both admins.
		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			subjects.add(mail.getSubject());
		}
		assertThat(subjects).containsExactlyInAnyOrder("[trackable] Message broker unreachable",
				"[trackable] Message broker unreachable", "[trackable] Message broker reachable again",
				"[trackable] Message broker reachable again");
	}

	@Test
	void withCapturedConnectionErrorsImmediateModeKeepsBrokerErrorsFromTheCaller() throws Exception {
		TestServices.Endpoint rabbit = TestServices.rabbit();
		CuttableProxy proxy = proxy(rabbit.host(), rabbit.port());
		ConfigurableApplicationContext context = this.applications.start("spring.rabbitmq.host=127.0.0.1",
				"spring.rabbitmq.port=" + proxy.port(), "spring.rabbitmq.connection-timeout=1s",
				"trackable.publish-mode=immediate", "trackable.capture-connection-errors=true",
				"trackable.disable-collection-task=true");
		long article = 3_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
		Spool spool = context.getBean(Spool.class);
		AtomicInteger calls = new AtomicInteger();
		Trackable.increment(new Article(article), "impressions");
		calls.incrementAndGet();
		proxy.cut();
		Trackable.increment(new Article(article), "impressions");
		calls.incrementAndGet();
		assertThat(spool.isEmpty()).isFalse();
		proxy.restore();
		// Every call returns normally; the first one that reaches the broker again replays the spool.
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Trackable.increment(new Article(article), "impressions");
			calls.incrementAndGet();
			return spool.isEmpty();
		});

		context.getBean(Collector.class).collect(Long.MAX_VALUE);

		assertThat(TestApplications.sum(context, "ArticleTotals", "impressions", Long.toString(article)))
			.isEqualTo(calls.get());
		assertThat(TestApplications.sum(context, "ArticleDailyData", "impressions", Long.toString(article)))
			.isEqualTo(calls.get());
	}

	@Test
	void aDatabaseCutDuringAFoldAcknowledgesNothingAndLosesNothing() throws Exception {
		TestServices.Database postgresql = TestServices.postgresql().orElse(null);
		Assumptions.assumeTrue(postgresql != null, "no PostgreSQL available outside CI");
		Matcher address = Pattern.compile("//([^/:?]+)(?::(\\d+))?").matcher(postgresql.url());
		assertThat(address.find()).as("host and port in %s", postgresql.url()).isTrue();
		int port = (address.group(2) != null) ? Integer.parseInt(address.group(2)) : 5432;
		CuttableProxy proxy = proxy(address.group(1), port);
		String url = postgresql.url().replace(address.group(), "//127.0.0.1:" + proxy.port());
		ConfigurableApplicationContext context = this.applications.start("spring.datasource.url=" + url,
				"spring.datasource.username=" + postgresql.username(),
				"spring.datasource.password=" + postgresql.password(),
				"spring.datasource.hikari.connection-timeout=2000", "trackable.disable-collection-task=true");
		long article = 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
		Trackable.increment(new Article(article), "impressions", 5);
		context.getBean(BatchingPublisher.class).publishPending();
		TrackableBroker broker = context.getBean(TrackableBroker.class);

		proxy.cut();
		assertThatExceptionOfType(CollectionException.class)
			.isThrownBy(() -> context.getBean(Collector.class).collect(Long.MAX_VALUE));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> broker.execute((channel) -> channel.messageCount(broker.queueOf("ArticleDailyData"))) == 1);
		proxy.restore();

		// A pooled connection the cut killed may fail the first run after the database returns; the next one folds.
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			context.getBean(Collector.class).collect(Long.MAX_VALUE);
			return TestApplications.sum(context, "ArticleDailyData", "impressions", Long.toString(article)) == 5;
		});
		assertThat(TestApplications.sum(context, "ArticleTotals", "impressions", Long.toString(article)))
			.isEqualTo(5);
	}

	private CuttableProxy proxy(String host, int port) throws Exception {
		CuttableProxy proxy = new CuttableProxy(host, port);
		this.proxies.add(proxy);
		return proxy;
	}

}
