package dev.trackable.sample;

import java.time.Duration;
import java.time.LocalDate;

import dev.trackable.sample.article.Article;
import dev.trackable.sample.article.ArticleRepository;
import dev.trackable.sample.counts.ArticleCounts;
import dev.trackable.sample.counts.ArticleCounts.Counts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Counts travel from the article pages through the embedded broker into both datasets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ArticleCountingTests {

	/** An article of its own, so that what the other tests count does not show up here. */
	private static final String SLUG = "counted-by-the-counting-test";

	@LocalServerPort
	private int port;

	@Autowired
	private ArticleRepository articles;

	private RestClient http;

	@BeforeEach
	void setUp() {
		this.http = SampleHttpClient.forPort(this.port);
	}

	@Test
	void viewsAndReadMoreClicksAreCountedInTotalsAndTodaysRow() {
		this.articles.save(new Article("Counted by the counting test", SLUG));
		for (int view = 0; view < 3; view++) {
			ResponseEntity<String> page = this.http.get().uri("/articles/{slug}", SLUG).retrieve()
				.toEntity(String.class);
			assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(page.getBody()).contains("/articles/" + SLUG + "/read-more");
		}
		assertThat(this.http.get().uri("/articles/{slug}/read-more", SLUG).retrieve().toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.FOUND);

		Counts expected = new Counts(3, 1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ArticleCounts counts = this.http.get().uri("/articles/{slug}/counts", SLUG).retrieve()
				.body(ArticleCounts.class);
			assertThat(counts).isNotNull();
			assertThat(counts.totals()).isEqualTo(expected);
			assertThat(counts.daily()).containsEntry(LocalDate.now(), expected);
		});
	}

}
