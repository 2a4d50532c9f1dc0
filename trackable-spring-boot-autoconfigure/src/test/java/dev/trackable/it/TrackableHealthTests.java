package dev.trackable.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.trackable.Trackable;
import dev.trackable.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code trackable} health indicator over HTTP while the broker is cut off by a proxy of the test's own (the
 * shared broker is never stopped): UP, DOWN, and UP again; and the endpoint meanwhile.
 */
class TrackableHealthTests {

	private final TestApplications applications = new TestApplications();

	private CuttableProxy proxy;

	@AfterEach
	void close() throws Exception {
		this.applications.close();
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void isDownWhileTheBrokerIsUnreachableAndTheSpoolGrows() throws Exception {
		ConfigurableApplicationContext context = startBehindProxy("trackable.disable-collection-task=true");
		ActuatorClient actuator = new ActuatorClient(context);
		Spool spool = context.getBean(Spool.class);
		Article article = new Article(6_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
		JsonNode up = health(actuator, 200);
		assertThat(up.get("status").asString()).isEqualTo("UP");
		assertThat(up.get("details").get("broker").get("status").asString()).isEqualTo("reachable");

		this.proxy.cut();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Trackable.increment(article, "impressions");
			return spool.spooledRecords() > 0;
		});

		JsonNode down = health(actuator, 503);
		assertThat(down.get("status").asString()).isEqualTo("DOWN");
		assertThat(down.get("details").get("broker").get("status").asString()).isEqualTo("unreachable");
		assertThat(down.get("details").get("spool").get("growing").asBoolean()).isTrue();
		assertThat(down.get("details").get("spool").get("sizeBytes").asLong()).isPositive();
		// The endpoint still shows the spool, without the broker's figures.
		JsonNode trackable = actuator.get("/trackable").json();
		assertThat(trackable.get("brokerError").asString()).isNotBlank();
		assertThat(trackable.get("spool").get("sizeBytes").asLong()).isPositive();
		assertThat(TrackableEndpointTests.dataset(trackable, "ArticleDailyData").has("queueDepth")).isFalse();

		this.proxy.restore();
		await().atMost(Duration.ofSeconds(60)).until(spool::isEmpty);
		JsonNode again = health(actuator, 200);
		assertThat(again.get("status").asString()).isEqualTo("UP");
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		double spooled = meters.get("trackable.messages.spooled")
			.tag("dataset", "ArticleDailyData")
			.functionCounter()
			.count();
		assertThat(spooled).isPositive();
		assertThat(meters.get("trackable.messages.replayed")
			.tag("dataset", "ArticleDailyData")
			.functionCounter()
			.count()).isEqualTo(spooled);
	}

	@Test
	void isDownWhenCollectionHasNotSucceededForThreePeriods() throws Exception {
		ConfigurableApplicationContext context = startBehindProxy("trackable.collection-period=1s");
		ActuatorClient actuator = new ActuatorClient(context);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> health(actuator).get("details").get("collection").has("lastSuccess"));
		assertThat(health(actuator, 200).get("details").get("collection").get("stale").asBoolean()).isFalse();

		this.proxy.cut();
		await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health(actuator).get("status").asString()));

		JsonNode down = health(actuator, 503);
		JsonNode collection = down.get("details").get("collection");
		assertThat(collection.get("stale").asBoolean()).isTrue();
		assertThat(collection.get("failuresSinceLastSuccess").asInt()).isPositive();
		assertThat(collection.get("lastFailure").asString()).isNotBlank();
		assertThat(down.get("details").get("spool").get("growing").asBoolean()).as("nothing was counted").isFalse();

		this.proxy.restore();
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(health(actuator).get("status").asString()));
		assertThat(health(actuator, 200).get("details").get("collection").get("failuresSinceLastSuccess").asInt())
			.isZero();
	}

	private ConfigurableApplicationContext startBehindProxy(String... properties) throws Exception {
		TestServices.Endpoint rabbit = TestServices.rabbit();
		this.proxy = new CuttableProxy(rabbit.host(), rabbit.port());
		List<String> all = new ArrayList<>(List.of("spring.rabbitmq.host=127.0.0.1",
				"spring.rabbitmq.port=" + this.proxy.port(), "spring.rabbitmq.connection-timeout=1s",
				"trackable.publish-confirm-timeout=2s", "trackable.publish-interval=50ms"));
		all.addAll(List.of(properties));
		return ActuatorClient.start(this.applications, all.toArray(String[]::new));
	}

	private static JsonNode health(ActuatorClient actuator, int status) throws Exception {
		ActuatorClient.Response response = actuator.get("/health/trackable");
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response.json();
	}

	private static JsonNode health(ActuatorClient actuator) throws Exception {
		return actuator.get("/health/trackable").json();
	}

}
