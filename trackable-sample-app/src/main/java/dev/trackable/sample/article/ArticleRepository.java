package dev.trackable.sample.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored articles.
 */
public interface ArticleRepository extends JpaRepository<Article, Long> {

	Optional<Article> findBySlug(String slug);

	List<Article> findAllByOrderByTitle();

	/**
	 * Returns the article with the given slug.
	 * @param slug a slug from a request
	 * @return the article
	 * @throws ArticleNotFoundException if there is none, which answers the request with 404
	 */
	default Article getBySlug(String slug) {
		return findBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
	}

}
