package dev.trackable.command;

/**
 * Ends the JVM with a command's exit code. Replace the bean to run commands inside a larger process, e.g. a test.
 */
@FunctionalInterface
public interface CommandExit {

	/**
	 * Ends the process.
	 * @param code the exit code
	 */
	void exit(int code);

}
