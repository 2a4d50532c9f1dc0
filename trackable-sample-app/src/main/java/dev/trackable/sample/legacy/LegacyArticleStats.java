package dev.trackable.sample.legacy;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A day's views and "read more" clicks of an article, as the blog counted them before trackable: with an
 * {@code UPDATE ... SET views = views + 1} per request, and referring to the article by its slug. The README's
 * {@code convert_tracking_data} example imports these rows into the daily dataset.
 */
@Entity
public class LegacyArticleStats {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String articleSlug = "";

	@Column(nullable = false)
	private LocalDate viewedOn = LocalDate.EPOCH;

	private long views;

	private long readMoreClicks;

	/** For JPA. */
	protected LegacyArticleStats() {
	}

	LegacyArticleStats(String articleSlug, LocalDate viewedOn, long views, long readMoreClicks) {
		this.articleSlug = articleSlug;
		this.viewedOn = viewedOn;
		this.views = views;
		this.readMoreClicks = readMoreClicks;
	}

}
