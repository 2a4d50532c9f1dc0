package dev.trackable.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Article {

	@Id
	private Long id;

	private String title;

	protected Article() {
	}

	Article(long id) {
		this.id = id;
		this.title = "Article " + id;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
