package dev.trackable.send;

/**
 * Told when the broker stops confirming trackable's messages and when it confirms again. Called on the publishing
 * thread, once per transition.
 */
public interface BrokerOutageListener {

	/** A listener that does nothing. */
	BrokerOutageListener NONE = new BrokerOutageListener() {
	};

	/**
	 * The broker did not confirm a message; batches now wait in the spool.
	 * @param cause why
	 */
	default void outageBegan(Exception cause) {
	}

	/**
	 * The broker confirms again.
	 * @param spooled the batches spooled during the outage
	 * @param replayed the batches replayed from the spool since the outage began
	 */
	default void outageEnded(long spooled, long replayed) {
	}

}
