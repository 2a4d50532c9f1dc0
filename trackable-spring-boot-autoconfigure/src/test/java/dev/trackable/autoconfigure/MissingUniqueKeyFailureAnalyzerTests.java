package dev.trackable.autoconfigure;

import dev.trackable.schema.MissingUniqueKeyException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MissingUniqueKeyFailureAnalyzerTests {

	@Test
	void theActionNamesTheStatementThatAddsTheKey() {
		String ddl = "ALTER TABLE article_data ADD CONSTRAINT uk_article_data_row UNIQUE (parent_type, parent_id)";
		MissingUniqueKeyException missing = new MissingUniqueKeyException("Table article_data has no unique key", ddl);

		FailureAnalysis analysis = new MissingUniqueKeyFailureAnalyzer()
			.analyze(new BeanCreationException("trackableRegistry", "failed", missing));

		assertThat(analysis.getDescription()).startsWith("Table article_data has no unique key");
		assertThat(analysis.getAction()).contains(ddl);
	}

}
