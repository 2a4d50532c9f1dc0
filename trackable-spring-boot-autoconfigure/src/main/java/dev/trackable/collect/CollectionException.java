package dev.trackable.collect;

/**
 * A collection run that stopped because its chunk could not be written; the chunk's messages stay in the queue.
 */
public class CollectionException extends RuntimeException {

	public CollectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
