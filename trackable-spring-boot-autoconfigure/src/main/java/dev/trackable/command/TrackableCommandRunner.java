package dev.trackable.command;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * Runs the command named by the first non-option argument, then closes the application and exits with the
 * command's code. Does nothing when the application was started without a command.
 */
public final class TrackableCommandRunner implements ApplicationRunner {

	private final List<TrackableCommand> commands;

	private final ApplicationContext context;

	private final CommandExit exit;

	public TrackableCommandRunner(List<TrackableCommand> commands, ApplicationContext context, CommandExit exit) {
		this.commands = commands;
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		List<String> nonOptions = arguments.getNonOptionArgs();
		if (nonOptions.isEmpty()) {
			return;
		}
		this.commands.stream()
			.filter((command) -> command.name().equals(nonOptions.get(0)))
			.findFirst()
			.ifPresent((command) -> {
				int code = command.run(arguments, System.out);
				this.exit.exit(SpringApplication.exit(this.context, () -> code));
			});
	}

}
