package dev.trackable.convert;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Finds an entity of the persistence unit by the name an operator gives: its entity name, or its class's simple or
 * fully qualified name.
 */
final class Entities {

	private Entities() {
	}

	/**
	 * Finds an entity.
	 * @param metamodel the persistence unit's metamodel
	 * @param name an entity name or a simple or fully qualified class name
	 * @param role what the entity is for, e.g. {@code source}, for the message
	 * @return the entity
	 * @throws IllegalArgumentException if no entity, or more than one, has that name; the message lists them
	 */
	static EntityType<?> find(Metamodel metamodel, String name, String role) {
		List<EntityType<?>> found = metamodel.getEntities()
			.stream()
			.filter((entity) -> entity.getName().equals(name) || entity.getJavaType().getName().equals(name)
					|| entity.getJavaType().getSimpleName().equals(name))
			.toList();
		if (found.size() == 1) {
			return found.get(0);
		}
		throw new IllegalArgumentException(((found.isEmpty()) ? "Unknown " : "Ambiguous ") + role + " entity '" + name
				+ "'; entities: " + metamodel.getEntities()
					.stream()
					.map(EntityType::getName)
					.sorted()
					.collect(Collectors.joining(", ")));
	}

	/**
	 * @param entity an entity
	 * @return the name of its id attribute, or {@code null} if it has none of its own (an {@code @IdClass})
	 */
	static @Nullable String idName(EntityType<?> entity) {
		return entity.getSingularAttributes()
			.stream()
			.filter(SingularAttribute::isId)
			.map(SingularAttribute::getName)
			.findFirst()
			.orElse(null);
	}

}
