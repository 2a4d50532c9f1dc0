package dev.trackable.message;

/**
 * A message that cannot be folded, with the reason why. The collector sets such messages aside instead of failing the
 * messages around them.
 */
public class MalformedMessageException extends RuntimeException {

	private final String reason;

	/**
	 * Creates an exception.
	 * @param reason a short, stable code for metrics and headers, e.g. {@code unknown-field}
	 * @param message what exactly is wrong
	 */
	public MalformedMessageException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** @return a short, stable code of the kind of problem */
	public String reason() {
		return this.reason;
	}

}
