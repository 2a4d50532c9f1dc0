package dev.trackable.command;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;

/**
 * Reads a command's options the same way for every command, so that each rejects what it does not take with the
 * same messages. Options with a dot, like {@code --spring.datasource.url=...}, are the application's properties and
 * pass untouched.
 */
final class CommandArguments {

	private final ApplicationArguments arguments;

	/**
	 * Checks the options against those a command takes.
	 * @param arguments the application's arguments
	 * @param options the names of the options the command takes
	 * @throws CommandUsageException on any other option
	 */
	CommandArguments(ApplicationArguments arguments, Set<String> options) {
		for (String option : arguments.getOptionNames()) {
			if (!options.contains(option) && !option.contains(".")) {
				throw new CommandUsageException("Unknown option --" + option);
			}
		}
		this.arguments = arguments;
	}

	/** @return the arguments after the command's name */
	List<String> operands() {
		List<String> nonOptions = this.arguments.getNonOptionArgs();
		return nonOptions.subList(Math.min(1, nonOptions.size()), nonOptions.size());
	}

	boolean has(String option) {
		return this.arguments.containsOption(option);
	}

	/**
	 * Returns an option's value.
	 * @param option the option's name
	 * @return its value, or {@code null} when it was not given
	 * @throws CommandUsageException if it was given twice or without a value
	 */
	@Nullable String value(String option) {
		List<String> values = this.arguments.getOptionValues(option);
		if (values == null) {
			return null;
		}
		if (values.size() != 1 || values.get(0).isBlank()) {
			throw new CommandUsageException("--" + option + " takes one value, as in --" + option + "=...");
		}
		return values.get(0);
	}

	/**
	 * Returns an option's value as a positive number.
	 * @param option the option's name
	 * @param fallback the value when the option was not given
	 * @return the number
	 * @throws CommandUsageException if the value is not a positive number
	 */
	int positive(String option, int fallback) {
		String value = value(option);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the value.
		}
		throw new CommandUsageException("--" + option + " takes a positive number, was '" + value + "'");
	}

}
