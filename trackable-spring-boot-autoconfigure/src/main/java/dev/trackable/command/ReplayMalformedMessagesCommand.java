package dev.trackable.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import dev.trackable.collect.ParkedMessage;
import dev.trackable.collect.ParkedMessages;

import org.springframework.boot.ApplicationArguments;

/**
 * {@code replay_malformed_messages [--list] [--max=N]}: lists the messages parked as malformed, or moves them back
 * to the queues they came from so that the next collection folds them, once the application has been fixed.
 */
public final class ReplayMalformedMessagesCommand implements TrackableCommand {

	static final String NAME = "replay_malformed_messages";

	private static final Set<String> OPTIONS = Set.of("list", "max");

	private final ParkedMessages parked;

	public ReplayMalformedMessagesCommand(ParkedMessages parked) {
		this.parked = parked;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String usage() {
		return NAME + " [--list] [--max=N]\n"
				+ "  Moves messages parked as malformed back to the queues they came from; with --list, only shows them.\n"
				+ "  --max=N  at most N messages (default: all)";
	}

	@Override
	public int run(ApplicationArguments arguments, PrintStream out) {
		CommandArguments options = new CommandArguments(arguments, OPTIONS);
		if (!options.operands().isEmpty()) {
			throw new CommandUsageException("Unexpected argument " + options.operands().get(0));
		}
		int max = options.positive("max", Integer.MAX_VALUE);
		if (options.has("list")) {
			List<ParkedMessage> messages = this.parked.list(max);
			messages.forEach((message) -> out.printf("%s from %s (%d bytes): %s%n  %s%n", message.reason(),
					message.origin(), message.size(), message.error(), message.preview()));
			out.println("Parked " + this.parked.count());
			return OK;
		}
		out.println("Replayed " + this.parked.replay(max));
		return OK;
	}

}
