package dev.trackable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A parent entity of the tests in this package. */
@Entity
class Article {

	@Id
	Long id;

	String title;

	Article() {
	}

	Article(Long id) {
		this.id = id;
	}

}
