package dev.trackable.autoconfigure;

import javax.sql.DataSource;

import dev.trackable.filter.SpiderPatterns;
import dev.trackable.filter.SpiderTable;
import dev.trackable.filter.UserAgentFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@code trackable.user-agent-filtering}: a {@link UserAgentFilter} with the bundled spider
 * list, changed by {@code trackable.spiders.*} and by the rows of the spider table if it exists. The tracker consults
 * every {@link dev.trackable.filter.RequestFilter} bean, so a filter of the application's own replaces or joins it.
 */
@AutoConfiguration
@ConditionalOnClass({ UserAgentFilter.class, HttpServletRequest.class })
@ConditionalOnBooleanProperty("trackable.user-agent-filtering")
@EnableConfigurationProperties(TrackableProperties.class)
public final class TrackableUserAgentFilterAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TrackableUserAgentFilterAutoConfiguration.class);

	/** After Flyway, Liquibase or SQL scripts, which may create the spider table. */
	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	UserAgentFilter trackableUserAgentFilter(TrackableProperties properties, ObjectProvider<DataSource> dataSource) {
		TrackableProperties.Spiders spiders = properties.getSpiders();
		SpiderPatterns patterns = SpiderPatterns.bundled()
			.without(spiders.getRemovedPatterns())
			.withAdditional(spiders.getAdditionalPatterns());
		DataSource database = dataSource.getIfUnique();
		if (database != null && !spiders.getTable().isEmpty()) {
			patterns = new SpiderTable(database, spiders.getTable()).applyTo(patterns);
		}
		logger.info("User-agent filtering with {} spider patterns", patterns.patterns().size());
		return new UserAgentFilter(patterns.matcher(), spiders.isMissingUserAgentIsBot());
	}

}
