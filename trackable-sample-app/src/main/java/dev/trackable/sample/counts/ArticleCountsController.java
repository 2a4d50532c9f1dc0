package dev.trackable.sample.counts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.trackable.sample.article.Article;
import dev.trackable.sample.article.ArticleRepository;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows what the collector has written for an article. Counts appear one collection period after they were made.
 */
@RestController
class ArticleCountsController {

	private final ArticleRepository articles;

	private final ArticleTotalsRepository totals;

	private final ArticleTrackableDataRepository daily;

	/** Trackable stores the parent's JPA entity name in each row, next to the parent's id. */
	private final String parentType;

	ArticleCountsController(ArticleRepository articles, ArticleTotalsRepository totals,
			ArticleTrackableDataRepository daily, EntityManagerFactory entityManagerFactory) {
		this.articles = articles;
		this.totals = totals;
		this.daily = daily;
		this.parentType = entityManagerFactory.getMetamodel().entity(Article.class).getName();
	}

	@GetMapping(path = "/articles/{slug}/counts", produces = MediaType.APPLICATION_JSON_VALUE)
	ArticleCounts counts(@PathVariable String slug) {
		Article article = this.articles.getBySlug(slug);
		String parentId = String.valueOf(article.getId());
		ArticleCounts.Counts allTime = this.totals.findByParentTypeAndParentId(this.parentType, parentId)
			.map((row) -> new ArticleCounts.Counts(row.getImpressions(), row.getClickThroughs()))
			.orElse(ArticleCounts.Counts.NONE);
		Map<LocalDate, ArticleCounts.Counts> byDay = new LinkedHashMap<>();
		for (ArticleTrackableData row : this.daily.findByParentTypeAndParentIdOrderByCollectedDuring(this.parentType,
				parentId)) {
			byDay.put(row.getCollectedDuring().toLocalDate(),
					new ArticleCounts.Counts(row.getImpressions(), row.getClickThroughs()));
		}
		return new ArticleCounts(article.getSlug(), allTime, byDay);
	}

}
