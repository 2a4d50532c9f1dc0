package dev.trackable.schema;

/**
 * A dataset's table lacks the unique key that additive upserts need. The message names the DDL to add.
 */
public class MissingUniqueKeyException extends IllegalStateException {

	private final String ddl;

	public MissingUniqueKeyException(String message, String ddl) {
		super(message + "; add it with: " + ddl);
		this.ddl = ddl;
	}

	/** @return the statement that creates the missing key */
	public String ddl() {
		return this.ddl;
	}

}
