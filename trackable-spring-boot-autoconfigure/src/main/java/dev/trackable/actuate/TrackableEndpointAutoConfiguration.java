package dev.trackable.actuate;

import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.autoconfigure.TrackableAutoConfiguration;
import dev.trackable.autoconfigure.TrackableProperties;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.collect.Collector;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.spool.Spool;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code trackable} endpoint, when it is available: enabled (as endpoints are by
 * default) and exposed, e.g. with {@code management.endpoints.web.exposure.include=health,trackable}.
 */
@AutoConfiguration(after = TrackableAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(TrackableEndpoint.class)
@ConditionalOnBean({ TrackableRegistry.class, TrackableBroker.class, Collector.class, CollectionHistory.class,
		ParkedMessages.class, Spool.class })
@EnableConfigurationProperties(TrackableProperties.class)
public final class TrackableEndpointAutoConfiguration {

	/** Its collections take as many messages from each queue as the scheduled ones. */
	@Bean
	@ConditionalOnMissingBean
	TrackableEndpoint trackableEndpoint(TrackableProperties properties, TrackableRegistry registry,
			TrackableBroker broker, Collector collector, CollectionHistory history, ParkedMessages parked,
			Spool spool) {
		Integer limit = properties.getProcessNumMessages();
		return new TrackableEndpoint(registry, broker, collector, history, parked, spool,
				(limit != null) ? limit : Long.MAX_VALUE);
	}

}
