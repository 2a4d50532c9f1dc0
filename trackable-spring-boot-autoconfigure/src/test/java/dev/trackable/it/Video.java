package dev.trackable.it;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Video {

	@Id
	private UUID id;

	protected Video() {
	}

	Video(UUID id) {
		this.id = id;
	}

	public UUID getId() {
		return this.id;
	}

}
