package dev.trackable.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A page of an application's own, older statistics, linked to the article it showed (or to none). */
@Entity
public class LegacyPage {

	@Id
	private Long id;

	@ManyToOne
	private Article article;

	protected LegacyPage() {
	}

	LegacyPage(long id, Article article) {
		this.id = id;
		this.article = article;
	}

}
