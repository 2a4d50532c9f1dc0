package dev.trackable.sample;

import dev.trackable.collect.Collector;
import dev.trackable.sample.article.Article;
import dev.trackable.sample.article.ArticleRepository;
import dev.trackable.sample.counts.ArticleCounts;
import dev.trackable.sample.counts.ArticleCounts.Counts;
import dev.trackable.send.BatchingPublisher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code sample.tracking=false}, as the HTTP benchmark runs it, the article pages answer as before and count
 * nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.tracking=false")
@ActiveProfiles("test")
class UntrackedArticleTests {

	private static final String SLUG = "shown-but-not-counted";

	@LocalServerPort
	private int port;

	@Autowired
	private ArticleRepository articles;

	@Autowired
	private BatchingPublisher publisher;

	@Autowired
	private Collector collector;

	@Test
	void pagesAnswerAndCountNothing() {
		this.articles.save(new Article("Shown but not counted", SLUG));
		RestClient http = SampleHttpClient.forPort(this.port);
		assertThat(http.get().uri("/articles/{slug}", SLUG).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(http.get().uri("/articles/{slug}/read-more", SLUG).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.FOUND);

		this.publisher.publishPending();
		this.collector.collect(Long.MAX_VALUE);

		ArticleCounts counts = http.get().uri("/articles/{slug}/counts", SLUG).retrieve().body(ArticleCounts.class);
		assertThat(counts).isNotNull();
		assertThat(counts.totals()).isEqualTo(new Counts(0, 0));
		assertThat(counts.daily()).isEmpty();
	}

}
