package dev.trackable.metrics;

import dev.trackable.Tracker;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.autoconfigure.TrackableAutoConfiguration;
import dev.trackable.send.PublishCounters;
import dev.trackable.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of trackable's Micrometer meters, when the application has a meter registry.
 */
@AutoConfiguration(after = TrackableAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Tracker.class })
public final class TrackableMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ TrackableRegistry.class, PublishCounters.class, TrackableBroker.class, Spool.class })
	TrackableMeters trackableMeters(TrackableRegistry registry, Tracker tracker, PublishCounters publishCounters,
			TrackableBroker broker, Spool spool) {
		return new TrackableMeters(registry, tracker, publishCounters, broker, spool);
	}

	/** Registered as a collection listener: the collector reports to it what it does. */
	@Bean
	@ConditionalOnMissingBean
	CollectionMeters trackableCollectionMeters(MeterRegistry meterRegistry) {
		return new CollectionMeters(meterRegistry);
	}

}
