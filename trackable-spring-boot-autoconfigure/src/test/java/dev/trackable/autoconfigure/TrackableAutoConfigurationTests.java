package dev.trackable.autoconfigure;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.trackable.Dataset;
import dev.trackable.IncrementSink;
import dev.trackable.Period;
import dev.trackable.Trackable;
import dev.trackable.TrackableConfigurer;
import dev.trackable.TrackableRegistry;
import dev.trackable.Tracker;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.autoconfigure.entities.Article;
import dev.trackable.autoconfigure.entities.ArticleDailyData;
import dev.trackable.autoconfigure.entities.ArticleTotals;
import dev.trackable.collect.CollectionTask;
import dev.trackable.collect.Collector;
import dev.trackable.collect.MalformedMessageHandler;
import dev.trackable.filter.RequestFilter;
import dev.trackable.fold.CounterUpserter;
import dev.trackable.schema.MissingUniqueKeyException;
import dev.trackable.send.BatchingPublisher;
import dev.trackable.send.BrokerOutageListener;
import dev.trackable.send.OutageMailer;
import dev.trackable.send.ImmediatePublisher;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class TrackableAutoConfigurationTests {

	/** The table of {@link ArticleDailyData} without the unique key on its row key columns. */
	private static final String SCHEMA_WITHOUT_UNIQUE_KEY = "classpath:dev/trackable/autoconfigure/"
			+ "schema-without-unique-key.sql";

	/** The table of {@link ArticleDailyData} with the unique key. */
	private static final String SCHEMA_WITH_UNIQUE_KEY = "classpath:dev/trackable/autoconfigure/"
			+ "schema-with-unique-key.sql";

	@Test
	void defaultsConfigureTheBatchedTrackerTheCollectorAndAConfirmingConnectionFactoryOfTrackablesOwn() {
		TrackableContextRunners.withJpa().run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(TrackableRegistry.class)
				.hasSingleBean(Tracker.class)
				.hasSingleBean(IncrementSink.class)
				.hasSingleBean(BatchingPublisher.class)
				.doesNotHaveBean(ImmediatePublisher.class)
				.hasSingleBean(Collector.class)
				.hasSingleBean(CollectionTask.class)
				.hasSingleBean(TrackableBroker.class)
				.hasSingleBean(TrackableProperties.class)
				.hasBean(TrackableRabbitAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
			assertThat(context.getBean(IncrementSink.class)).isSameAs(context.getBean(BatchingPublisher.class));
			assertThat(context.getBean(TrackableRabbitAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME))
				.isInstanceOfSatisfying(CachingConnectionFactory.class, (connectionFactory) -> {
					assertThat(connectionFactory.isSimplePublisherConfirms()).isTrue();
					assertThat(connectionFactory).extracting("confirmType")
						.isEqualTo(CachingConnectionFactory.ConfirmType.SIMPLE);
				});
			assertThat(context.getBean(CollectionTask.class).isRunning()).isTrue();
		});
	}

	@Test
	void theApplicationsOwnConnectionFactoryIsStillInjectedByTypeWithoutAmbiguity() {
		TrackableContextRunners.withJpa()
			.withUserConfiguration(ConnectionFactoryUserConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().getBeans(ConnectionFactory.class).hasSize(2);
				CachingConnectionFactory rabbitConnectionFactory = context.getBean("rabbitConnectionFactory",
						CachingConnectionFactory.class);
				Object trackableConnectionFactory = context
					.getBean(TrackableRabbitAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
				assertThat(trackableConnectionFactory).isNotSameAs(rabbitConnectionFactory);
				assertThat(context.getBean(ConnectionFactory.class)).isSameAs(rabbitConnectionFactory);
				assertThat(context.getBean(ConnectionFactoryUser.class).connectionFactory())
					.isSameAs(rabbitConnectionFactory);
				assertThat(context.getBean(RabbitTemplate.class).getConnectionFactory())
					.isSameAs(rabbitConnectionFactory);
				// The application's factory keeps Spring Boot's defaults: no publisher confirms.
				assertThat(rabbitConnectionFactory.isPublisherConfirms()).isFalse();
				assertThat(rabbitConnectionFactory.isSimplePublisherConfirms()).isFalse();
			});
	}

	@Test
	void withoutCaptureBrokerOutagesAreOnlyLogged() {
		TrackableContextRunners.withJpa()
			.withBean(JavaMailSenderImpl.class, JavaMailSenderImpl::new)
			.withPropertyValues("trackable.admins=ops@example.test")
			.run((context) -> assertThat(context.getBean(BrokerOutageListener.class))
				.isSameAs(BrokerOutageListener.NONE));
	}

	@Test
	void captureWithAMailSenderAndAdminsMailsTheAdmins() {
		TrackableContextRunners.withJpa()
			.withBean(JavaMailSenderImpl.class, JavaMailSenderImpl::new)
			.withPropertyValues("trackable.capture-connection-errors=true", "trackable.admins=ops@example.test")
			.run((context) -> assertThat(context.getBean(BrokerOutageListener.class)).isInstanceOf(OutageMailer.class));
	}

	@Test
	void captureWithoutAdminsOrWithoutAMailSenderWarnsAndOnlyLogs(CapturedOutput output) {
		TrackableContextRunners.withJpa()
			.withBean(JavaMailSenderImpl.class, JavaMailSenderImpl::new)
			.withPropertyValues("trackable.capture-connection-errors=true")
			.run((context) -> assertThat(context.getBean(BrokerOutageListener.class))
				.isSameAs(BrokerOutageListener.NONE));
		assertThat(output).contains("trackable.admins is empty");
		TrackableContextRunners.withJpa()
			.withPropertyValues("trackable.capture-connection-errors=true", "trackable.admins=ops@example.test")
			.run((context) -> assertThat(context.getBean(BrokerOutageListener.class))
				.isSameAs(BrokerOutageListener.NONE));
		assertThat(output).contains("no mail sender is configured");
	}

	@Test
	void connectionFactoryCustomizersApplyToTrackablesConnectionToo() {
		TrackableContextRunners.withJpa()
			.withBean(ConnectionFactoryCustomizer.class, () -> (factory) -> factory.setRequestedHeartbeat(17))
			.run((context) -> {
				CachingConnectionFactory trackable = context
					.getBean(TrackableRabbitAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME, CachingConnectionFactory.class);
				assertThat(trackable.getRabbitConnectionFactory().getRequestedHeartbeat()).isEqualTo(17);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "immediate", "IMMEDIATE", "im-mediate" })
	void immediatePublishModeReplacesTheBatchingPublisher(String mode) {
		TrackableContextRunners.withJpa().withPropertyValues("trackable.publish-mode=" + mode).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ImmediatePublisher.class)
				.doesNotHaveBean(BatchingPublisher.class)
				.hasSingleBean(Tracker.class);
			assertThat(context.getBean(IncrementSink.class)).isInstanceOf(ImmediatePublisher.class);
			assertThat(context.getBean(TrackableProperties.class).getPublishMode())
				.isEqualTo(TrackableProperties.PublishMode.IMMEDIATE);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "batched", "BATCHED" })
	void batchedPublishModeConfiguresTheBatchingPublisher(String mode) {
		TrackableContextRunners.withJpa().withPropertyValues("trackable.publish-mode=" + mode).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(BatchingPublisher.class)
				.doesNotHaveBean(ImmediatePublisher.class);
		});
	}

	@Test
	void disablingTheCollectionTaskLeavesOutTheScheduleButKeepsTheCollector() {
		TrackableContextRunners.withJpa()
			.withPropertyValues("trackable.disable-collection-task=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CollectionTask.class).hasSingleBean(Collector.class);
				assertThat(context.getBean(TrackableProperties.class).isDisableCollectionTask()).isTrue();
			});
	}

	@Test
	void withoutSpringAmqpNothingOfTrackableIsConfiguredAndTheContextStarts() {
		TrackableContextRunners.withJpa()
			.withClassLoader(new FilteredClassLoader(RabbitTemplate.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(EntityManagerFactory.class)
					.doesNotHaveBean(TrackableProperties.class)
					.doesNotHaveBean(TrackableRegistry.class)
					.doesNotHaveBean(Tracker.class)
					.doesNotHaveBean(IncrementSink.class)
					.doesNotHaveBean(TrackableBroker.class)
					.doesNotHaveBean(Collector.class)
					.doesNotHaveBean(CollectionTask.class)
					.doesNotHaveBean(TrackableRabbitAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
			});
	}

	@Test
	void withoutJpaThereIsNoTrackerAndTheContextStarts() {
		TrackableContextRunners.withoutJpa().run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(EntityManagerFactory.class)
				.doesNotHaveBean(TrackableRegistry.class)
				.doesNotHaveBean(Tracker.class)
				.doesNotHaveBean(IncrementSink.class)
				.doesNotHaveBean(Collector.class)
				.doesNotHaveBean(CollectionTask.class)
				// Broker access does not need JPA and is still there.
				.hasSingleBean(TrackableBroker.class);
		});
	}

	@Test
	void aUserDefinedTrackerWins() {
		TrackableContextRunners.withJpa().withUserConfiguration(UserTrackerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Tracker.class).hasBean("userTracker");
			Tracker tracker = context.getBean(Tracker.class);
			assertThat(tracker).isSameAs(context.getBean("userTracker"));
			// The facade delegates to the application's tracker, whoever defined it.
			assertThat(Trackable.site()).isSameAs(context.getBean(UserTrackerConfiguration.class).registry);
		});
	}

	@Test
	void aUserDefinedCollectorWinsAndIsTheOneTheCollectionTaskRuns() {
		TrackableContextRunners.withJpa().withUserConfiguration(UserCollectorConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Collector.class).hasBean("userCollector");
			Collector collector = context.getBean(Collector.class);
			assertThat(collector).isSameAs(context.getBean("userCollector"));
			assertThat(context.getBean(CollectionTask.class)).extracting("collector").isSameAs(collector);
		});
	}

	@Test
	void aUserDefinedRegistryWins() {
		TrackableContextRunners.withJpa().withUserConfiguration(UserRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TrackableRegistry.class).hasBean("userRegistry");
			TrackableRegistry registry = context.getBean(TrackableRegistry.class);
			assertThat(registry).isSameAs(context.getBean("userRegistry"));
			assertThat(context.getBean(Tracker.class).registry()).isSameAs(registry);
			assertThat(registry.datasets()).extracting(Dataset::name).containsExactly("ArticleTotals");
		});
	}

	@Test
	void aUserDefinedIncrementSinkWins() {
		TrackableContextRunners.withJpa().withUserConfiguration(UserSinkConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(IncrementSink.class)
				.doesNotHaveBean(BatchingPublisher.class)
				.doesNotHaveBean(ImmediatePublisher.class);
			context.getBean(Tracker.class).increment(new Article(7), "impressions", 2);
			assertThat(context.getBean(UserSinkConfiguration.class).recorded).containsExactly("ArticleDailyData 7 2");
		});
	}

	@Test
	void anAnnotatedDatasetIsRegisteredForItsParent() {
		TrackableContextRunners.withJpa().run((context) -> {
			TrackableRegistry registry = context.getBean(TrackableRegistry.class);
			Dataset dataset = registry.dataset("ArticleDailyData");
			assertThat(dataset).isNotNull();
			assertThat(dataset.dataClass()).isEqualTo(ArticleDailyData.class);
			assertThat(dataset.parentClass()).isEqualTo(Article.class);
			assertThat(dataset.period()).isEqualTo(Period.DAY);
			assertThat(dataset.counterNames()).containsExactly("impressions");
			// Not annotated and not registered by a configurer.
			assertThat(registry.dataset("ArticleTotals")).isNull();
			assertThat(registry.datasetsOf(Article.class)).containsExactly(dataset);
		});
	}

	@Test
	void aConfigurersRegistrationIsApplied() {
		TrackableContextRunners.withJpa().withBean(TrackableConfigurer.class, () -> totals()).run((context) -> {
			TrackableRegistry registry = context.getBean(TrackableRegistry.class);
			Dataset totals = registry.dataset("ArticleTotals");
			assertThat(totals).isNotNull();
			assertThat(totals.parentClass()).isEqualTo(Article.class);
			assertThat(totals.isTimeSeries()).isFalse();
			assertThat(registry.datasetsOf(Article.class)).extracting(Dataset::name)
				.containsExactly("ArticleDailyData", "ArticleTotals");
		});
	}

	@Test
	void twoConfigurersRegisteringTheSamePairFailStartup() {
		TrackableContextRunners.withJpa()
			.withBean("first", TrackableConfigurer.class, () -> totals())
			.withBean("second", TrackableConfigurer.class, () -> totals())
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("ArticleTotals is already registered for " + Article.class.getName()));
	}

	@Test
	void aConfigurerRegisteringAnAnnotatedDatasetAgainFailsStartup() {
		TrackableContextRunners.withJpa()
			.withBean(TrackableConfigurer.class, () -> (site) -> site.register(Article.class, ArticleDailyData.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ArticleDailyData is already registered"));
	}

	@Test
	void aTableWithoutTheUniqueKeyFailsStartupWithTheStatementThatAddsIt() {
		TrackableContextRunners.withJpa()
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=" + SCHEMA_WITHOUT_UNIQUE_KEY)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MissingUniqueKeyException.class)
					.hasMessageContaining("ArticleDailyData")
					.hasMessageContaining("ALTER TABLE")
					.hasMessageContaining("parent_type")
					.hasMessageContaining("parent_id")
					.hasMessageContaining("collected_during")
					.extracting((failure) -> ((MissingUniqueKeyException) failure).ddl())
					.asString()
					.startsWith("ALTER TABLE ")
					.contains("UNIQUE (parent_type, parent_id, collected_during)");
			});
	}

	@Test
	void aTableWithTheUniqueKeyStarts() {
		TrackableContextRunners.withJpa()
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=" + SCHEMA_WITH_UNIQUE_KEY)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Tracker.class);
				assertThat(context.getBean(TrackableRegistry.class).dataset("ArticleDailyData")).isNotNull();
			});
	}

	@Test
	void theStaticFacadeFollowsTheApplicationsLifecycle() {
		Article article = new Article(4);
		TrackableContextRunners.withJpa().withPropertyValues("trackable.publish-interval=1h").run((first) -> {
			TrackableContextRunners.withJpa()
				.withPropertyValues("trackable.publish-interval=1h",
						"trackable.spool.directory=target/spool/second-" + UUID.randomUUID())
				.run((second) -> {
					assertThat(Trackable.site()).isSameAs(second.getBean(TrackableRegistry.class));
					// Stopped, as Spring's test context cache does with a context no test uses: increments must not go
					// to its publisher, which sends nothing while stopped.
					second.stop();
					assertThatIllegalStateException().isThrownBy(Trackable::site);
					first.stop();
					first.start();
					assertThat(Trackable.site()).isSameAs(first.getBean(TrackableRegistry.class));
					Trackable.increment(article, "impressions");
					assertThat(first.getBean(BatchingPublisher.class).pendingCounters()).isEqualTo(1);
					assertThat(second.getBean(BatchingPublisher.class).pendingCounters()).isZero();
				});
		});
	}

	@Test
	void theStaticFacadeIsBoundWhileTheContextRuns() {
		Article article = new Article(3);
		TrackableContextRunners.withJpa().withPropertyValues("trackable.publish-interval=1h").run((context) -> {
			assertThat(Trackable.site()).isSameAs(context.getBean(TrackableRegistry.class));
			Trackable.increment(article, "impressions");
			assertThat(context.getBean(BatchingPublisher.class).pendingCounters()).isEqualTo(1);
			context.close();
			assertThatIllegalStateException().isThrownBy(() -> Trackable.increment(article, "impressions"))
				.withMessageContaining("not bound");
			assertThatIllegalStateException().isThrownBy(Trackable::site);
		});
	}

	@Test
	void requestFiltersArePassedToTheTracker() {
		Article article = new Article(5);
		TrackableContextRunners.withJpa()
			.withPropertyValues("trackable.publish-interval=1h")
			.withBean("rejectEverything", RequestFilter.class, () -> (request) -> false)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Tracker tracker = context.getBean(Tracker.class);
				BatchingPublisher publisher = context.getBean(BatchingPublisher.class);

				tracker.increment(new MockHttpServletRequest(), article, "impressions");
				assertThat(publisher.pendingCounters()).isZero();

				tracker.increment(article, "impressions");
				assertThat(publisher.pendingCounters()).isEqualTo(1);
			});
	}

	@Test
	void everyRequestFilterMustAccept() {
		Article article = new Article(6);
		TrackableContextRunners.withJpa()
			.withPropertyValues("trackable.publish-interval=1h")
			.withBean("acceptEverything", RequestFilter.class, () -> (request) -> true)
			.withBean("acceptHumans", RequestFilter.class,
					() -> (request) -> !"bot".equals(request.getHeader("User-Agent")))
			.run((context) -> {
				Tracker tracker = context.getBean(Tracker.class);
				BatchingPublisher publisher = context.getBean(BatchingPublisher.class);
				MockHttpServletRequest bot = new MockHttpServletRequest();
				bot.addHeader("User-Agent", "bot");

				tracker.increment(bot, article, "impressions");
				assertThat(publisher.pendingCounters()).isZero();

				tracker.increment(new MockHttpServletRequest(), article, "impressions");
				assertThat(publisher.pendingCounters()).isEqualTo(1);
			});
	}

	private static TrackableConfigurer totals() {
		return (site) -> site.register(Article.class, ArticleTotals.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectionFactoryUserConfiguration {

		@Bean
		ConnectionFactoryUser connectionFactoryUser(ConnectionFactory connectionFactory) {
			return new ConnectionFactoryUser(connectionFactory);
		}

	}

	record ConnectionFactoryUser(ConnectionFactory connectionFactory) {
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTrackerConfiguration {

		final TrackableRegistry registry = new TrackableRegistry();

		@Bean
		Tracker userTracker() {
			return new Tracker(this.registry, (parent) -> 1L, (dataset, parentId, period, counter, amount) -> {
			}, Clock.systemUTC(), ZoneOffset.UTC, List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCollectorConfiguration {

		@Bean
		Collector userCollector(TrackableBroker broker, TrackableRegistry registry,
				EntityManagerFactory entityManagerFactory) {
			return new Collector(broker, registry, TransactionOperations.withoutTransaction(),
					SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), new CounterUpserter(8),
					new MalformedMessageHandler(broker, false), 10, java.time.Duration.ofDays(7), Clock.systemUTC(),
					List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		TrackableRegistry userRegistry() {
			TrackableRegistry registry = new TrackableRegistry();
			registry.register(Article.class, ArticleTotals.class);
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSinkConfiguration {

		final List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		IncrementSink userSink() {
			return (dataset, parentId, period, counter, amount) -> this.recorded
				.add(dataset.name() + " " + parentId + " " + amount);
		}

	}

}
