package dev.trackable.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.trackable.sample.article.Article;
import dev.trackable.sample.article.ArticleRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo profile serves trackable's admin, and a few page views show up in an article's chart data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class DemoAdminTests {

	private static final String SLUG = "charted-by-the-demo-test";

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
	void pageViewsShowUpInTheArticlesChartData() {
		Article article = this.articles.save(new Article("Charted by the demo test", SLUG));
		for (int view = 0; view < 4; view++) {
			this.http.get().uri("/articles/{slug}", SLUG).retrieve().toBodilessEntity();
		}

		assertThat(this.http.get().uri("/trackable/admin/").retrieve().toEntity(String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, Object> parent = this.http.get()
				.uri("/trackable/admin/api/datasets/ArticleTrackableData/parent?id={id}", article.getId())
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(parent).containsEntry("parentName", "Charted by the demo test");
			List<?> points = (List<?>) parent.get("points");
			List<?> impressions = (List<?>) ((Map<?, ?>) ((List<?>) parent.get("series")).get(0)).get("values");
			assertThat(points.get(points.size() - 1).toString()).startsWith(LocalDate.now().toString());
			assertThat(impressions.get(impressions.size() - 1)).isEqualTo(4);
		});
	}

}
