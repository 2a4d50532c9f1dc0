package dev.trackable.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract on MariaDB, whose upserts render as INSERT ... ON DUPLICATE KEY UPDATE.
 */
class MariaDbTrackableTests extends TrackableContractTests {

	@BeforeAll
	static void requireDatabase() {
		Assumptions.assumeTrue(TestServices.mariadb().isPresent(), "no MariaDb available outside CI");
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestServices.mariadb().ifPresent((database) -> services(registry, database, "mariadb"));
	}

	@Override
	String upsertSyntax() {
		return "on duplicate key update";
	}

}
