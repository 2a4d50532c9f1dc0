package dev.trackable.it;

import java.util.Map;

import dev.trackable.Tracker;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.broker.EmbeddedAmqpBroker;
import dev.trackable.collect.Collector;
import dev.trackable.send.BatchingPublisher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code trackable.queue-type=quorum}: quorum queues on RabbitMQ, whose messages are folded as from classic ones; a
 * clear failure when a classic queue is in the way; and no arguments at all on another broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuorumQueueTests {

	private static final String QUORUM = "trackable.queue-type=quorum";

	private static final String NO_SCHEDULE = "trackable.disable-collection-task=true";

	@Test
	void datasetQueuesAreQuorumQueuesAndTheirIncrementsAreFolded() {
		assumeRabbitMq();
		try (TestApplications applications = new TestApplications()) {
			ConfigurableApplicationContext context = applications.start(QUORUM, NO_SCHEDULE);
			countAndCollect(context);
			TrackableBroker broker = context.getBean(TrackableBroker.class);
			for (String dataset : new String[] { "ArticleDailyData", "ArticleTotals" }) {
				assertThat(declaresAs(broker, broker.queueOf(dataset), "quorum")).as(dataset).isTrue();
				assertThat(declaresAs(broker, broker.queueOf(dataset), "classic")).as(dataset).isFalse();
			}
		}
	}

	@Test
	void aClassicQueueInTheWayFailsNamingTheQueueAndWhatToDo() {
		assumeRabbitMq();
		try (TestApplications applications = new TestApplications()) {
			TrackableBroker broker = applications.start(QUORUM, NO_SCHEDULE).getBean(TrackableBroker.class);
			String queue = broker.queueOf("ArticleDailyData");
			broker.execute((channel) -> channel.queueDeclare(queue, true, false, false, null));

			assertThatIllegalStateException().isThrownBy(() -> broker.declare("ArticleDailyData"))
				.withMessageContaining("Queue '" + queue + "' exists with another type")
				.withMessageContaining("set trackable.queue-type to the type it has")
				.withMessageContaining("delete it");
		}
	}

	@Test
	void anotherBrokerDeclaresItsQueuesWithoutArgumentsAndSaysSoOnce(CapturedOutput output) {
		try (EmbeddedAmqpBroker embedded = EmbeddedAmqpBroker.start();
				TestApplications applications = new TestApplications()) {
			ConfigurableApplicationContext context = applications.start(QUORUM, NO_SCHEDULE,
					"spring.rabbitmq.host=" + embedded.host(), "spring.rabbitmq.port=" + embedded.port(),
					"spring.rabbitmq.username=" + embedded.username(),
					"spring.rabbitmq.password=" + embedded.password());
			countAndCollect(context);
			assertThat(output.toString().split("trackable.queue-type=quorum is ignored", -1)).hasSize(2);
		}
	}

	private static void countAndCollect(ConfigurableApplicationContext context) {
		Tracker tracker = context.getBean(Tracker.class);
		for (int i = 0; i < 10; i++) {
			tracker.increment(new Article(7), "impressions");
		}
		assertThat(context.getBean(BatchingPublisher.class).publishPending()).isTrue();
		context.getBean(Collector.class).collect(Long.MAX_VALUE);
		assertThat(TestApplications.sum(context, "ArticleDailyData", "impressions", "7")).isEqualTo(10);
		assertThat(TestApplications.sum(context, "ArticleTotals", "impressions", "7")).isEqualTo(10);
	}

	private static boolean declaresAs(TrackableBroker broker, String queue, String type) {
		try {
			broker.execute((channel) -> channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", type)));
			return true;
		}
		catch (AmqpException ex) {
			if (RabbitUtils.isMismatchedQueueArgs(ex)) {
				return false;
			}
			throw ex;
		}
	}

	private static void assumeRabbitMq() {
		Assumptions.assumeFalse(TestServices.rabbit().source().equals("the embedded broker"),
				"quorum queues need RabbitMQ");
	}

}
