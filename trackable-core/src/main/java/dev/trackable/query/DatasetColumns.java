package dev.trackable.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.trackable.Dataset;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;

/**
 * The basic attributes of a dataset's entity, in display order. Sorting and selecting go through this list only, so
 * no attribute name that reaches a query comes from anywhere but the JPA metamodel.
 */
final class DatasetColumns {

	private final List<String> names;

	private DatasetColumns(List<String> names) {
		this.names = List.copyOf(names);
	}

	static DatasetColumns of(Metamodel metamodel, Dataset dataset) {
		EntityType<?> entity = metamodel.entity(dataset.dataClass());
		Set<String> basic = new TreeSet<>();
		for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
			if (attribute.getPersistentAttributeType() == PersistentAttributeType.BASIC) {
				basic.add(attribute.getName());
			}
		}
		Set<String> ordered = new LinkedHashSet<>();
		ordered.add("id");
		ordered.add("parentType");
		ordered.add("parentId");
		if (dataset.isTimeSeries()) {
			ordered.add("collectedDuring");
		}
		ordered.addAll(dataset.counterNames());
		ordered.addAll(basic);
		ordered.retainAll(basic);
		return new DatasetColumns(new ArrayList<>(ordered));
	}

	List<String> names() {
		return this.names;
	}

	/**
	 * Returns a column name, checked.
	 * @param name a name from a caller
	 * @return the name
	 * @throws IllegalArgumentException if the entity has no such basic attribute
	 */
	String require(String name) {
		if (!this.names.contains(name)) {
			throw new IllegalArgumentException("Unknown column '" + name + "'; columns: " + this.names);
		}
		return name;
	}

}
