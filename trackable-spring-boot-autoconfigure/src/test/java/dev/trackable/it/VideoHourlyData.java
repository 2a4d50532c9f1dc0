package dev.trackable.it;

import dev.trackable.Period;
import dev.trackable.TrackableDataset;
import dev.trackable.TrackableTimeSeriesData;
import jakarta.persistence.Entity;

@Entity
@TrackableDataset(parent = Video.class, period = Period.HOUR)
public class VideoHourlyData extends TrackableTimeSeriesData {

	private Integer views;

	public Integer getViews() {
		return this.views;
	}

}
