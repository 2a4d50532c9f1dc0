package dev.trackable.convert;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * How {@code --match-spec=source_attr:Entity[:dest_attr]} finds a source row's parent: the {@code Entity} whose
 * {@code dest_attr} (its id by default) equals the row's {@code source_attr}. For source data that refers to its
 * parents by a value, such as a slug or an old id, rather than by an association.
 *
 * @param sourceAttribute the dotted path of the source row's value
 * @param entity the parent entity's name
 * @param parentAttribute the parent's attribute to compare with, or {@code null} for its id
 */
public record MatchSpec(String sourceAttribute, String entity, @Nullable String parentAttribute) {

	/**
	 * Reads a match spec.
	 * @param spec {@code source_attr:Entity[:dest_attr]}
	 * @return the match spec
	 * @throws IllegalArgumentException if the spec does not have that form
	 */
	public static MatchSpec parse(String spec) {
		String[] parts = spec.split(":", -1);
		if (parts.length < 2 || parts.length > 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
			throw new IllegalArgumentException(
					"--match-spec takes source_attr:Entity[:dest_attr], was '" + spec + "'");
		}
		return new MatchSpec(parts[0], parts[1], (parts.length == 3) ? parts[2] : null);
	}

}
