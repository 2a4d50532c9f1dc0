package dev.trackable.command;

import java.io.PrintStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Runs the command named by the first non-option argument, then closes the application and exits with the
 * command's code. Does nothing when the application was started without a command.
 * <p>
 * The command runs once the application is ready, after the application's own runners: those may prepare what the
 * command works on (seed or migrate data, say), and runners of equal order run in no defined order among each other.
 * <p>
 * {@code --help}, bad arguments and failures are handled here, alike for every command: the operator gets the usage
 * or the cause of the failure on the command's output (the stack trace goes to the log), and an exit code a script
 * can test.
 */
public final class TrackableCommandRunner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(TrackableCommandRunner.class);

	private final List<TrackableCommand> commands;

	private final ApplicationContext context;

	private final CommandExit exit;

	public TrackableCommandRunner(List<TrackableCommand> commands, ApplicationContext context, CommandExit exit) {
		this.commands = commands;
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// In a hierarchy of contexts the event of a child also reaches its parent's listeners.
		if (event.getApplicationContext() != this.context) {
			return;
		}
		ApplicationArguments arguments = new DefaultApplicationArguments(event.getArgs());
		List<String> nonOptions = arguments.getNonOptionArgs();
		if (nonOptions.isEmpty()) {
			return;
		}
		this.commands.stream()
			.filter((command) -> command.name().equals(nonOptions.get(0)))
			.findFirst()
			.ifPresent((command) -> {
				int code = run(command, arguments, System.out);
				this.exit.exit(SpringApplication.exit(this.context, () -> code));
			});
	}

	private static int run(TrackableCommand command, ApplicationArguments arguments, PrintStream out) {
		if (arguments.containsOption("help")) {
			out.println("Usage: " + command.usage());
			return TrackableCommand.OK;
		}
		try {
			return command.run(arguments, out);
		}
		catch (CommandUsageException ex) {
			out.println(ex.getMessage());
			out.println("Usage: " + command.usage());
			return TrackableCommand.USAGE;
		}
		catch (RuntimeException ex) {
			logger.error("{} failed", command.name(), ex);
			out.println(command.name() + " failed: " + ex.getMessage());
			return TrackableCommand.FAILED;
		}
	}

}
