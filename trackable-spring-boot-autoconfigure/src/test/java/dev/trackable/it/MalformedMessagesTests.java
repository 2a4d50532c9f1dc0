package dev.trackable.it;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionResult;
import dev.trackable.collect.Collector;
import dev.trackable.collect.MalformedMessageHandler;
import dev.trackable.collect.ParkedMessage;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the real broker: malformed messages never block collection, valid ones around them are counted
 * exactly, and every bad one ends where {@code trackable.remove-malformed-messages} says.
 */
class MalformedMessagesTests {

	private static final String DATASET = "ArticleDailyData";

	private final TestApplications applications = new TestApplications();

	private final CountMessageCodec codec = new CountMessageCodec();

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void fuzzedMessagesAreParkedAndEveryValidIncrementIsCounted() {
		ConfigurableApplicationContext context = this.applications.start("trackable.disable-collection-task=true",
				"trackable.collection-chunk-size=100");
		TrackableBroker broker = context.getBean(TrackableBroker.class);
		Fuzz fuzz = new Fuzz(new Random(20261125), LocalDate.now().atStartOfDay());
		for (int i = 0; i < 3000; i++) {
			publishRaw(broker, fuzz.next());
		}
		publishRaw(broker, fuzz.hugeBody(10 * 1024 * 1024));

		CollectionResult result = context.getBean(Collector.class).collect(Long.MAX_VALUE);

		System.out.printf("Fuzz: %d valid messages folded, %d malformed parked by reason %s%n", result.messages(),
				result.malformed(), context.getBean(MalformedMessageHandler.class).counts());
		assertThat(result.messages()).isEqualTo(fuzz.valid());
		assertThat(result.malformed()).isEqualTo(fuzz.malformed());
		for (Map.Entry<String, Long> expected : fuzz.expectedImpressions().entrySet()) {
			assertThat(TestApplications.sum(context, DATASET, "impressions", expected.getKey()))
				.as("impressions of article %s", expected.getKey())
				.isEqualTo(expected.getValue());
		}
		assertThat(context.getBean(ParkedMessages.class).count()).isEqualTo(fuzz.malformed());
		assertThat(depth(broker, broker.queueOf(DATASET))).isZero();
	}

	@Test
	void withRemoveMalformedMessagesTheyAreDiscardedAndCounted() {
		ConfigurableApplicationContext context = this.applications.start("trackable.disable-collection-task=true",
				"trackable.remove-malformed-messages=true");
		TrackableBroker broker = context.getBean(TrackableBroker.class);
		publishRaw(broker, "garbage".getBytes(StandardCharsets.UTF_8));
		publishRaw(broker, valid(DATASET, "5", Map.of("impressions", 2L)));
		publishRaw(broker, valid(DATASET, "5", Map.of("likes", 1L)));

		CollectionResult result = context.getBean(Collector.class).collect(Long.MAX_VALUE);

		assertThat(result.messages()).isEqualTo(1);
		assertThat(result.malformed()).isEqualTo(2);
		assertThat(TestApplications.sum(context, DATASET, "impressions", "5")).isEqualTo(2);
		assertThat(context.getBean(MalformedMessageHandler.class).counts())
			.containsExactlyInAnyOrderEntriesOf(Map.of("invalid-json", 1L, "unknown-field", 1L));
		assertThat(context.getBean(ParkedMessages.class).count()).isZero();
	}

	@Test
	void parkedMessagesCanBeListedAndReplayedOnceTheApplicationIsFixed() {
		ConfigurableApplicationContext context = this.applications.start("trackable.disable-collection-task=true");
		TrackableBroker broker = context.getBean(TrackableBroker.class);
		Collector collector = context.getBean(Collector.class);
		ParkedMessages parked = context.getBean(ParkedMessages.class);
		// Counts of a dataset this version of the application does not know yet, e.g. sent by a newer version.
		for (int i = 0; i < 3; i++) {
			publishRaw(broker, this.codec.encode(
					CountMessage.of("LateData", List.of(new CountRow("9", null, Map.of("visits", 4L))))));
		}
		assertThat(collector.collect(Long.MAX_VALUE).malformed()).isEqualTo(3);

		List<ParkedMessage> listed = parked.list(10);
		assertThat(listed).hasSize(3).allSatisfy((message) -> {
			assertThat(message.reason()).isEqualTo("unknown-dataset");
			assertThat(message.origin()).isEqualTo(broker.queueOf(DATASET));
			assertThat(message.preview()).contains("LateData");
		});
		assertThat(parked.count()).as("listing leaves them parked").isEqualTo(3);

		context.getBean(TrackableRegistry.class).register(Article.class, LateData.class);
		assertThat(parked.replay(10)).isEqualTo(3);
		assertThat(parked.count()).isZero();
		assertThat(collector.collect(Long.MAX_VALUE).messages()).isEqualTo(3);
		assertThat(TestApplications.sum(context, "LateData", "visits", "9")).isEqualTo(12);
	}

