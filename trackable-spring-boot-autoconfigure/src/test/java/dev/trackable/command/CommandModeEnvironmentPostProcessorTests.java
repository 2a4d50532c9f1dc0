package dev.trackable.command;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CommandModeEnvironmentPostProcessorTests {

	private final CommandModeEnvironmentPostProcessor postProcessor = new CommandModeEnvironmentPostProcessor();

	@Test
	void aCommandRunsWithoutWebServerScheduleBannerOrInfoLogs() {
		StandardEnvironment environment = environment("fold_trackable_messages", "ArticleTotals");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("trackable.disable-collection-task")).isEqualTo("true");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("logging.level.root")).isEqualTo("warn");
	}

	@Test
	void theApplicationsOwnLoggingSettingsWin() {
		StandardEnvironment environment = environment("fold_trackable_messages");
		environment.getPropertySources()
			.addLast(new MapPropertySource("applicationConfig", Map.of("logging.level.root", "info")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.root")).isEqualTo("info");
	}

	@Test
	void anOrdinaryStartIsLeftAlone() {
		StandardEnvironment environment = environment("--server.port=8081");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(environment.getProperty("logging.level.root")).isNull();
	}

	private static StandardEnvironment environment(String... arguments) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments));
		return environment;
	}

}
