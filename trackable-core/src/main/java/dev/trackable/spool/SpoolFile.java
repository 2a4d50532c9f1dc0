package dev.trackable.spool;

import java.nio.file.Path;

/**
 * A closed spool file waiting to be replayed, with how far replays in this process got: a file whose replay
 * stopped at a failure resumes at the first record not yet accepted, so this process never republishes a record.
 */
final class SpoolFile {

	private final Path path;

	private final long sizeBytes;

	// Read and written by the replaying thread only, under the spool's replay lock.
	private long resumeAt = SpoolFormat.FILE_HEADER_BYTES;

	SpoolFile(Path path, long sizeBytes) {
		this.path = path;
		this.sizeBytes = sizeBytes;
	}

	Path path() {
		return this.path;
	}

	long sizeBytes() {
		return this.sizeBytes;
	}

	long resumeAt() {
		return this.resumeAt;
	}

	void resumeAt(long offset) {
		this.resumeAt = offset;
	}

}
