package dev.trackable.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract on PostgreSQL, whose upserts render as INSERT ... ON CONFLICT DO UPDATE.
 */
class PostgreSqlTrackableTests extends TrackableContractTests {

	@BeforeAll
	static void requireDatabase() {
		Assumptions.assumeTrue(TestServices.postgresql().isPresent(), "no PostgreSql available outside CI");
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestServices.postgresql().ifPresent((database) -> services(registry, database, "pg"));
	}

	@Override
	String upsertSyntax() {
		return "on conflict";
	}

}
