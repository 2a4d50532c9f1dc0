package dev.trackable.admin;

import dev.trackable.TrackableRegistry;
import dev.trackable.query.TrackableQueries;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class TrackableAdminAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TrackableAdminAutoConfiguration.class))
		.withUserConfiguration(TrackableBeans.class);

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("trackableAdminRoutes")
			.doesNotHaveBean(AdminAccess.class));
	}

	@Test
	void followsSpringBootsDebugWhenNotSetItself() {
		this.runner.withPropertyValues("debug=true")
			.run((context) -> assertThat(context).hasBean("trackableAdminRoutes").hasBean("trackableAdminFilter"));
		this.runner.withPropertyValues("debug=")
			.run((context) -> assertThat(context).hasBean("trackableAdminRoutes"));
		this.runner.withPropertyValues("debug=false")
			.run((context) -> assertThat(context).doesNotHaveBean("trackableAdminRoutes"));
	}

	@Test
	void itsOwnPropertyWinsOverDebug() {
		this.runner.withPropertyValues("debug=true", "trackable.admin.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("trackableAdminRoutes"));
		this.runner.withPropertyValues("trackable.admin.enabled=true")
			.run((context) -> assertThat(context).hasBean("trackableAdminRoutes"));
	}

	@Test
	void withoutSpringSecurityOnlyLoopbackClientsAreServedUnlessRemoteAccessIsAllowed() {
		this.runner.withPropertyValues("trackable.admin.enabled=true").run((context) -> {
			assertThat(context).getBean(AdminAccess.class).isInstanceOf(LoopbackAccess.class);
			assertThat(context.getBean(AdminAccess.class).refusal(remote())).isEqualTo(HttpStatus.FORBIDDEN);
		});
		this.runner.withPropertyValues("trackable.admin.enabled=true", "trackable.admin.allow-remote=true")
			.run((context) -> assertThat(context.getBean(AdminAccess.class).refusal(remote())).isNull());
	}

	@Test
	void theFilterGuardsTheConfiguredPath() {
		this.runner.withPropertyValues("trackable.admin.enabled=true", "trackable.admin.path=/ops/counts/")
			.run((context) -> assertThat(context.getBean("trackableAdminFilter", FilterRegistrationBean.class)
				.getUrlPatterns()).containsExactlyInAnyOrder("/ops/counts", "/ops/counts/*"));
	}

	@Test
	void aPathThatIsNotBelowTheRootStopsStartup() {
		this.runner.withPropertyValues("trackable.admin.enabled=true", "trackable.admin.path=/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("trackable.admin.path"));
	}

	@Test
	void anAccessRuleOfTheApplicationsOwnReplacesTrackables() {
		AdminAccess everyone = (request) -> null;
		this.runner.withPropertyValues("trackable.admin.enabled=true")
			.withBean(AdminAccess.class, () -> everyone)
			.run((context) -> assertThat(context).getBean(AdminAccess.class).isSameAs(everyone));
	}

	@Test
	void notInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrackableAdminAutoConfiguration.class))
			.withUserConfiguration(TrackableBeans.class)
			.withPropertyValues("trackable.admin.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("trackableAdminRoutes"));
	}

	private static MockHttpServletRequest remote() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("203.0.113.7");
		return request;
	}

	/** What trackable's main auto-configuration would provide; the admin only reads through these. */
	@Configuration(proxyBeanMethods = false)
	static class TrackableBeans {

		@Bean
		TrackableRegistry trackableRegistry() {
			return new TrackableRegistry();
		}

		@Bean
		TrackableQueries trackableQueries(TrackableRegistry registry) {
			return new TrackableQueries(registry, mock(EntityManagerFactory.class));
		}

	}

}
