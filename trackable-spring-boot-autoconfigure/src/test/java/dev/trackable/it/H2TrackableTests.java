package dev.trackable.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract on H2, whose upserts render as MERGE.
 */
class H2TrackableTests extends TrackableContractTests {

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		services(registry, new TestServices.Database("jdbc:h2:mem:contract;DB_CLOSE_DELAY=-1", "sa", "", "in memory"),
				"h2");
	}

	@Override
	String upsertSyntax() {
		return "merge into";
	}

}
