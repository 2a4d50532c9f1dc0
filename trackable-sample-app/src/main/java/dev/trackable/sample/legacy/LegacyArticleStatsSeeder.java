package dev.trackable.sample.legacy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh database a few days of legacy statistics to import, including a row of an article that no longer
 * exists, which the import skips. Leaves a database that has some alone.
 */
@Component
class LegacyArticleStatsSeeder implements ApplicationRunner {

	private final LegacyArticleStatsRepository stats;

	LegacyArticleStatsSeeder(LegacyArticleStatsRepository stats) {
		this.stats = stats;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.stats.count() == 0) {
			LocalDate first = LocalDate.of(2025, 6, 1);
			this.stats.saveAll(List.of(new LegacyArticleStats("hello-trackable", first, 120, 14),
					new LegacyArticleStats("hello-trackable", first.plusDays(1), 95, 9),
					new LegacyArticleStats("hello-trackable", first.plusDays(2), 80, 7),
					new LegacyArticleStats("counting-out-of-band", first, 40, 3),
					new LegacyArticleStats("counting-out-of-band", first.plusDays(1), 52, 6),
					new LegacyArticleStats("a-retired-article", first, 17, 2)));
		}
	}

}