	private byte[] valid(String dataset, String parentId, Map<String, Long> counts) {
		return this.codec.encode(CountMessage.of(dataset,
				List.of(new CountRow(parentId, LocalDate.now().atStartOfDay(), counts))));
	}

	private static void publishRaw(TrackableBroker broker, byte[] body) {
		broker.declare(DATASET);
		broker.execute((channel) -> {
			channel.basicPublish("", broker.queueOf(DATASET), null, body);
			return null;
		});
	}

	private static long depth(TrackableBroker broker, String queue) {
		Long depth = broker.execute((channel) -> channel.messageCount(queue));
		return (depth != null) ? depth : -1;
	}

	/** Random and mutated messages, interleaved with valid ones whose increments it remembers. */
	private final class Fuzz {

		private final Random random;

		private final String period;

		private final Map<String, Long> impressions = new HashMap<>();

		private int valid;

		private int malformed;

		Fuzz(Random random, java.time.LocalDateTime period) {
			this.random = random;
			this.period = period.toString();
		}

		byte[] next() {
			if (this.random.nextInt(3) == 0) {
				String parent = Integer.toString(1 + this.random.nextInt(40));
				long amount = 1 + this.random.nextInt(5);
				this.impressions.merge(parent, amount, Long::sum);
				this.valid++;
				return MalformedMessagesTests.this.valid(DATASET, parent, Map.of("impressions", amount));
			}
			this.malformed++;
			String good = new String(MalformedMessagesTests.this.valid(DATASET, "1", Map.of("impressions", 1L)),
					StandardCharsets.UTF_8);
			return switch (this.random.nextInt(12)) {
				case 0 -> randomBytes();
				case 1 -> good.substring(0, this.random.nextInt(good.length() - 1)).getBytes(StandardCharsets.UTF_8);
				case 2 -> good.replace("\"impressions\":1", "\"impressions\":\"1\"").getBytes(StandardCharsets.UTF_8);
				case 3 -> good.replace("\"impressions\":1", "\"impressions\":1180591620717411303424")
					.getBytes(StandardCharsets.UTF_8);
				case 4 -> good.replace("\"impressions\":1", "\"likes\":1").getBytes(StandardCharsets.UTF_8);
				case 5 -> good.replace(DATASET, "NoSuchData").getBytes(StandardCharsets.UTF_8);
				case 6 -> "[".repeat(50_000 + this.random.nextInt(50_000)).getBytes(StandardCharsets.UTF_8);
				case 7 -> good.replace("\"v\":1", "\"v\":2").getBytes(StandardCharsets.UTF_8);
				case 8 -> good.replace(this.period, "2026-13-45T99:00").getBytes(StandardCharsets.UTF_8);
				case 9 -> good.replace(this.period, this.period.replace("T00:00", "T10:00"))
					.getBytes(StandardCharsets.UTF_8);
				case 10 -> good.replace("\"parent\":\"1\"", "\"parent\":\"" + "x".repeat(300) + "\"")
					.getBytes(StandardCharsets.UTF_8);
				default -> good.replace("\"clickThroughs\"", "\"x\"")
					.replace("\"impressions\":1", "\"clickThroughs\":3000000000")
					.getBytes(StandardCharsets.UTF_8);
			};
		}

		byte[] hugeBody(int size) {
			this.malformed++;
			byte[] body = new byte[size];
			java.util.Arrays.fill(body, (byte) '{');
			return body;
		}

		private byte[] randomBytes() {
			byte[] bytes = new byte[this.random.nextInt(200)];
			this.random.nextBytes(bytes);
			return bytes;
		}

		int valid() {
			return this.valid;
		}

		int malformed() {
			return this.malformed;
		}

		Map<String, Long> expectedImpressions() {
			return this.impressions;
		}

	}

}
