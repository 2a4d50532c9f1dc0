package dev.trackable.sample.article;

import dev.trackable.Trackable;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts an impression and answers in a way no page does, to show that counting does not depend on the response.
 */
@RestController
class TeapotController {

	static final String BODY = "My object, how does it work?";

	private final ArticleRepository articles;

	TeapotController(ArticleRepository articles) {
		this.articles = articles;
	}

	@GetMapping(path = "/teapot/{slug}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> teapot(@PathVariable String slug, HttpServletRequest request) {
		Trackable.increment(request, this.articles.getBySlug(slug), "impressions");
		return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body(BODY);
	}

}
