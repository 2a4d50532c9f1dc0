package dev.trackable.sample;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * An HTTP client for the running sample that hands every response to the test as it is: it follows no redirect and
 * throws for no status, so that tests can look at redirects and error statuses themselves.
 */
final class SampleHttpClient {

	private SampleHttpClient() {
	}

	static RestClient forPort(int port) {
		HttpClient httpClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(httpClient))
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
