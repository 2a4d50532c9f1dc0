package dev.trackable.autoconfigure.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A parent entity. */
@Entity
public class Article {

	@Id
	private Long id;

	protected Article() {
	}

	public Article(long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

}
