package dev.trackable.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.message.CountRow;
import dev.trackable.spool.SpoolTestSupport.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static dev.trackable.spool.SpoolTestSupport.appendAll;
import static dev.trackable.spool.SpoolTestSupport.record;
import static dev.trackable.spool.SpoolTestSupport.records;
import static dev.trackable.spool.SpoolTestSupport.spoolFiles;
import static dev.trackable.spool.SpoolTestSupport.totalSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SpoolTests {

	/** File header + three records of 8-byte payloads ("record-0" to "record-9"), 20 bytes each. */
	private static final long THREE_RECORDS = 12 + 3 * 20;

	@TempDir
	Path directory;

	@Test
	void replaysCountMessagesInOrderWithTheirIds() throws IOException {
		CountMessageCodec codec = new CountMessageCodec();
		List<CountMessage> messages = new ArrayList<>();
		for (int n = 0; n < 20; n++) {
			messages.add(CountMessage.of("ArticleDailyData", List.of(new CountRow("article-" + n,
					LocalDateTime.of(2026, 11, 25, 0, 0), Map.of("impressions", (long) n + 1)))));
		}
		List<CountMessage> replayed = new ArrayList<>();
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			messages.forEach((message) -> assertThat(spool.append(codec.encode(message))).isTrue());
			ReplayResult result = spool.replay((record) -> replayed.add(codec.decode(record)));
			assertThat(result).isEqualTo(new ReplayResult(20, 0, null));
			assertThat(result.complete()).isTrue();
			assertThat(spool.isEmpty()).isTrue();
			assertThat(spool.sizeBytes()).isZero();
			assertThat(spool.spooledRecords()).isEqualTo(20);
			assertThat(spool.replayedRecords()).isEqualTo(20);
		}
		assertThat(replayed).isEqualTo(messages);
		assertThat(replayed).extracting(CountMessage::id).doesNotHaveDuplicates();
		assertThat(spoolFiles(this.directory)).isEmpty();
	}

	@Test
	void replaysAnEmptyRecord() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			spool.append(new byte[0]);
			List<byte[]> replayed = new ArrayList<>();
			spool.replay(replayed::add);
			assertThat(replayed).singleElement().satisfies((record) -> assertThat(record).isEmpty());
		}
	}

	@Test
	void replayOfAnEmptySpoolPublishesNothing() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			assertThat(spool.replay(new CollectingSink(0))).isEqualTo(new ReplayResult(0, 0, null));
			assertThat(spool.isEmpty()).isTrue();
		}
	}

	@Test
	void rotatesFilesAtTheFileSize() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20, THREE_RECORDS)) {
			appendAll(spool, 0, 9);
			List<Path> files = spoolFiles(this.directory);
			assertThat(files).hasSize(3);
			for (Path file : files) {
				assertThat(Files.size(file)).isEqualTo(THREE_RECORDS);
			}
			assertThat(spool.sizeBytes()).isEqualTo(totalSize(files));
		}
	}

	@Test
	void deletesAFileOnlyOnceEveryRecordInItWasAccepted() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20, THREE_RECORDS)) {
			appendAll(spool, 0, 9);
			List<Integer> filesLeftAtEachRecord = new ArrayList<>();
			spool.replay((record) -> filesLeftAtEachRecord.add(spoolFiles(this.directory).size()));
			assertThat(filesLeftAtEachRecord).containsExactly(3, 3, 3, 2, 2, 2, 1, 1, 1);
			assertThat(spoolFiles(this.directory)).isEmpty();
		}
	}

	@Test
	void sinkFailingMidFileLosesNothingAndTheNextReplayResumesWhereItStopped() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			appendAll(spool, 0, 5);
			long size = spool.sizeBytes();
			CollectingSink failing = new CollectingSink(2);
			ReplayResult stopped = spool.replay(failing);
			assertThat(stopped.replayed()).isEqualTo(2);
			assertThat(stopped.complete()).isFalse();
			assertThat(stopped.failure()).hasMessage("broker down");
			assertThat(spoolFiles(this.directory)).hasSize(1);
			assertThat(spool.sizeBytes()).isEqualTo(size);
			CollectingSink recovered = new CollectingSink();
			assertThat(spool.replay(recovered)).isEqualTo(new ReplayResult(3, 0, null));
			// In one process nothing is replayed twice.
			assertThat(failing.accepted).containsExactlyElementsOf(records(0, 2));
			assertThat(recovered.accepted).containsExactlyElementsOf(records(2, 5));
			assertThat(spool.isEmpty()).isTrue();
		}
	}

	@Test
	void afterARestartAPartlyReplayedFileIsReplayedFromItsStart() throws IOException {
		CollectingSink failing = new CollectingSink(2);
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			appendAll(spool, 0, 5);
			spool.replay(failing);
		}
		CollectingSink afterRestart = new CollectingSink();
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			spool.replay(afterRestart);
		}
		// Nothing lost; the two records confirmed before the failure come again, with their ids, for the collector.
		assertThat(afterRestart.accepted).containsExactlyElementsOf(records(0, 5));
		assertThat(afterRestart.accepted).containsAll(failing.accepted);
	}

	@Test
	void refusesARecordBeyondTheMaximumSizeWithoutWritingAnything() throws IOException {
		try (Spool spool = Spool.open(this.directory, THREE_RECORDS, 1 << 20)) {
			appendAll(spool, 0, 3);
			Path file = spoolFiles(this.directory).get(0);
			byte[] before = Files.readAllBytes(file);
			assertThat(spool.append(record(3))).isFalse();
			assertThat(spool.append(new byte[1000])).isFalse();
			assertThat(Files.readAllBytes(file)).isEqualTo(before);
			assertThat(spoolFiles(this.directory)).containsExactly(file);
			assertThat(spool.refusedRecords()).isEqualTo(2);
			assertThat(spool.sizeBytes()).isEqualTo(THREE_RECORDS);
			assertThat(spool.replay(new CollectingSink()).replayed()).isEqualTo(3);
			assertThat(spool.append(record(3))).isTrue();
		}
	}

	@Test
	void countsTheHeaderOfTheNextFileAgainstTheMaximumSize() throws IOException {
		// Room for three records in one file, but a rotation after two needs a second header.
		try (Spool spool = Spool.open(this.directory, THREE_RECORDS, 12 + 2 * 20)) {
			appendAll(spool, 0, 2);
			assertThat(spool.append(record(2))).isFalse();
			assertThat(spoolFiles(this.directory)).hasSize(1);
		}
	}

	@Test
	void appendsDuringAReplayGoToANewFileThatTheNextReplayPicksUp() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			appendAll(spool, 0, 3);
			CollectingSink sink = new CollectingSink();
			spool.replay((record) -> {
				sink.publish(record);
				spool.append(record(sink.accepted.size() + 2));
			});
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, 3));
			assertThat(spoolFiles(this.directory)).hasSize(1);
			assertThat(spool.replay(sink).replayed()).isEqualTo(3);
			assertThat(sink.accepted).containsExactly("record-0", "record-1", "record-2", "record-3", "record-4",
					"record-5");
		}
	}

	@Test
	void failedReplaysDuringAnOutageDoNotStartAFileEach() throws IOException {
		try (Spool spool = Spool.open(this.directory, 1 << 20)) {
			for (int attempt = 0; attempt < 5; attempt++) {
				appendAll(spool, attempt * 2, attempt * 2 + 2);
				assertThat(spool.replay(new CollectingSink(0)).complete()).isFalse();
			}
			// The first attempt closed the file it reached; the others stopped at it.
			assertThat(spoolFiles(this.directory)).hasSize(2);
			CollectingSink sink = new CollectingSink();
			assertThat(spool.replay(sink)).isEqualTo(new ReplayResult(10, 0, null));
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, 10));
			assertThat(spool.isEmpty()).isTrue();
		}
	}

	@Test
	@Timeout(120) // a guard against a hang, not a measure of speed
	void replaysWhileAnotherThreadAppendsWithoutLosingOrRepeatingARecord() throws Exception {
		int count = 3000;
		try (Spool spool = Spool.open(this.directory, 1 << 30, 1024)) {
			AtomicReference<Throwable> appendFailure = new AtomicReference<>();
			Thread appender = new Thread(() -> {
				try {
					appendAll(spool, 0, count);
				}
				catch (Throwable ex) {
					appendFailure.set(ex);
				}
			});
			appender.start();
			CollectingSink sink = new CollectingSink();
			while (appender.isAlive() || !spool.isEmpty()) {
				spool.replay(sink);
			}
			appender.join();
			assertThat(appendFailure.get()).isNull();
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, count));
			assertThat(spoolFiles(this.directory)).isEmpty();
		}
	}

	@Test
	void refusesASecondSpoolOnTheSameDirectoryUntilTheFirstIsClosed() throws IOException {
		Spool first = Spool.open(this.directory, 1 << 20);
		appendAll(first, 0, 3);
		assertThatExceptionOfType(SpoolLockedException.class).isThrownBy(() -> Spool.open(this.directory, 1 << 20));
		first.close();
		try (Spool second = Spool.open(this.directory, 1 << 20)) {
			CollectingSink sink = new CollectingSink();
			second.replay(sink);
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, 3));
		}
	}

	@Test
	void refusesUseAfterClose() throws IOException {
		Spool spool = Spool.open(this.directory, 1 << 20);
		spool.close();
		spool.close();
		assertThatIllegalStateException().isThrownBy(() -> spool.append(record(0)));
		assertThatIllegalStateException().isThrownBy(() -> spool.replay(new CollectingSink()));
	}

	@Test
	void rejectsSizesThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Spool.open(this.directory, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Spool.open(this.directory, 100, -1));
	}

}
