package dev.trackable.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Calls an application's Actuator endpoints over HTTP on the port its web server listens on, as an operator would.
 */
final class ActuatorClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	ActuatorClient(ConfigurableApplicationContext context) {
		this.base = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port")
				+ "/actuator";
	}

	/**
	 * Starts an application that serves the endpoints on a free port, health with its details.
	 * @param applications where to start it
	 * @param sources its configuration: {@link TestApplication} and the test's own
	 * @param properties the test's properties
	 * @return its context
	 */
	static ConfigurableApplicationContext start(TestApplications applications, Class<?>[] sources,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0",
				"management.endpoints.web.exposure.include=health,trackable,metrics",
				"management.endpoint.health.show-details=always"));
		all.addAll(List.of(properties));
		// An argument, as it must win over the test resources' application.properties, which keep every other test
		// application a non-web one.
		return applications.run(new SpringApplicationBuilder(sources),
				new String[] { "--spring.main.web-application-type=servlet" }, all.toArray(String[]::new));
	}

	static ConfigurableApplicationContext start(TestApplications applications, String... properties) {
		return start(applications, new Class<?>[] { TestApplication.class }, properties);
	}

	Response get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	Response post(String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		return new Response(response.statusCode(), body.isEmpty() ? null : this.json.readTree(body), body);
	}

	record Response(int status, JsonNode json, String body) {
	}

}
