package dev.trackable.it;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Tracking data kept before trackable, for {@code convert_tracking_data} to import: one row per page and day. */
@Entity
public class LegacyPageStats {

	@Id
	private Long id;

	@ManyToOne
	private LegacyPage page;

	private String articleTitle;

	private LocalDate viewedOn;

	private Long views;

	private int downloads;

	protected LegacyPageStats() {
	}

	LegacyPageStats(long id, LegacyPage page, String articleTitle, LocalDate viewedOn, Long views, int downloads) {
		this.id = id;
		this.page = page;
		this.articleTitle = articleTitle;
		this.viewedOn = viewedOn;
		this.views = views;
		this.downloads = downloads;
	}

}
