package dev.trackable.autoconfigure;

import dev.trackable.TrackableRegistry;
import dev.trackable.query.TrackableQueries;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link TrackableQueries}, the read API over the datasets' rows.
 */
@AutoConfiguration(after = TrackableAutoConfiguration.class)
@ConditionalOnClass({ TrackableQueries.class, EntityManagerFactory.class })
@ConditionalOnBean({ TrackableRegistry.class, EntityManagerFactory.class })
public final class TrackableQueriesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TrackableQueries trackableQueries(TrackableRegistry registry, EntityManagerFactory entityManagerFactory) {
		return new TrackableQueries(registry, entityManagerFactory);
	}

}
