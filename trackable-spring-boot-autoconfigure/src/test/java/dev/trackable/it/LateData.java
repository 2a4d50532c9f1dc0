package dev.trackable.it;

import dev.trackable.TrackableData;
import jakarta.persistence.Entity;

/** A dataset the tests register only after messages for it were parked, as a fixed application would. */
@Entity
public class LateData extends TrackableData {

	private long visits;

	public long getVisits() {
		return this.visits;
	}

}
