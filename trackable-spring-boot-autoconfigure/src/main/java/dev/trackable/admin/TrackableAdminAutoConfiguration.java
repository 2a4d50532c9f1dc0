package dev.trackable.admin;

import java.io.IOException;
import java.time.Clock;

import dev.trackable.TrackableRegistry;
import dev.trackable.autoconfigure.TrackableProperties;
import dev.trackable.autoconfigure.TrackableQueriesAutoConfiguration;
import dev.trackable.query.TrackableQueries;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the debug admin at {@code trackable.admin.path}: on in a servlet web application when
 * {@code trackable.admin.enabled} is true, or when it is not set and Spring Boot's {@code debug} is.
 * <p>
 * Who may see it: with Spring Security on the class path, users with {@code trackable.admin.role}, whichever
 * filter chain signed them in; without it, loopback clients only, unless {@code trackable.admin.allow-remote}.
 * An {@link AdminAccess} bean replaces both rules.
 */
@AutoConfiguration(after = TrackableQueriesAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@Conditional(AdminEnabledCondition.class)
@ConditionalOnBean({ TrackableQueries.class, TrackableRegistry.class })
@EnableConfigurationProperties(TrackableProperties.class)
public final class TrackableAdminAutoConfiguration {

	private static final String SECURITY_CLASS = "org.springframework.security.web.SecurityFilterChain";

	/** The chart library's bundle in its WebJar; the version in the path is whichever one is on the class path. */
	private static final String CHART_JS = "classpath*:META-INF/resources/webjars/chart.js/*/dist/chart.umd.min.js";

	@Bean
	@ConditionalOnMissingBean(name = "trackableAdminRoutes")
	RouterFunction<ServerResponse> trackableAdminRoutes(TrackableProperties properties, TrackableRegistry registry,
			TrackableQueries queries) throws IOException {
		Resource[] chartJs = new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(CHART_JS);
		if (chartJs.length == 0) {
			throw new IllegalStateException("The trackable admin needs the org.webjars.npm:chart.js WebJar on the class "
					+ "path; it comes with trackable-spring-boot-autoconfigure unless it was excluded");
		}
		AdminApi api = new AdminApi(registry, queries, Clock.system(properties.getTimeZone()));
		return AdminRoutes.of(properties.getAdmin().getPath(), api, chartJs[0]);
	}

	@Bean
	@ConditionalOnMissingBean(name = "trackableAdminFilter")
	FilterRegistrationBean<AdminFilter> trackableAdminFilter(TrackableProperties properties, AdminAccess access) {
		String base = AdminRoutes.normalize(properties.getAdmin().getPath());
		FilterRegistrationBean<AdminFilter> registration = new FilterRegistrationBean<>(new AdminFilter(access));
		registration.addUrlPatterns(base, base + "/*");
		// After Spring Security's filter chain (order -100), so that the request carries the signed-in user.
		registration.setOrder(0);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SECURITY_CLASS)
	static class RoleAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AdminAccess trackableAdminAccess(TrackableProperties properties) {
			return new RoleAccess(properties.getAdmin().getRole());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(SECURITY_CLASS)
	static class LoopbackAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AdminAccess trackableAdminAccess(TrackableProperties properties) {
			return new LoopbackAccess(properties.getAdmin().isAllowRemote());
		}

	}

}
