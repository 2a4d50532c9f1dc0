package dev.trackable.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.trackable.Dataset;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Names parents for people: the value of a {@code title}, {@code name} or {@code label} attribute when the parent
 * entity has one of them and the parent still exists, otherwise {@code Type #id}. A parent's {@code toString()} is
 * rarely meant for display, so it is never used.
 */
final class ParentNames {

	private static final List<String> NAME_ATTRIBUTES = List.of("title", "name", "label");

	/** How stored parent ids become values of the parent's id type; ids of other types are not looked up. */
	private static final Map<Class<?>, Function<String, Object>> ID_PARSERS = Map.of(Long.class, Long::valueOf,
			long.class, Long::valueOf, Integer.class, Integer::valueOf, int.class, Integer::valueOf, Short.class,
			Short::valueOf, short.class, Short::valueOf, UUID.class, UUID::fromString, String.class, (id) -> id);

	private ParentNames() {
	}

	static Map<String, String> of(EntityManager entityManager, Dataset dataset, Collection<String> parentIds) {
		Map<String, String> names = new LinkedHashMap<>();
		parentIds.forEach((parentId) -> names.put(parentId, dataset.parentType() + " #" + parentId));
		EntityType<?> parent = entityManager.getMetamodel().entity(dataset.parentClass());
		SingularAttribute<?, ?> id = idAttribute(parent);
		String name = nameAttribute(parent);
		Function<String, Object> parser = (id != null) ? ID_PARSERS.get(id.getJavaType()) : null;
		if (id == null || name == null || parser == null || parentIds.isEmpty()) {
			return names;
		}
		Map<Object, String> byId = new LinkedHashMap<>();
		for (String parentId : parentIds) {
			try {
				byId.put(parser.apply(parentId), parentId);
			}
			catch (IllegalArgumentException ex) {
				// Not an id of this parent type (a row written for an id of another form): keep the fallback name.
			}
		}
		List<Object[]> found = entityManager
			.createQuery("select p." + id.getName() + ", p." + name + " from " + parent.getName() + " p where p."
					+ id.getName() + " in :ids", Object[].class)
			.setParameter("ids", new ArrayList<>(byId.keySet()))
			.getResultList();
		for (Object[] row : found) {
			String parentId = byId.get(row[0]);
			if (parentId != null && row[1] instanceof String value && !value.isBlank()) {
				names.put(parentId, value);
			}
		}
		return names;
	}

	private static @Nullable SingularAttribute<?, ?> idAttribute(EntityType<?> parent) {
		if (!parent.hasSingleIdAttribute()) {
			return null;
		}
		return parent.getId(parent.getIdType().getJavaType());
	}

	private static @Nullable String nameAttribute(EntityType<?> parent) {
		for (String candidate : NAME_ATTRIBUTES) {
			for (SingularAttribute<?, ?> attribute : parent.getSingularAttributes()) {
				if (attribute.getName().equals(candidate) && attribute.getJavaType() == String.class
						&& attribute.getPersistentAttributeType() == PersistentAttributeType.BASIC) {
					return candidate;
				}
			}
		}
		return null;
	}

}
