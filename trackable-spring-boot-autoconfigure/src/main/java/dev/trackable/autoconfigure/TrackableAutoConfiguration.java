package dev.trackable.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import dev.trackable.IncrementSink;
import dev.trackable.ParentIdentifier;
import dev.trackable.Tracker;
import dev.trackable.TrackableConfigurer;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.collect.CollectionListener;
import dev.trackable.collect.CollectionTask;
import dev.trackable.collect.Collector;
import dev.trackable.collect.MalformedMessageHandler;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.filter.RequestFilter;
import dev.trackable.fold.AppliedMessageLog;
import dev.trackable.fold.CounterUpserter;
import dev.trackable.schema.UniqueKeyVerifier;
import dev.trackable.send.BatchingPublisher;
import dev.trackable.send.BrokerOutageListener;
import dev.trackable.send.OutageMailer;
import dev.trackable.send.ImmediatePublisher;
import dev.trackable.send.PublishCounters;
import dev.trackable.spool.Spool;
import dev.trackable.spool.SpoolLockedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.ManagedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSender;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-configuration of trackable: the registry of datasets, the {@link Tracker} and the static
 * {@link dev.trackable.Trackable} facade, the publisher chosen by {@code trackable.publish-mode}, the collector and
 * its schedule.
 */
@AutoConfiguration(after = { HibernateJpaAutoConfiguration.class, TrackableRabbitAutoConfiguration.class },
		afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass({ Tracker.class, EntityManagerFactory.class, TransactionTemplate.class })
@ConditionalOnBean({ EntityManagerFactory.class, PlatformTransactionManager.class, TrackableBroker.class })
@EnableConfigurationProperties(TrackableProperties.class)
public final class TrackableAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TrackableAutoConfiguration.class);

	/**
	 * The registry, with the datasets annotated with {@code @TrackableDataset} and those of every
	 * {@link TrackableConfigurer}, checked against the schema. An application that defines its own registry bean
	 * takes over all three.
	 */
	@Bean
	@ConditionalOnMissingBean
	TrackableRegistry trackableRegistry(EntityManagerFactory entityManagerFactory,
			ObjectProvider<TrackableConfigurer> configurers) {
		TrackableRegistry registry = new TrackableRegistry();
		registry.registerAnnotated(entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.<Class<?>>map(ManagedType::getJavaType)
			.toList());
		configurers.orderedStream().forEach((configurer) -> configurer.configure(registry));
		new UniqueKeyVerifier(entityManagerFactory).verify(registry.datasets());
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	Tracker trackableTracker(TrackableProperties properties, TrackableRegistry registry,
			EntityManagerFactory entityManagerFactory, IncrementSink sink, ObjectProvider<RequestFilter> filters) {
		return new Tracker(registry, ParentIdentifier.of(entityManagerFactory.getPersistenceUnitUtil()), sink,
				Clock.systemUTC(), properties.getTimeZone(), filters.orderedStream().toList());
	}

	@Bean
	TrackableFacadeBinding trackableFacadeBinding(Tracker tracker) {
		return new TrackableFacadeBinding(tracker);
	}

	@Bean
	@ConditionalOnMissingBean
	MalformedMessageHandler trackableMalformedMessageHandler(TrackableProperties properties,
			TrackableBroker broker) {
		return new MalformedMessageHandler(broker, properties.isRemoveMalformedMessages());
	}

	@Bean
	@ConditionalOnMissingBean
	ParkedMessages trackableParkedMessages(TrackableBroker broker) {
		return new ParkedMessages(broker);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Spool trackableSpool(TrackableProperties properties) throws IOException {
		Path directory = properties.getSpool().getDirectory().toAbsolutePath();
		try {
			return Spool.open(directory, properties.getSpool().getMaxSize().toBytes());
		}
		catch (SpoolLockedException ex) {
			throw new IllegalStateException("Another running instance uses the spool in " + directory
					+ ": give each instance its own trackable.spool.directory", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	PublishCounters trackablePublishCounters() {
		return new PublishCounters();
	}

	/**
	 * Outages are logged only, unless a mail sender and admins are there to be told (see
	 * {@link OutageMailConfiguration}).
	 */
	@Bean
	@ConditionalOnMissingBean
	BrokerOutageListener trackableBrokerOutageListener(TrackableProperties properties) {
		if (properties.isCaptureConnectionErrors()) {
			logger.warn("trackable.capture-connection-errors is on but no mail sender is configured "
					+ "(spring.mail.host): broker outages are only logged");
		}
		return BrokerOutageListener.NONE;
	}

	@Bean
	@ConditionalOnMissingBean
	CollectionHistory trackableCollectionHistory() {
		return new CollectionHistory(Clock.systemUTC());
	}

	/**
	 * The collector tells every {@link CollectionListener} bean, the collection history and the metrics among them,
	 * what it does.
	 */
	@Bean
	@ConditionalOnMissingBean
	Collector trackableCollector(TrackableProperties properties, TrackableBroker broker, TrackableRegistry registry,
			PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
			MalformedMessageHandler malformedMessageHandler, ObjectProvider<CollectionListener> listeners) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		transactions.executeWithoutResult((status) -> new AppliedMessageLog().createTableIfMissing(entityManager));
		return new Collector(broker, registry, transactions, entityManager,
				new CounterUpserter(properties.getUpsertBatchSize()), malformedMessageHandler,
				properties.getCollectionChunkSize(), properties.getDedupeRetention(), Clock.systemUTC(),
				listeners.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MailSender.class)
	@ConditionalOnBooleanProperty("trackable.capture-connection-errors")
	static class OutageMailConfiguration {

		@Bean
		@ConditionalOnMissingBean(BrokerOutageListener.class)
		@ConditionalOnBean(MailSender.class)
		BrokerOutageListener trackableOutageMailer(TrackableProperties properties, MailSender mailSender) {
			if (properties.getAdmins().isEmpty()) {
				logger.warn("trackable.capture-connection-errors is on but trackable.admins is empty: "
						+ "broker outages are only logged");
				return BrokerOutageListener.NONE;
			}
			return new OutageMailer(mailSender, properties.getAdmins(), properties.getErrorMailFrom(),
					properties.getErrorMailInterval(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(PublishModeCondition.Batched.class)
	static class BatchingPublisherConfiguration {

		@Bean
		@ConditionalOnMissingBean(IncrementSink.class)
		BatchingPublisher trackableBatchingPublisher(TrackableProperties properties, TrackableBroker broker,
				Spool spool, BrokerOutageListener outageListener, PublishCounters counters) {
			return new BatchingPublisher(broker, properties.getPublishInterval(), properties.getPublishBatchSize(),
					spool, outageListener, counters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(PublishModeCondition.Immediate.class)
	static class ImmediatePublisherConfiguration {

		@Bean
		@ConditionalOnMissingBean(IncrementSink.class)
		ImmediatePublisher trackableImmediatePublisher(TrackableProperties properties, TrackableBroker broker,
				Spool spool, BrokerOutageListener outageListener, PublishCounters counters) {
			return new ImmediatePublisher(broker, properties.isCaptureConnectionErrors() ? spool : null,
					outageListener, counters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "trackable.disable-collection-task", havingValue = false,
			matchIfMissing = true)
	static class CollectionTaskConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CollectionTask trackableCollectionTask(TrackableProperties properties, Collector collector) {
			return new CollectionTask(collector, properties.getCollectionPeriod(), properties.maxMessagesPerQueue());
		}

	}

}
