package dev.trackable.it;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.command.CommandExit;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.spool.Spool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fold_trackable_messages}, run as the application's first argument, against the real broker: what was
 * spooled and what was queued reaches the tables, and only for the datasets named.
 */
@ExtendWith(OutputCaptureExtension.class)
class FoldTrackableMessagesCommandTests {

	private static final LocalDateTime TODAY = LocalDate.now().atStartOfDay();

	private final TestApplications applications = new TestApplications();

	private final CountMessageCodec codec = new CountMessageCodec();

	private final AtomicInteger exitCode = new AtomicInteger(-1);

	private final AtomicReference<ConfigurableApplicationContext> command = new AtomicReference<>();

	@TempDir
	private Path spool;

	/** An instance of the same application that reads the tables and queues the command works on. */
	private ConfigurableApplicationContext observer;

	private TrackableBroker broker;

	@BeforeEach
	void start() {
		this.observer = this.applications.start("trackable.disable-collection-task=true");
		this.broker = this.observer.getBean(TrackableBroker.class);
		this.broker.declare("ArticleDailyData");
		this.broker.declare("ArticleTotals");
	}

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void foldsTheSpoolAndTheQueuedMessagesWithoutAWebServer(CapturedOutput output) throws Exception {
		try (Spool spooled = Spool.open(this.spool, 1 << 20)) {
			spooled.append(this.codec.encode(message("ArticleDailyData", "7", TODAY, 3)));
			spooled.append(this.codec.encode(message("ArticleTotals", "7", null, 3)));
		}
		queue(message("ArticleTotals", "7", null, 2));

		runCommand("fold_trackable_messages");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Processed 3 messages (");
		assertThat(this.command.get()).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(TestApplications.sum(this.observer, "ArticleDailyData", "impressions", "7")).isEqualTo(3);
		assertThat(TestApplications.sum(this.observer, "ArticleTotals", "impressions", "7")).isEqualTo(5);
	}

	@Test
	void foldsOnlyTheDatasetsNamedByEntityOrClassName(CapturedOutput output) {
		queue(message("ArticleDailyData", "8", TODAY, 4));
		queue(message("ArticleTotals", "8", null, 6));

		runCommand("fold_trackable_messages", "dev.trackable.it.ArticleTotals");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Processed 1 messages");
		assertThat(TestApplications.sum(this.observer, "ArticleTotals", "impressions", "8")).isEqualTo(6);
		assertThat(TestApplications.sum(this.observer, "ArticleDailyData", "impressions", "8")).isZero();
		assertThat(queued("ArticleDailyData")).isEqualTo(1);

		runCommand("fold_trackable_messages", "ArticleDailyData", "ArticleTotals");

		assertThat(output).contains("Processed 1 messages");
		assertThat(TestApplications.sum(this.observer, "ArticleDailyData", "impressions", "8")).isEqualTo(4);
		assertThat(queued("ArticleDailyData")).isZero();
	}

	@Test
	void anUnknownDatasetExitsWithTheRegisteredOnesAndFoldsNothing(CapturedOutput output) {
		queue(message("ArticleTotals", "9", null, 1));

		runCommand("fold_trackable_messages", "ArticleTotals", "Articles");

		assertThat(this.exitCode).hasValue(2);
		assertThat(output).contains("Unknown dataset 'Articles'; registered datasets: ")
			.contains("ArticleDailyData (dev.trackable.it.ArticleDailyData)")
			.contains("ArticleTotals (dev.trackable.it.ArticleTotals)")
			.contains("Usage: fold_trackable_messages [DATASET ...]")
			.doesNotContainPattern("Processed \\d");
		assertThat(queued("ArticleTotals")).isEqualTo(1);
	}

	@Test
	void aSpoolTheBrokerDoesNotTakeFailsTheCommandAndStaysForLater(CapturedOutput output) throws Exception {
		try (Spool spooled = Spool.open(this.spool, 1 << 20)) {
			spooled.append(this.codec.encode(message("ArticleTotals", "10", null, 1)));
		}

		runCommand("fold_trackable_messages", "--spring.rabbitmq.port=1", "--spring.rabbitmq.connection-timeout=1s");

		assertThat(this.exitCode).hasValue(1);
		assertThat(output).contains("The broker did not take the spooled increments; they stay in the spool")
			.doesNotContainPattern("Processed \\d");
		try (Spool kept = Spool.open(this.spool, 1 << 20)) {
			assertThat(kept.isEmpty()).isFalse();
		}
	}

	@Test
	void anUnreachableBrokerFailsTheCommandWithItsCause(CapturedOutput output) {
		runCommand("fold_trackable_messages", "--spring.rabbitmq.port=1", "--spring.rabbitmq.connection-timeout=1s");

		assertThat(this.exitCode).hasValue(1);
		assertThat(output).containsPattern("fold_trackable_messages failed: .*Connection refused")
			.doesNotContainPattern("Processed \\d");
	}

	@Test
	void helpShowsTheUsage(CapturedOutput output) {
		runCommand("fold_trackable_messages", "--help");

		assertThat(this.exitCode).hasValue(0);
		assertThat(output).contains("Usage: fold_trackable_messages [DATASET ...]")
			.doesNotContainPattern("Processed \\d");
	}

	private static CountMessage message(String dataset, String parentId, LocalDateTime period, long impressions) {
		return CountMessage.of(dataset, List.of(new CountRow(parentId, period, Map.of("impressions", impressions))));
	}

	private void queue(CountMessage message) {
		byte[] body = this.codec.encode(message);
		this.broker.execute((channel) -> {
			channel.basicPublish("", this.broker.queueOf(message.dataset()), null, body);
			return null;
		});
	}

	private long queued(String dataset) {
		Long count = this.broker.execute((channel) -> channel.messageCount(this.broker.queueOf(dataset)));
		return (count != null) ? count : -1;
	}

	/** Runs the command with the test's spool, and a publisher that would not replay it before the command does. */
	private void runCommand(String... arguments) {
		CommandExit exit = this.exitCode::set;
		ConfigurableApplicationContext context = this.applications.run(
				new SpringApplicationBuilder(TestApplication.class).initializers((initialized) -> {
					this.command.set(initialized);
					initialized.getBeanFactory().registerSingleton("trackableCommandExit", exit);
				}), arguments, "trackable.spool.directory=" + this.spool, "trackable.publish-interval=1h");
		assertThat(context.isActive()).as("the command closes its application").isFalse();
	}

}
