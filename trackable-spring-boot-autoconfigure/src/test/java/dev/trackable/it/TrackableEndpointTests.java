package dev.trackable.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.trackable.Trackable;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.send.BatchingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code trackable} endpoint over HTTP in a running application, against the real broker: what it reads, and
 * its write operations collecting and replaying.
 */
class TrackableEndpointTests {

	private final TestApplications applications = new TestApplications();

	private ConfigurableApplicationContext context;

	private ActuatorClient actuator;

	private TrackableBroker broker;

	private final long article = 4_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);

	@BeforeEach
	void start() {
		this.context = ActuatorClient.start(this.applications, "trackable.disable-collection-task=true");
		this.actuator = new ActuatorClient(this.context);
		this.broker = this.context.getBean(TrackableBroker.class);
	}

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void readsTheDatasetsTheirQueuesAndTheSpool() throws Exception {
		Trackable.increment(new Article(this.article), "impressions", 3);
		Trackable.increment(new Article(this.article), "clickThroughs");
		this.context.getBean(BatchingPublisher.class).publishPending();

		ActuatorClient.Response response = this.actuator.get("/trackable");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode daily = dataset(response.json(), "ArticleDailyData");
		assertThat(daily.get("dataClass").asString()).isEqualTo(ArticleDailyData.class.getName());
		assertThat(daily.get("parentType").asString()).isEqualTo("Article");
		assertThat(daily.get("fields").toString()).isEqualTo("[\"impressions\",\"clickThroughs\"]");
		assertThat(daily.get("period").asString()).isEqualTo("DAY");
		assertThat(daily.get("queueDepth").asLong()).isPositive()
			.isEqualTo(this.broker.messageCount("ArticleDailyData"));
		assertThat(daily.get("parkedMalformed").asLong()).isZero();
		JsonNode totals = dataset(response.json(), "ArticleTotals");
		assertThat(totals.has("period")).as("all-time totals").isFalse();
		assertThat(totals.get("queueDepth").asLong()).isEqualTo(this.broker.messageCount("ArticleTotals"));
		assertThat(dataset(response.json(), "VideoHourlyData").get("queueDepth").asLong()).isZero();
		assertThat(response.json().has("brokerError")).isFalse();
		assertThat(response.json().get("spool").get("sizeBytes").asLong()).isZero();
		assertThat(response.json().get("malformed").get("parked").asLong()).isZero();
		assertThat(response.json().has("lastCollection")).isFalse();
	}

	@Test
	void collectsTheNamedDatasetsOnlyAndShowsTheLastCollection() throws Exception {
		Trackable.increment(new Article(this.article), "impressions", 3);
		this.context.getBean(BatchingPublisher.class).publishPending();
		long waiting = this.broker.messageCount("ArticleDailyData");

		ActuatorClient.Response collected = this.actuator.post("/trackable/collect",
				"{\"datasets\": \"ArticleDailyData\"}");

		assertThat(collected.status()).as(collected.body()).isEqualTo(200);
		assertThat(collected.json().get("datasets").toString()).isEqualTo("[\"ArticleDailyData\"]");
		assertThat(collected.json().get("messages").asLong()).isEqualTo(waiting);
		assertThat(collected.json().get("rows").asLong()).isEqualTo(1);
		assertThat(TestApplications.sum(this.context, "ArticleDailyData", "impressions", id())).isEqualTo(3);
		assertThat(TestApplications.sum(this.context, "ArticleTotals", "impressions", id())).isZero();
		JsonNode read = this.actuator.get("/trackable").json();
		assertThat(dataset(read, "ArticleDailyData").get("queueDepth").asLong()).isZero();
		assertThat(dataset(read, "ArticleTotals").get("queueDepth").asLong()).isPositive();
		assertThat(read.get("lastCollection").get("messages").asLong()).isEqualTo(waiting);
		assertThat(Instant.parse(read.get("lastCollection").get("startedAt").asString()))
			.isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(read.get("failuresSinceLastSuccess").asInt()).isZero();

		// By class name, and then every dataset when none is named.
		assertThat(this.actuator.post("/trackable/collect", "{\"datasets\": \"" + ArticleTotals.class.getName() + "\"}")
			.json()
			.get("rows")
			.asLong()).isEqualTo(1);
		assertThat(TestApplications.sum(this.context, "ArticleTotals", "impressions", id())).isEqualTo(3);
		assertThat(this.actuator.post("/trackable/collect", "{}").json().get("datasets")).hasSize(3);
	}

	@Test
	void anUnknownDatasetOrOperationIsABadRequestThatCollectsNothing() throws Exception {
		Trackable.increment(new Article(this.article), "impressions");
		this.context.getBean(BatchingPublisher.class).publishPending();
		long waiting = this.broker.messageCount("ArticleDailyData");

		ActuatorClient.Response unknown = this.actuator.post("/trackable/collect",
				"{\"datasets\": \"ArticleDailyData,Nope\"}");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(this.actuator.post("/trackable/purge", "{}").status()).isEqualTo(400);
		assertThat(this.broker.messageCount("ArticleDailyData")).isEqualTo(waiting).isPositive();
	}

	@Test
	void parkedMessagesAreCountedByDatasetAndReplayedOnRequest() throws Exception {
		byte[] unknownField = new CountMessageCodec().encode(CountMessage.of("ArticleDailyData",
				List.of(new CountRow(id(), LocalDate.now().atStartOfDay(), Map.of("likes", 1L)))));
		this.broker.declare("ArticleDailyData");
		this.broker.declare("ArticleTotals");
		this.broker.republish(this.broker.queueOf("ArticleDailyData"), unknownField);
		this.broker.republish(this.broker.queueOf("ArticleTotals"), "garbage".getBytes(StandardCharsets.UTF_8));
		assertThat(this.actuator.post("/trackable/collect", "{}").json().get("malformed").asLong()).isEqualTo(2);

		JsonNode read = this.actuator.get("/trackable").json();
		assertThat(dataset(read, "ArticleDailyData").get("parkedMalformed").asLong()).isEqualTo(1);
		assertThat(dataset(read, "ArticleTotals").get("parkedMalformed").asLong()).isEqualTo(1);
		assertThat(dataset(read, "VideoHourlyData").get("parkedMalformed").asLong()).isZero();
		assertThat(read.get("malformed").get("parked").asLong()).isEqualTo(2);

		ActuatorClient.Response replayed = this.actuator.post("/trackable/replay-malformed", "{\"max\": 1}");

		assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
		assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
		assertThat(replayed.json().get("stillParked").asLong()).isEqualTo(1);
		assertThat(this.actuator.post("/trackable/replay-malformed", "{}").json().get("replayed").asInt())
			.isEqualTo(1);
		assertThat(this.broker.messageCount("ArticleDailyData")).isEqualTo(1);
		assertThat(this.broker.messageCount("ArticleTotals")).isEqualTo(1);
	}

	private String id() {
		return Long.toString(this.article);
	}

	static JsonNode dataset(JsonNode trackable, String name) {
		for (JsonNode dataset : trackable.get("datasets")) {
			if (dataset.get("name").asString().equals(name)) {
				return dataset;
			}
		}
		throw new AssertionError("No dataset " + name + " in " + trackable);
	}

}
