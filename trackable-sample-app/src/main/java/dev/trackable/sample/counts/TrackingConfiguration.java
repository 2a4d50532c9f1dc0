package dev.trackable.sample.counts;

import dev.trackable.TrackableAdmin;
import dev.trackable.TrackableConfigurer;
import dev.trackable.sample.article.Article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link ArticleTotals} with trackable in code; {@link ArticleTrackableData} registers itself with
 * {@code @TrackableDataset}.
 */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

	@Bean
	TrackableConfigurer articleTotalsRegistration() {
		return (site) -> site.register(Article.class, ArticleTotals.class,
				TrackableAdmin.listDisplay("parent", "impressions", "clickThroughs"));
	}

}
