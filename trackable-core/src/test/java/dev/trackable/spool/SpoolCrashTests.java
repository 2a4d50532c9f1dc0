package dev.trackable.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.trackable.spool.SpoolTestSupport.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.trackable.spool.SpoolTestSupport.appendAll;
import static dev.trackable.spool.SpoolTestSupport.records;
import static dev.trackable.spool.SpoolTestSupport.spoolFiles;
import static org.assertj.core.api.Assertions.assertThat;

class SpoolCrashTests {

	@TempDir
	Path directory;

	@Test
	void theSpoolOfAKilledProcessIsReplayedByTheNextOne() throws Exception {
		Path spoolDirectory = this.directory.resolve("spool");
		Path output = this.directory.resolve("child.log");
		Process child = new ProcessBuilder(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SpoolCrashChild.class.getName(), spoolDirectory.toString(),
				"100", "1000")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		// A guard against a hung child, not a measure of speed.
		assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(child.exitValue()).as(() -> readOrEmpty(output)).isEqualTo(SpoolCrashChild.EXIT_CODE);
		assertThat(spoolFiles(spoolDirectory)).hasSizeGreaterThan(1);
		try (LogCapture log = new LogCapture(); Spool spool = Spool.open(spoolDirectory, 1 << 30)) {
			CollectingSink sink = new CollectingSink();
			assertThat(spool.replay(sink)).isEqualTo(new ReplayResult(100, 1, null));
			assertThat(sink.accepted).containsExactlyElementsOf(records(0, 100));
			assertThat(log.warnings()).singleElement().asString().contains("a torn or damaged tail");
			assertThat(spool.isEmpty()).isTrue();
		}
		assertThat(spoolFiles(spoolDirectory)).isEmpty();
	}

	@Test
	void theFilesOfASpoolThatWasNeverClosedAreReplayedFromACopy() throws IOException {
		Path original = this.directory.resolve("original");
		Path copy = this.directory.resolve("copy");
		try (Spool running = Spool.open(original, 1 << 20, 100)) {
			appendAll(running, 0, 10);
			// What a kill leaves on disk: the files as they are, the last one still open for appending.
			Files.createDirectories(copy);
			for (Path file : spoolFiles(original)) {
				Files.copy(file, copy.resolve(file.getFileName()));
			}
			try (Spool restarted = Spool.open(copy, 1 << 20)) {
				CollectingSink sink = new CollectingSink();
				assertThat(restarted.replay(sink)).isEqualTo(new ReplayResult(10, 0, null));
				assertThat(sink.accepted).containsExactlyElementsOf(records(0, 10));
			}
		}
	}

	private static String readOrEmpty(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
