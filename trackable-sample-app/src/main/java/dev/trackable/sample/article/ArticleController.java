package dev.trackable.sample.article;

import java.net.URI;

import dev.trackable.Trackable;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The article pages. Showing an article counts an impression; its "read more" link counts a click-through, unless
 * {@code sample.tracking=false}, which trackable-benchmarks' wrk.sh sets to measure what counting costs a request.
 */
@RestController
@RequestMapping(path = "/articles", produces = MediaType.TEXT_HTML_VALUE)
class ArticleController {

	private final ArticleRepository articles;

	private final boolean tracking;

	ArticleController(ArticleRepository articles, @Value("${sample.tracking:true}") boolean tracking) {
		this.articles = articles;
		this.tracking = tracking;
	}

	@GetMapping
	String list() {
		return ArticlePages.list(this.articles.findAllByOrderByTitle());
	}

	@GetMapping("/{slug}")
	String show(@PathVariable String slug, HttpServletRequest request) {
		Article article = this.articles.getBySlug(slug);
		if (this.tracking) {
			// Both datasets of Article declare 'impressions', so this counts the day's row and the all-time total.
			Trackable.increment(request, article, "impressions");
		}
		return ArticlePages.show(article);
	}

	/**
	 * Counts a click-through and redirects to the article. The target is built from the stored slug only, never from
	 * a request parameter, so that the link cannot be turned into an open redirect.
	 */
	@GetMapping("/{slug}/read-more")
	ResponseEntity<Void> readMore(@PathVariable String slug, HttpServletRequest request) {
		Article article = this.articles.getBySlug(slug);
		if (this.tracking) {
			Trackable.increment(request, article, "clickThroughs");
		}
		URI location = UriComponentsBuilder.fromPath(request.getContextPath())
			.path("/articles/{slug}")
			.buildAndExpand(article.getSlug())
			.encode()
			.toUri();
		return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
	}

}
