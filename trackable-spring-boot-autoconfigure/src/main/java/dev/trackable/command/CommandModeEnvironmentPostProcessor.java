package dev.trackable.command;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the application as a command-line tool, without its web server or collection schedule, when its first
 * non-option argument names a trackable command: a command must neither take the web port of a running instance nor
 * collect on its own. Its logs are kept to warnings and errors unless the application says otherwise, so that they do
 * not bury the command's output.
 */
class CommandModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String arguments = environment.getProperty("nonOptionArgs", "");
		String first = arguments.split(",", 2)[0].trim();
		if (TrackableCommand.NAMES.contains(first)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("trackableCommand", Map.of("spring.main.web-application-type", "none",
						"trackable.disable-collection-task", "true", "spring.main.banner-mode", "off")));
			// Last, so that the application's own logging settings win: a command's output is its printed lines.
			environment.getPropertySources()
				.addLast(new MapPropertySource("trackableCommandLogging", Map.of("logging.level.root", "warn")));
		}
	}

}
