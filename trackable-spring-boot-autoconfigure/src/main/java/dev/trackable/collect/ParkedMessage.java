package dev.trackable.collect;

/**
 * A message in the malformed queue.
 *
 * @param reason why it could not be folded, as a short code
 * @param error what is wrong, in words
 * @param origin the queue it came from
 * @param size the body's size in bytes
 * @param preview the start of the body as text
 */
public record ParkedMessage(String reason, String error, String origin, int size, String preview) {
}
