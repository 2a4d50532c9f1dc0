package dev.trackable.health;

import java.time.Clock;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.autoconfigure.TrackableAutoConfiguration;
import dev.trackable.autoconfigure.TrackableProperties;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.spool.Spool;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code trackable} health indicator, unless
 * {@code management.health.trackable.enabled=false}.
 */
@AutoConfiguration(after = TrackableAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ TrackableBroker.class, Spool.class, CollectionHistory.class })
@ConditionalOnEnabledHealthIndicator("trackable")
@EnableConfigurationProperties(TrackableProperties.class)
public final class TrackableHealthContributorAutoConfiguration {

	/** Judges collection by its period only where the collection task runs. */
	@Bean
	@ConditionalOnMissingBean(name = { "trackableHealthIndicator", "trackableHealthContributor" })
	TrackableHealthIndicator trackableHealthIndicator(TrackableProperties properties, TrackableBroker broker,
			Spool spool, CollectionHistory history) {
		return new TrackableHealthIndicator(broker, spool, history,
				properties.isDisableCollectionTask() ? null : properties.getCollectionPeriod(), Clock.systemUTC());
	}

}
