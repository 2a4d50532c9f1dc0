package dev.trackable.command;

/**
 * Thrown by a command given arguments it does not take, before it changes anything; the command ends with its usage
 * and {@link TrackableCommand#USAGE}.
 */
public final class CommandUsageException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong with the arguments, shown to the operator
	 */
	public CommandUsageException(String message) {
		super(message);
	}

}
