package dev.trackable.spool;

/**
 * Where {@link Spool#replay(RecordSink)} sends spooled records: the publisher, for example.
 */
@FunctionalInterface
public interface RecordSink {

	/**
	 * Publishes one record. Return only once the record is safe (the broker confirmed it): the spool deletes a file
	 * as soon as every record in it was accepted.
	 * @param record the record, exactly as appended
	 * @throws Exception if the record was not accepted; the replay stops there and keeps the record
	 */
	void publish(byte[] record) throws Exception;

}
