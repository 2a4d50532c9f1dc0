package dev.trackable.message;

import java.util.List;
import java.util.UUID;

/**
 * The increments of one dataset gathered in one publishing interval.
 *
 * @param id a unique id, so that a redelivered message can be recognised
 * @param dataset the dataset's name
 * @param rows the increments, one entry per parent and period
 */
public record CountMessage(String id, String dataset, List<CountRow> rows) {

	public CountMessage {
		rows = List.copyOf(rows);
	}

	/**
	 * Creates a message with a new random id.
	 * @param dataset the dataset's name
	 * @param rows the increments
	 * @return the message
	 */
	public static CountMessage of(String dataset, List<CountRow> rows) {
		return new CountMessage(UUID.randomUUID().toString(), dataset, rows);
	}

	/** @return the number of counter increments the message carries */
	public int countCount() {
		return this.rows.stream().mapToInt((row) -> row.counts().size()).sum();
	}

}
