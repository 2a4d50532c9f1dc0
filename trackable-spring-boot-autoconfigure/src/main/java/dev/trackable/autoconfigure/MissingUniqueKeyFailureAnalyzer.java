package dev.trackable.autoconfigure;

import dev.trackable.schema.MissingUniqueKeyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because a dataset's table lacks the unique key its upserts need, with the
 * statement that adds it.
 */
class MissingUniqueKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingUniqueKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingUniqueKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Add the unique key to the table, for example in a migration:\n\n    " + cause.ddl()
						+ "\n\nor let Hibernate manage the schema (spring.jpa.hibernate.ddl-auto=update).",
				cause);
	}

}
