package dev.trackable.sample.counts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Reads the daily counts of articles.
 */
interface ArticleTrackableDataRepository extends JpaRepository<ArticleTrackableData, Long> {

	/**
	 * Returns the daily rows of one parent object, oldest first.
	 * @param parentType the parent's JPA entity name
	 * @param parentId the parent's id as a string
	 * @return its rows; a day without counts has none
	 */
	List<ArticleTrackableData> findByParentTypeAndParentIdOrderByCollectedDuring(String parentType, String parentId);

}
