package dev.trackable.sample.counts;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Reads the all-time counts of articles.
 */
interface ArticleTotalsRepository extends JpaRepository<ArticleTotals, Long> {

	/**
	 * Returns the totals of one parent object.
	 * @param parentType the parent's JPA entity name
	 * @param parentId the parent's id as a string
	 * @return its totals, empty until the collector has counted something for it
	 */
	Optional<ArticleTotals> findByParentTypeAndParentId(String parentType, String parentId);

}
