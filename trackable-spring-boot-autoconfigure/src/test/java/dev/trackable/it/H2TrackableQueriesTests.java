package dev.trackable.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read API's contract on H2.
 */
class H2TrackableQueriesTests extends TrackableQueriesContractTests {

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TrackableContractTests.services(registry,
				new TestServices.Database("jdbc:h2:mem:queries;DB_CLOSE_DELAY=-1", "sa", "", "in memory"), "h2-queries");
	}

}
