package dev.trackable.sample;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sample's endpoints answer, apart from the counting itself. Uses the seeded articles.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ArticleEndpointsTests {

	@LocalServerPort
	private int port;

	private RestClient http;

	@BeforeEach
	void setUp() {
		this.http = SampleHttpClient.forPort(this.port);
	}

	@Test
	void listsTheSeededArticles() {
		ResponseEntity<String> page = this.http.get().uri("/articles").retrieve().toEntity(String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Hello trackable", "/articles/hello-trackable");
	}

	@Test
	void teapotAnswers418WithItsQuestion() {
		ResponseEntity<String> response = this.http.get().uri("/teapot/hello-trackable").retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.I_AM_A_TEAPOT);
		assertThat(response.getBody()).isEqualTo("My object, how does it work?");
	}

	@Test
	void readMoreRedirectsToTheArticleItselfWhateverTheNextParameterSays() {
		ResponseEntity<Void> response = this.http.get()
			.uri((uri) -> uri.path("/articles/{slug}/read-more")
				.queryParam("next", "https://evil.example")
				.build("hello-trackable"))
			.retrieve()
			.toBodilessEntity();

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(response.getHeaders().getLocation()).isEqualTo(URI.create("/articles/hello-trackable"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/articles/no-such-article", "/articles/no-such-article/read-more",
			"/articles/no-such-article/counts", "/teapot/no-such-article" })
	void unknownSlugIsNotFound(String path) {
		assertThat(this.http.get().uri(path).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

}
