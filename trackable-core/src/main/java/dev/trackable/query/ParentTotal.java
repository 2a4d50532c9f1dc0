package dev.trackable.query;

/**
 * A parent and the sum of one counter over a range.
 *
 * @param parentId the parent's id as stored in the rows
 * @param total the sum
 */
public record ParentTotal(String parentId, long total) {

}
