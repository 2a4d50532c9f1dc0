package dev.trackable.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.Collector;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.command.CommandExit;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code replay_malformed_messages}, run as the application's first argument, against the real broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplayMalformedMessagesCommandTests {

	private final TestApplications applications = new TestApplications();

	private final AtomicInteger exitCode = new AtomicInteger(-1);

	private ConfigurableApplicationContext application;

	@BeforeEach
	void parkTwoMessages() {
		this.application = this.applications.start("trackable.disable-collection-task=true");
		TrackableBroker broker = this.application.getBean(TrackableBroker.class);
		CountMessageCodec codec = new CountMessageCodec();
		broker.declare("ArticleTotals");
		for (int i = 0; i < 2; i++) {
			byte[] body = codec.encode(CountMessage.of("LateData", List.of(new CountRow("9", null, Map.of("visits", 1L)))));
			broker.execute((channel) -> {
				channel.basicPublish("", broker.queueOf("ArticleTotals"), null, body);
				return null;
			});
		}
		this.application.getBean(Collector.class).collect(Long.MAX_VALUE);
		assertThat(this.application.getBean(ParkedMessages.class).count()).isEqualTo(2);
	}

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void listShowsTheParkedMessagesWithTheirReasonsAndLeavesThem(CapturedOutput output) {
		runCommand("replay_malformed_messages", "--list");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("unknown-dataset from ").contains("Parked 2");
		assertThat(this.application.getBean(ParkedMessages.class).count()).isEqualTo(2);
	}

	@Test
	void replayMovesAtMostMaxMessagesBack(CapturedOutput output) {
		runCommand("replay_malformed_messages", "--max=1");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Replayed 1");
		assertThat(this.application.getBean(ParkedMessages.class).count()).isEqualTo(1);
	}

	@Test
	void badArgumentsExitWithUsageAndChangeNothing(CapturedOutput output) {
		runCommand("replay_malformed_messages", "--max=none");

		assertThat(this.exitCode).hasValue(2);
		assertThat(output).contains("--max takes a positive number").contains("Usage: replay_malformed_messages");
		assertThat(this.application.getBean(ParkedMessages.class).count()).isEqualTo(2);
	}

	private void runCommand(String... arguments) {
		CommandExit exit = this.exitCode::set;
		ConfigurableApplicationContext command = this.applications.run(
				new SpringApplicationBuilder(TestApplication.class).initializers(
						(context) -> context.getBeanFactory().registerSingleton("trackableCommandExit", exit)),
				arguments);
		assertThat(command.isActive()).as("the command closes its application").isFalse();
	}

}
