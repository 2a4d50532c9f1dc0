package dev.trackable.sample.legacy;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored legacy statistics.
 */
interface LegacyArticleStatsRepository extends JpaRepository<LegacyArticleStats, Long> {

}
