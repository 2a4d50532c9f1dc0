package dev.trackable.spool;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Run in a separate JVM by {@link SpoolCrashTests}: spools records, starts one more without finishing it, as a
 * power loss mid-write would leave it, and dies without closing anything.
 */
public final class SpoolCrashChild {

	static final int EXIT_CODE = 37;

	private SpoolCrashChild() {
	}

	/**
	 * Spools records and halts.
	 * @param args the spool directory, the number of records and the file size
	 */
	public static void main(String[] args) throws Exception {
		Spool spool = Spool.open(Path.of(args[0]), 1 << 30, Long.parseLong(args[2]));
		SpoolTestSupport.appendAll(spool, 0, Integer.parseInt(args[1]));
		List<Path> files = SpoolTestSupport.spoolFiles(spool.directory());
		byte[] torn = SpoolTestSupport.record(999_999);
		try (FileChannel last = FileChannel.open(files.get(files.size() - 1), StandardOpenOption.APPEND)) {
			last.write(new ByteBuffer[] { SpoolFormat.recordHeader(torn), ByteBuffer.wrap(torn, 0, torn.length / 2) });
			last.force(false);
		}
		Runtime.getRuntime().halt(EXIT_CODE);
	}

}
