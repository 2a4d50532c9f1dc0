package dev.trackable.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read API's contract on PostgreSQL.
 */
class PostgreSqlTrackableQueriesTests extends TrackableQueriesContractTests {

	@BeforeAll
	static void requireDatabase() {
		Assumptions.assumeTrue(TestServices.postgresql().isPresent(), "no PostgreSQL available outside CI");
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestServices.postgresql()
			.ifPresent((database) -> TrackableContractTests.services(registry, database, "pg-queries"));
	}

}
