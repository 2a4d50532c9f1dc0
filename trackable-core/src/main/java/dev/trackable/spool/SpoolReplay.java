package dev.trackable.spool;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay of a spool's closed files, oldest first: every good record goes to the sink, and a file is deleted once
 * the sink accepted all of them. The first failure of the sink ends the replay and records, in the file, where the
 * next replay resumes.
 */
final class SpoolReplay {

	private static final Logger logger = LoggerFactory.getLogger(SpoolReplay.class);

	/** Deletes a replayed file and forgets it. */
	@FunctionalInterface
	interface Deleter {

		void delete(SpoolFile file) throws IOException;

	}

	private final RecordSink sink;

	private final SpoolCounters counters;

	private int replayed;

	private int skipped;

	SpoolReplay(RecordSink sink, SpoolCounters counters) {
		this.sink = sink;
		this.counters = counters;
	}

	ReplayResult run(List<SpoolFile> files, Deleter deleter) {
		for (SpoolFile file : files) {
			Exception failure;
			try {
				failure = replay(file);
			}
			catch (IOException ex) {
				logger.warn("Could not read spool file {}; it is left for the next replay: {}", file.path(),
						ex.toString());
				continue;
			}
			if (failure != null) {
				return new ReplayResult(this.replayed, this.skipped, failure);
			}
			try {
				deleter.delete(file);
			}
			catch (IOException ex) {
				// Its records are not republished: the file remembers that it was replayed to its end.
				logger.warn("Could not delete replayed spool file {}; deletion is retried with the next replay: {}",
						file.path(), ex.toString());
			}
		}
		return new ReplayResult(this.replayed, this.skipped, null);
	}

	/** @return what the sink threw, or {@code null} if it accepted every record of the file */
	private @Nullable Exception replay(SpoolFile file) throws IOException {
		try (SpoolFileReader reader = new SpoolFileReader(file.path(), file.resumeAt())) {
			try {
				for (byte[] record = reader.next(); record != null; record = reader.next()) {
					try {
						this.sink.publish(record);
					}
					catch (Exception ex) {
						if (ex instanceof InterruptedException) {
							Thread.currentThread().interrupt();
						}
						file.resumeAt(reader.recordStart());
						return ex;
					}
					this.replayed++;
					this.counters.replayed.incrementAndGet();
					file.resumeAt(reader.position());
				}
				file.resumeAt(reader.position());
				return null;
			}
			finally {
				this.skipped += reader.skippedRegions();
				this.counters.skipped.addAndGet(reader.skippedRegions());
			}
		}
	}

}
