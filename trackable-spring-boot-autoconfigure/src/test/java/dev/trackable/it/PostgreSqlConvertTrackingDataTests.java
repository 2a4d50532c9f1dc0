package dev.trackable.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code convert_tracking_data} on PostgreSQL, where its upserts render differently than on H2.
 */
class PostgreSqlConvertTrackingDataTests extends ConvertTrackingDataContractTests {

	PostgreSqlConvertTrackingDataTests() {
		super(new TestApplications(TestServices.postgresql().orElseThrow()));
	}

	@BeforeAll
	static void requireDatabase() {
		Assumptions.assumeTrue(TestServices.postgresql().isPresent(), "no PostgreSQL available outside CI");
	}

}
