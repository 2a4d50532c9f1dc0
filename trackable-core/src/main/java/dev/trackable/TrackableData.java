package dev.trackable;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.NaturalId;
import org.jspecify.annotations.Nullable;

/**
 * Base class of a dataset that keeps all-time totals: one row per parent object.
 * <p>
 * Subclasses are JPA entities that add {@code int} or {@code long} counter fields. The parent columns form a natural
 * id, so whenever Hibernate generates the schema it also creates the unique key that the collector's upserts need.
 */
@MappedSuperclass
public abstract class TrackableData {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	/** The JPA entity name of the parent. */
	@NaturalId
	@Column(nullable = false, length = 255)
	private String parentType = "";

	/** The parent's id as a string, so that numeric, UUID and string ids all fit. */
	@NaturalId
	@Column(nullable = false, length = 255)
	private String parentId = "";

	public @Nullable Long getId() {
		return this.id;
	}

	public String getParentType() {
		return this.parentType;
	}

	public String getParentId() {
		return this.parentId;
	}

}
