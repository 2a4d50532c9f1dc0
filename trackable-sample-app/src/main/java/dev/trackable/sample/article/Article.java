package dev.trackable.sample.article;

import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A blog article, addressed by its slug.
 */
@Entity
public class Article {

	/**
	 * Lowercase words joined by hyphens. Redirects are built from slugs, so a slug must never be able to form another
	 * host's address such as {@code //evil.example}.
	 */
	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String title = "";

	@Column(nullable = false, unique = true)
	private String slug = "";

	/** For JPA. */
	protected Article() {
	}

	public Article(String title, String slug) {
		if (!SLUG.matcher(slug).matches()) {
			throw new IllegalArgumentException("Slug '" + slug + "' must be lowercase words joined by hyphens");
		}
		this.title = title;
		this.slug = slug;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getSlug() {
		return this.slug;
	}

}
