package dev.trackable.sample.article;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh database a few articles to look at. Leaves a database that has articles alone, so that a restart
 * keeps the articles, and with them their ids, which the counts refer to.
 */
@Component
class ArticleSeeder implements ApplicationRunner {

	private final ArticleRepository articles;

	ArticleSeeder(ArticleRepository articles) {
		this.articles = articles;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.articles.count() == 0) {
			this.articles.saveAll(List.of(new Article("Hello trackable", "hello-trackable"),
					new Article("Counting out of band", "counting-out-of-band"),
					new Article("Daily rows and all-time totals", "daily-rows-and-all-time-totals")));
		}
	}

}
