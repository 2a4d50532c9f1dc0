package dev.trackable.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Records, sinks and file helpers shared by the spool tests.
 */
final class SpoolTestSupport {

	private SpoolTestSupport() {
	}

	static byte[] record(int n) {
		return ("record-" + n).getBytes(StandardCharsets.UTF_8);
	}

	static List<String> records(int fromInclusive, int toExclusive) {
		return IntStream.range(fromInclusive, toExclusive).mapToObj((n) -> "record-" + n).toList();
	}

	static void appendAll(Spool spool, int fromInclusive, int toExclusive) {
		for (int n = fromInclusive; n < toExclusive; n++) {
			if (!spool.append(record(n))) {
				throw new IllegalStateException("Spool refused record " + n);
			}
		}
	}

	/** @return the spool files in a directory, oldest first */
	static List<Path> spoolFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".trk")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long totalSize(List<Path> files) throws IOException {
		long total = 0;
		for (Path file : files) {
			total += Files.size(file);
		}
		return total;
	}

	/** Accepts records, as strings, until it has accepted a given number, then fails. */
	static final class CollectingSink implements RecordSink {

		final List<String> accepted = new ArrayList<>();

		private int acceptsLeft;

		CollectingSink() {
			this(Integer.MAX_VALUE);
		}

		CollectingSink(int acceptsLeft) {
			this.acceptsLeft = acceptsLeft;
		}

		@Override
		public void publish(byte[] record) {
			if (this.acceptsLeft-- <= 0) {
				throw new IllegalStateException("broker down");
			}
			this.accepted.add(new String(record, StandardCharsets.UTF_8));
		}

	}

}
