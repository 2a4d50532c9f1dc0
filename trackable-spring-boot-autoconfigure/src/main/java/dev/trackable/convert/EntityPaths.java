package dev.trackable.convert;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;

/**
 * Turns the dotted attribute paths an operator gives ({@code page.article}, {@code day}) into HQL expressions over
 * one entity, checked against the JPA metamodel so that nothing else reaches the query text. Associations on the way
 * become left joins, so that a row whose association is empty is still read (and reported) rather than silently
 * left out, as an implicit join would.
 */
final class EntityPaths {

	private final ManagedType<?> root;

	private final String rootName;

	private final String alias;

	/** The joins, by the path of the association they follow. */
	private final Map<String, Join> joins = new LinkedHashMap<>();

	/**
	 * @param root the entity the paths start at
	 * @param rootName its entity name, for the query and messages
	 * @param alias its alias in the query
	 */
	EntityPaths(ManagedType<?> root, String rootName, String alias) {
		this.root = root;
		this.rootName = rootName;
		this.alias = alias;
	}

	/**
	 * Resolves a path to a basic (non-association) attribute.
	 * @param path a dotted path
	 * @param option the option that named it, for messages
	 * @return the path
	 * @throws IllegalArgumentException if the path names an unknown attribute, a collection, or ends at an
	 * association
	 */
	Path value(String path, String option) {
		Path resolved = resolve(path, option);
		if (resolved.association()) {
			throw new IllegalArgumentException(option + ": " + path + " of " + this.rootName
					+ " is an association to " + resolved.type().getSimpleName() + ", not a value");
		}
		return resolved;
	}

	/**
	 * Resolves a path to an association, whose entity the query then selects.
	 * @param path a dotted path
	 * @param option the option that named it, for messages
	 * @return the path
	 * @throws IllegalArgumentException if the path names an unknown attribute or a collection, or does not end at
	 * an association
	 */
	Path association(String path, String option) {
		Path resolved = resolve(path, option);
		if (!resolved.association()) {
			throw new IllegalArgumentException(option + ": " + path + " of " + this.rootName + " is a "
					+ resolved.type().getSimpleName() + " value, not an association to the parent entity");
		}
		return resolved;
	}

	private Path resolve(String path, String option) {
		ManagedType<?> type = this.root;
		String expression = this.alias;
		String[] names = path.split("\\.", -1);
		for (int i = 0; i < names.length; i++) {
			Attribute<?, ?> attribute = attribute(type, names[i], path, option);
			if (attribute.isCollection()) {
				throw new IllegalArgumentException(option + ": " + names[i] + " in " + path
						+ " is a collection; follow single-valued associations only");
			}
			boolean last = i == names.length - 1;
			Class<?> javaType = attribute.getJavaType();
			if (attribute.isAssociation()) {
				String followed = expression + "." + attribute.getName();
				expression = this.joins
					.computeIfAbsent(String.join(".", Arrays.copyOf(names, i + 1)),
							(key) -> new Join(this.alias + "j" + this.joins.size(), followed))
					.alias();
				if (last) {
					return new Path(expression, javaType, true);
				}
				type = managedType(attribute);
			}
			else if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED) {
				expression = expression + "." + attribute.getName();
				if (last) {
					throw new IllegalArgumentException(option + ": " + path + " is an embedded object; name one of "
							+ "its attributes");
				}
				type = managedType(attribute);
			}
			else {
				if (!last) {
					throw new IllegalArgumentException(option + ": " + names[i] + " in " + path
							+ " is a value; only associations and embedded objects have attributes");
				}
				return new Path(expression + "." + attribute.getName(), javaType, false);
			}
		}
		throw new IllegalStateException("Unreachable: a path has at least one name");
	}

	private Attribute<?, ?> attribute(ManagedType<?> type, String name, String path, String option) {
		for (Attribute<?, ?> attribute : type.getAttributes()) {
			if (attribute.getName().equals(name)) {
				return attribute;
			}
		}
		throw new IllegalArgumentException(option + ": unknown attribute '" + name + "' in " + path + " of "
				+ type.getJavaType().getSimpleName() + "; its attributes: " + type.getAttributes()
					.stream()
					.map(Attribute::getName)
					.sorted()
					.collect(Collectors.joining(", ")));
	}

	/** The type an association or embedded attribute leads to; collections were turned down before. */
	private static ManagedType<?> managedType(Attribute<?, ?> attribute) {
		return (ManagedType<?>) ((SingularAttribute<?, ?>) attribute).getType();
	}

	/** @return the FROM clause: the root entity and the left joins the resolved paths need */
	String from() {
		StringBuilder from = new StringBuilder(this.rootName).append(' ').append(this.alias);
		this.joins.values()
			.forEach((join) -> from.append(" left join ").append(join.association()).append(' ').append(join.alias()));
		return from.toString();
	}

	/**
	 * A resolved path.
	 *
	 * @param expression its HQL expression
	 * @param type the Java type of its value
	 * @param association whether it ends at an association (its expression is then the joined entity's alias)
	 */
	record Path(String expression, Class<?> type, boolean association) {
	}

	/**
	 * A left join.
	 *
	 * @param alias the joined entity's alias
	 * @param association the association it follows, as in {@code s.page}
	 */
	private record Join(String alias, String association) {
	}

}
