package dev.trackable.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo exposes trackable's Actuator endpoint and health, as the README says.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class DemoActuatorTests {

	@LocalServerPort
	private int port;

	@Test
	void theTrackableEndpointListsTheDatasetsAndHealthIsUp() {
		RestClient http = SampleHttpClient.forPort(this.port);
		ResponseEntity<Map<String, Object>> trackable = http.get()
			.uri("/actuator/trackable")
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(trackable.getStatusCode().value()).isEqualTo(200);
		assertThat(trackable.getBody()).containsKey("datasets");
		assertThat((List<?>) trackable.getBody().get("datasets")).extracting("name")
			.contains("ArticleTrackableData", "ArticleTotals");

		ResponseEntity<Map<String, Object>> health = http.get()
			.uri("/actuator/health/trackable")
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(health.getBody()).containsEntry("status", "UP");
	}

}
