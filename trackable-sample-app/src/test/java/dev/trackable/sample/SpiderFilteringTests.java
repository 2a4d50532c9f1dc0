package dev.trackable.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.trackable.filter.UserAgentFilter;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code trackable.user-agent-filtering} on, page views of bots and of clients that send no user agent are not
 * counted, and people's are, all the way through the broker into the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "trackable.user-agent-filtering=true")
@ActiveProfiles("test")
class SpiderFilteringTests {

	private static final String SLUG = "counted-by-the-spider-filtering-test";

	private static final String[] PEOPLE = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
					+ "Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Version/17.1 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/120.0.6099.230 Mobile Safari/537.36" };

	private static final String[] BOTS = { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
			"curl/8.5.0", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
			"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 "
					+ "Safari/537.36",
			"python-requests/2.31.0" };

	@LocalServerPort
	private int port;

	@Autowired
	private ArticleRepository articles;

	@Autowired
	private UserAgentFilter filter;

	private RestClient http;

	@BeforeEach
	void setUp() {
		this.http = SampleHttpClient.forPort(this.port);
	}

	@Test
	void onlyPeoplesPageViewsAreCounted() throws IOException {
		this.articles.save(new Article("Counted by the spider filtering test", SLUG));
		long filteredBefore = this.filter.filteredCount();
		for (String userAgent : PEOPLE) {
			assertThat(view(userAgent)).isEqualTo(HttpStatus.OK);
		}
		for (String userAgent : BOTS) {
			assertThat(view(userAgent)).isEqualTo(HttpStatus.OK);
		}
		assertThat(viewWithoutUserAgent()).startsWith("HTTP/1.1 200");

		assertThat(this.filter.filteredCount() - filteredBefore).isEqualTo(BOTS.length + 1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ArticleCounts counts = this.http.get()
				.uri("/articles/{slug}/counts", SLUG)
				.header("User-Agent", PEOPLE[0])
				.retrieve()
				.body(ArticleCounts.class);
			assertThat(counts).isNotNull();
			assertThat(counts.totals()).isEqualTo(new Counts(PEOPLE.length, 0));
		});
	}

	private HttpStatus view(String userAgent) {
		return HttpStatus.valueOf(this.http.get()
			.uri("/articles/{slug}", SLUG)
			.header("User-Agent", userAgent)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value());
	}

	/** Java's HTTP clients always send a user agent: this request is written by hand. */
	private String viewWithoutUserAgent() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /articles/" + SLUG + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
