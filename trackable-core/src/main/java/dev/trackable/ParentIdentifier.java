package dev.trackable;

import jakarta.persistence.PersistenceUnitUtil;
import org.jspecify.annotations.Nullable;

/**
 * Reads the id of a parent entity.
 */
@FunctionalInterface
public interface ParentIdentifier {

	/**
	 * Returns the id of an entity.
	 * @param parent an entity
	 * @return its id, or {@code null} if it has none yet
	 */
	@Nullable Object idOf(Object parent);

	/**
	 * Reads ids through JPA, which also handles lazy-loading proxies without initializing them.
	 * @param persistenceUnitUtil the persistence unit's utilities
	 * @return a parent identifier
	 */
	static ParentIdentifier of(PersistenceUnitUtil persistenceUnitUtil) {
		return persistenceUnitUtil::getIdentifier;
	}

}
