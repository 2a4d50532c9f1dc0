package dev.trackable.send;

import dev.trackable.DatasetCounter;

/**
 * What the publishers did since the application started, per dataset, for metrics: messages the broker confirmed at
 * once, messages spooled because it did not, spooled messages it confirmed on replay, and increments dropped because
 * the spool was full or failed. A bean of its own, so that either publishing mode counts into the same place.
 */
public final class PublishCounters {

	private final DatasetCounter published = new DatasetCounter();

	private final DatasetCounter spooled = new DatasetCounter();

	private final DatasetCounter replayed = new DatasetCounter();

	private final DatasetCounter dropped = new DatasetCounter();

	/**
	 * Returns the messages of a dataset the broker confirmed when first published; replayed ones are not included.
	 * @param dataset the dataset's name
	 * @return the number of messages
	 */
	public long publishedMessages(String dataset) {
		return this.published.count(dataset);
	}

	/**
	 * Returns the messages of a dataset written to the spool because the broker did not confirm them.
	 * @param dataset the dataset's name
	 * @return the number of messages
	 */
	public long spooledMessages(String dataset) {
		return this.spooled.count(dataset);
	}

	/**
	 * Returns the spooled messages of a dataset the broker confirmed on replay.
	 * @param dataset the dataset's name
	 * @return the number of messages
	 */
	public long replayedMessages(String dataset) {
		return this.replayed.count(dataset);
	}

	/**
	 * Returns the counter increments of a dataset dropped because the spool was full or failed.
	 * @param dataset the dataset's name
	 * @return the number of increments
	 */
	public long droppedIncrements(String dataset) {
		return this.dropped.count(dataset);
	}

	long publishedMessages() {
		return this.published.total();
	}

	long droppedIncrements() {
		return this.dropped.total();
	}

	void published(String dataset) {
		this.published.increment(dataset);
	}

	void spooled(String dataset) {
		this.spooled.increment(dataset);
	}

	void replayed(String dataset) {
		this.replayed.increment(dataset);
	}

	void dropped(String dataset, long increments) {
		this.dropped.add(dataset, increments);
	}

}
