package dev.trackable.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read API's contract on MariaDB.
 */
class MariaDbTrackableQueriesTests extends TrackableQueriesContractTests {

	@BeforeAll
	static void requireDatabase() {
		Assumptions.assumeTrue(TestServices.mariadb().isPresent(), "no MariaDB available outside CI");
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestServices.mariadb()
			.ifPresent((database) -> TrackableContractTests.services(registry, database, "mariadb-queries"));
	}

}
