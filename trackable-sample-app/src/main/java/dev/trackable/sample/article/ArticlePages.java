package dev.trackable.sample.article;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the article pages: deliberately plain, so that the sample shows trackable rather than a template
 * engine. Titles are escaped; slugs match {@code [a-z0-9-]+} and need no escaping.
 */
final class ArticlePages {

	private ArticlePages() {
	}

	static String list(List<Article> articles) {
		String items = articles.stream()
			.map((article) -> "<li><a href=\"/articles/%1$s\">%2$s</a> (<a href=\"/articles/%1$s/counts\">counts</a>)</li>"
				.formatted(article.getSlug(), HtmlUtils.htmlEscape(article.getTitle())))
			.collect(Collectors.joining("\n"));
		return page("Articles", "<ul>\n" + items + "\n</ul>");
	}

	static String show(Article article) {
		String slug = article.getSlug();
		return page(article.getTitle(), """
				<p>Viewing this page counted an impression.</p>
				<p><a href="/articles/%1$s/read-more">Read more</a> counts a click-through and brings you back here.</p>
				<p><a href="/articles/%1$s/counts">Counts</a> (collected every few seconds)
				&middot; <a href="/articles">All articles</a></p>""".formatted(slug));
	}

	private static String page(String title, String body) {
		String escapedTitle = HtmlUtils.htmlEscape(title);
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>%1$s</title></head>
				<body>
				<h1>%1$s</h1>
				%2$s
				</body>
				</html>
				""".formatted(escapedTitle, body);
	}

}
