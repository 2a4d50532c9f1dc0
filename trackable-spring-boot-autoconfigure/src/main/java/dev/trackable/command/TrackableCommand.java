package dev.trackable.command;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * A management command, run when its name is the application's first non-option argument.
 */
public interface TrackableCommand {

	/** The names of the commands trackable provides; the application starts without its web server for these. */
	List<String> NAMES = List.of(ReplayMalformedMessagesCommand.NAME, FoldTrackableMessagesCommand.NAME,
			ConvertTrackingDataCommand.NAME);

	/** Exit code of a command that did its work. */
	int OK = 0;

	/** Exit code of a command that failed. */
	int FAILED = 1;

	/** Exit code of a command given arguments it does not take; it changed nothing. */
	int USAGE = 2;

	/** @return the command's name, e.g. {@code replay_malformed_messages} */
	String name();

	/** @return how to call it, shown on bad arguments and by {@code --help} */
	String usage();

	/**
	 * Runs the command.
	 * @param arguments the application's arguments; the first non-option one is the command's name
	 * @param out where to print what it did
	 * @return the exit code
	 * @throws CommandUsageException on bad arguments, before the command changed anything
	 */
	int run(ApplicationArguments arguments, PrintStream out);

}
