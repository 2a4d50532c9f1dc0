package dev.trackable.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code convert_tracking_data} on MariaDB, where its upserts render differently than on H2.
 */
class MariaDbConvertTrackingDataTests extends ConvertTrackingDataContractTests {

	MariaDbConvertTrackingDataTests() {
		super(new TestApplications(TestServices.mariadb().orElseThrow()));
	}

	@BeforeAll
	static void requireDatabase() {
		Assumptions.assumeTrue(TestServices.mariadb().isPresent(), "no MariaDB available outside CI");
	}

}
