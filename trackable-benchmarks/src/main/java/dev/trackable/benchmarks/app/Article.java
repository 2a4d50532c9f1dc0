package dev.trackable.benchmarks.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The counted object. Never stored: trackable only needs its id.
 */
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
