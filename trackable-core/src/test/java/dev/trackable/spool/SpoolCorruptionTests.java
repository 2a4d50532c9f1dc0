package dev.trackable.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import dev.trackable.spool.SpoolTestSupport.CollectingSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.trackable.spool.SpoolTestSupport.appendAll;
import static dev.trackable.spool.SpoolTestSupport.records;
import static dev.trackable.spool.SpoolTestSupport.spoolFiles;
import static org.assertj.core.api.Assertions.assertThat;

class SpoolCorruptionTests {

	private static final String FIRST_FILE = "spool-0000000000000000000.trk";

	/** A file of three records, "record-0" to "record-2": header 0-11, records at 12, 32 and 52, 72 bytes. */
	private byte[] threeRecords;

	@TempDir
	Path directory;

	private int run;

	@BeforeEach
	void writeThreeRecords(@TempDir Path source) throws IOException {
		try (Spool spool = Spool.open(source, 1 << 20)) {
			appendAll(spool, 0, 3);
		}
		this.threeRecords = Files.readAllBytes(spoolFiles(source).get(0));
		assertThat(this.threeRecords).hasSize(72);
	}

	@Test
	void truncatedFileReplaysTheRecordsBeforeTheCutWithAWarning() throws IOException {
		for (int cut = 0; cut < this.threeRecords.length; cut++) {
			int intact = Math.max(0, (cut - 12) / 20);
			boolean torn = cut >= 24 && (cut - 12) % 20 != 0;
			try (LogCapture log = new LogCapture()) {
				Replayed replayed = replay(Arrays.copyOf(this.threeRecords, cut));
				assertThat(replayed.sink.accepted).as("cut at %d", cut).containsExactlyElementsOf(records(0, intact));
				assertThat(replayed.result).as("cut at %d", cut).isEqualTo(new ReplayResult(intact, torn ? 1 : 0, null));
				assertThat(spoolFiles(replayed.directory)).as("cut at %d", cut).isEmpty();
				if (torn) {
					assertThat(log.warnings()).as("cut at %d", cut)
						.containsExactly("Skipped " + (cut - 12 - intact * 20) + " damaged bytes at offset "
								+ (12 + intact * 20) + " of spool file " + replayed.directory.resolve(FIRST_FILE)
								+ ": a torn or damaged tail");
				}
				else if (cut < 24) {
					assertThat(log.warnings()).singleElement().asString().contains("cannot hold a record");
				}
			}
		}
	}

	@Test
	void flippedBytesInTheMiddleRecordSkipOnlyThatRecord() throws IOException {
		for (int mask : new int[] { 0x01, 0x80, 0xFF }) {
			for (int offset = 32; offset < 52; offset++) {
				byte[] damaged = this.threeRecords.clone();
				damaged[offset] ^= (byte) mask;
				try (LogCapture log = new LogCapture()) {
					Replayed replayed = replay(damaged);
					assertThat(replayed.sink.accepted).as("byte %d ^ %x", offset, mask)
						.containsExactly("record-0", "record-2");
					assertThat(replayed.result.skipped()).isEqualTo(1);
					assertThat(log.warnings()).singleElement()
						.asString()
						.contains("at offset 32 of spool file " + replayed.directory.resolve(FIRST_FILE),
								"a damaged record");
				}
			}
		}
	}

	@Test
	void garbageBetweenRecordsIsSkipped() throws IOException {
		byte[] garbage = new byte[500];
		new Random(42).nextBytes(garbage);
		ByteBuffer file = ByteBuffer.allocate(this.threeRecords.length + garbage.length);
		file.put(this.threeRecords, 0, 32).put(garbage).put(this.threeRecords, 32, 40);
		Replayed replayed = replay(file.array());
		assertThat(replayed.sink.accepted).containsExactlyElementsOf(records(0, 3));
		assertThat(replayed.result.skipped()).isEqualTo(1);
	}

	@Test
	void aFileOfDamagedRecordsDoesNotBlockTheFilesAfterIt() throws IOException {
		Path dir = this.directory.resolve("spool");
		Files.createDirectories(dir);
		byte[] damaged = this.threeRecords.clone();
		for (int offset = 12; offset < damaged.length; offset += 7) {
			damaged[offset] ^= 0x10;
		}
		Files.write(dir.resolve(FIRST_FILE), damaged);
		Files.write(dir.resolve("spool-0000000000000000001.trk"), this.threeRecords);
		try (Spool spool = Spool.open(dir, 1 << 20)) {
			CollectingSink sink = new CollectingSink();
			assertThat(spool.replay(sink)).isEqualTo(new ReplayResult(3, 1, null));
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, 3));
			assertThat(spool.skippedRecords()).isEqualTo(1);
			assertThat(spool.isEmpty()).isTrue();
		}
		assertThat(spoolFiles(dir)).isEmpty();
	}

	@Test
	void aFileThatIsNotASpoolFileIsSetAsideWithAWarning() throws IOException {
		byte[] garbage = new byte[1000];
		new Random(7).nextBytes(garbage);
		assertSetAside(garbage, "is not a spool file");
	}

	@Test
	void aFileOfAnotherFormatVersionIsSetAsideWithAWarning() throws IOException {
		byte[] nextVersion = this.threeRecords.clone();
		ByteBuffer.wrap(nextVersion).putInt(8, 2);
		assertSetAside(nextVersion, "has spool format version 2, this version reads 1");
	}

	private void assertSetAside(byte[] unreadable, String warning) throws IOException {
		Path dir = this.directory.resolve("spool");
		Files.createDirectories(dir);
		Files.write(dir.resolve(FIRST_FILE), unreadable);
		Files.write(dir.resolve("spool-0000000000000000001.trk"), this.threeRecords);
		try (LogCapture log = new LogCapture(); Spool spool = Spool.open(dir, 1 << 20)) {
			assertThat(log.warnings()).singleElement().asString().contains(FIRST_FILE, warning);
			assertThat(spool.sizeBytes()).isEqualTo(this.threeRecords.length);
			CollectingSink sink = new CollectingSink();
			spool.replay(sink);
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, 3));
			appendAll(spool, 3, 4);
		}
		assertThat(Files.readAllBytes(dir.resolve(FIRST_FILE + ".unreadable"))).isEqualTo(unreadable);
		// New files never take the name of one set aside.
		assertThat(spoolFiles(dir)).extracting((file) -> file.getFileName().toString())
			.containsExactly("spool-0000000000000000002.trk");
	}

	private Replayed replay(byte[] content) throws IOException {
		Path dir = this.directory.resolve("run-" + this.run++);
		Files.createDirectories(dir);
		Files.write(dir.resolve(FIRST_FILE), content);
		try (Spool spool = Spool.open(dir, 1 << 20)) {
			CollectingSink sink = new CollectingSink();
			return new Replayed(dir, sink, spool.replay(sink));
		}
	}

	private record Replayed(Path directory, CollectingSink sink, ReplayResult result) {
	}

}
