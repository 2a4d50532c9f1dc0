package dev.trackable.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.trackable.Tracker;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionTask;
import dev.trackable.collect.Collector;
import dev.trackable.send.BatchingPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TrackablePropertiesBindingTests {

	@Test
	void defaults() {
		TrackableContextRunners.withJpa().run((context) -> {
			TrackableProperties properties = context.getBean(TrackableProperties.class);
			assertThat(properties.getCollectionPeriod()).isEqualTo(Duration.ofMinutes(30));
			assertThat(properties.isDisableCollectionTask()).isFalse();
			assertThat(properties.getProcessNumMessages()).isNull();
			assertThat(properties.getTimeZone()).isEqualTo(ZoneId.systemDefault());
			assertThat(properties.getPublishMode()).isEqualTo(TrackableProperties.PublishMode.BATCHED);
			assertThat(properties.getPublishBatchSize()).isEqualTo(10_000);
			assertThat(properties.getExchange()).isEqualTo("trackable");
			assertThat(context.getBean(CollectionTask.class)).extracting("period").isEqualTo(Duration.ofMinutes(30));
			assertThat(context.getBean(CollectionTask.class)).extracting("maxMessagesPerQueue")
				.isEqualTo(Long.MAX_VALUE);
		});
	}

	@Test
	void aBareCollectionPeriodIsSeconds() {
		TrackableContextRunners.withJpa().withPropertyValues("trackable.collection-period=30").run((context) -> {
			assertThat(context.getBean(TrackableProperties.class).getCollectionPeriod())
				.isEqualTo(Duration.ofSeconds(30));
			assertThat(context.getBean(CollectionTask.class)).extracting("period").isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void aCollectionPeriodWithAUnitKeepsItsUnit() {
		TrackableContextRunners.withJpa().withPropertyValues("trackable.collection-period=30m").run((context) -> {
			assertThat(context.getBean(TrackableProperties.class).getCollectionPeriod())
				.isEqualTo(Duration.ofMinutes(30));
			assertThat(context.getBean(CollectionTask.class)).extracting("period").isEqualTo(Duration.ofMinutes(30));
		});
	}

	@Test
	void theTimeZoneBindsAndReachesTheTracker() {
		TrackableContextRunners.withJpa().withPropertyValues("trackable.time-zone=Europe/Berlin").run((context) -> {
			ZoneId berlin = ZoneId.of("Europe/Berlin");
			assertThat(context.getBean(TrackableProperties.class).getTimeZone()).isEqualTo(berlin);
			assertThat(context.getBean(Tracker.class)).extracting("periods.zone").isEqualTo(berlin);
		});
	}

	@Test
	void processNumMessagesBindsAndLimitsTheCollectionTask() {
		TrackableContextRunners.withJpa().withPropertyValues("trackable.process-num-messages=250").run((context) -> {
			assertThat(context.getBean(TrackableProperties.class).getProcessNumMessages()).isEqualTo(250);
			assertThat(context.getBean(CollectionTask.class)).extracting("maxMessagesPerQueue").isEqualTo(250L);
		});
	}

	@Test
	void publishingAndBrokerPropertiesReachTheirBeans() {
		TrackableContextRunners.withJpa()
			.withPropertyValues("trackable.publish-interval=2s", "trackable.publish-batch-size=50",
					"trackable.publish-confirm-timeout=750ms", "trackable.exchange=counts",
					"trackable.queue-prefix=counts.", "trackable.malformed-queue=counts.parked",
					"trackable.collection-chunk-size=20")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BatchingPublisher.class)).extracting("intervalNanos")
					.isEqualTo(Duration.ofSeconds(2).toNanos());
				assertThat(context.getBean(BatchingPublisher.class)).extracting("rowsPerMessage").isEqualTo(50);
				TrackableBroker broker = context.getBean(TrackableBroker.class);
				assertThat(broker).extracting("exchange").isEqualTo("counts");
				assertThat(broker).extracting("confirmTimeoutMillis").isEqualTo(750L);
				assertThat(broker.queueOf("ArticleDailyData")).isEqualTo("counts.ArticleDailyData");
				assertThat(broker.malformedQueue()).isEqualTo("counts.parked");
				assertThat(context.getBean(Collector.class)).extracting("chunkSize").isEqualTo(20);
			});
	}

	@Test
	void theQueueTypeIsClassicUnlessQuorumIsAsked() {
		TrackableContextRunners.withJpa().run((context) -> {
			assertThat(context.getBean(TrackableProperties.class).getQueueType())
				.isEqualTo(TrackableProperties.QueueType.CLASSIC);
			assertThat(context.getBean(TrackableBroker.class)).extracting("quorum").isEqualTo(false);
		});
		TrackableContextRunners.withJpa().withPropertyValues("trackable.queue-type=quorum").run((context) -> {
			assertThat(context.getBean(TrackableProperties.class).getQueueType())
				.isEqualTo(TrackableProperties.QueueType.QUORUM);
			assertThat(context.getBean(TrackableBroker.class)).extracting("quorum").isEqualTo(true);
		});
	}

	@Test
	void environmentVariablesInTheOldStyleBind() {
		TrackableContextRunners.withJpa()
			.withInitializer((context) -> systemEnvironment(context,
					Map.of("TRACKABLE_COLLECTION_PERIOD", "60", "TRACKABLE_DISABLE_COLLECTION_TASK", "true",
							"TRACKABLE_PROCESS_NUM_MESSAGES", "100", "TRACKABLE_TIME_ZONE", "Europe/Berlin",
							"TRACKABLE_PUBLISH_MODE", "immediate")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TrackableProperties properties = context.getBean(TrackableProperties.class);
				assertThat(properties.getCollectionPeriod()).isEqualTo(Duration.ofSeconds(60));
				assertThat(properties.isDisableCollectionTask()).isTrue();
				assertThat(properties.getProcessNumMessages()).isEqualTo(100);
				assertThat(properties.getTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
				assertThat(properties.getPublishMode()).isEqualTo(TrackableProperties.PublishMode.IMMEDIATE);
				// The conditions read the same variables.
				assertThat(context).doesNotHaveBean(CollectionTask.class)
					.doesNotHaveBean(BatchingPublisher.class)
					.hasSingleBean(Collector.class);
			});
	}

	@Test
	void anEnvironmentVariableCollectionPeriodReachesTheCollectionTask() {
		TrackableContextRunners.withJpa()
			.withInitializer(
					(context) -> systemEnvironment(context, Map.of("TRACKABLE_COLLECTION_PERIOD", "60")))
			.run((context) -> assertThat(context.getBean(CollectionTask.class)).extracting("period")
				.isEqualTo(Duration.ofSeconds(60)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "trackable.collection-period=-5 | trackable.collection-period",
			"trackable.collection-period=0 | trackable.collection-period",
			"trackable.publish-batch-size=0 | trackable.publish-batch-size",
			"trackable.publish-mode=bogus | trackable.publish-mode",
			"trackable.queue-type=mirrored | trackable.queue-type",
			"trackable.exchange= | trackable.exchange",
			"trackable.malformed-queue= | trackable.malformed-queue",
			"trackable.process-num-messages=0 | trackable.process-num-messages",
			"trackable.time-zone=Mars/Olympus_Mons | trackable.time-zone" })
	void aBadPropertyFailsStartupNamingTheProperty(String property, String name) {
		TrackableContextRunners.withJpa().withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			// A conversion failure is reported by the binding of the property itself, a value trackable rejects by
			// the binding of the whole 'trackable' prefix, with the property named in the setter's message.
			assertThat(causes(failure)).hasAtLeastOneElementOfType(BindException.class)
				.extracting(Throwable::getMessage)
				.as("the messages of the failure and its causes")
				.anySatisfy((message) -> assertThat(message).contains(name));
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "trackable.collection-period=-5 | must be positive",
			"trackable.publish-batch-size=0 | must be at least 1", "trackable.exchange= | must not be blank" })
	void trackablesOwnValidationSaysWhatIsWrong(String property, String complaint) {
		TrackableContextRunners.withJpa().withPropertyValues(property).run((context) -> {
			String name = property.substring(0, property.indexOf('='));
			assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith(name + " " + complaint);
		});
	}

	private static void systemEnvironment(ConfigurableApplicationContext context, Map<String, Object> variables) {
		context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
