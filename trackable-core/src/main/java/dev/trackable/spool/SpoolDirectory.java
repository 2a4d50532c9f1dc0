package dev.trackable.spool;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one spool: held with an OS file lock so that two live spools (two instances of an application,
 * say) never write or delete each other's files; the lock goes away with the process that held it, however it died.
 * Files are named {@code spool-<sequence>.trk}, the sequence growing, so names sort oldest first.
 */
final class SpoolDirectory implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(SpoolDirectory.class);

	/** Appended to the name of a file this version cannot read, which keeps it out of the way but on disk. */
	static final String UNREADABLE_SUFFIX = ".unreadable";

	private static final Pattern NAME = Pattern
		.compile("spool-(\\d{19})\\.trk(" + Pattern.quote(UNREADABLE_SUFFIX) + ")?");

	private final Path path;

	private final FileChannel lockChannel;

	private long nextSequence;

	private SpoolDirectory(Path path, FileChannel lockChannel) {
		this.path = path;
		this.lockChannel = lockChannel;
	}

	static SpoolDirectory lock(Path path) throws IOException {
		Files.createDirectories(path);
		FileChannel channel = FileChannel.open(path.resolve("spool.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new SpoolLockedException(path);
		}
		return new SpoolDirectory(path, channel);
	}

	/**
	 * Finds the files an earlier run left, oldest first. A file too short to hold a record is deleted; a file that is
	 * not a spool file, or of another format version, is set aside with a warning.
	 */
	List<SpoolFile> recover() throws IOException {
		Map<Long, Path> found = new TreeMap<>();
		try (Stream<Path> files = Files.list(this.path)) {
			files.forEach((file) -> {
				Matcher name = NAME.matcher(file.getFileName().toString());
				if (name.matches()) {
					long sequence = Long.parseLong(name.group(1));
					// Files set aside earlier still count, so that no new file is ever named like one of them.
					this.nextSequence = Math.max(this.nextSequence, sequence + 1);
					if (name.group(2) == null) {
						found.put(sequence, file);
					}
				}
			});
		}
		List<SpoolFile> recovered = new ArrayList<>();
		for (Path file : found.values()) {
			long size = Files.size(file);
			if (size < SpoolFormat.FILE_HEADER_BYTES + SpoolFormat.RECORD_HEADER_BYTES) {
				logger.warn("Deleting spool file {}: at {} bytes it cannot hold a record (its first write was "
						+ "interrupted)", file, size);
				Files.delete(file);
			}
			else if (readable(file)) {
				recovered.add(new SpoolFile(file, size));
			}
		}
		return recovered;
	}

	private boolean readable(Path file) throws IOException {
		ByteBuffer header = ByteBuffer.allocate(SpoolFormat.FILE_HEADER_BYTES);
		try (InputStream in = Files.newInputStream(file)) {
			in.readNBytes(header.array(), 0, SpoolFormat.FILE_HEADER_BYTES);
		}
		String problem = (header.getLong(0) != SpoolFormat.MAGIC) ? "is not a spool file"
				: (header.getInt(8) != SpoolFormat.VERSION) ? "has spool format version " + header.getInt(8)
						+ ", this version reads " + SpoolFormat.VERSION : null;
		if (problem == null) {
			return true;
		}
		Path aside = file.resolveSibling(file.getFileName() + UNREADABLE_SUFFIX);
		logger.warn("Spool file {} {}; it is not replayed and was renamed {}", file, problem, aside.getFileName());
		Files.move(file, aside);
		return false;
	}

	/** Creates the next file of the sequence. */
	SpoolFileWriter createFile() throws IOException {
		Path file = this.path.resolve("spool-%019d.trk".formatted(this.nextSequence++));
		SpoolFileWriter writer = SpoolFileWriter.create(file);
		forceDirectory();
		return writer;
	}

	// Without this, a power loss could take the new file's directory entry, and with it its forced records.
	private void forceDirectory() {
		try (FileChannel directory = FileChannel.open(this.path, StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException ex) {
			// Some platforms (Windows) cannot open a directory; their file systems journal the entry themselves.
			logger.debug("Could not force spool directory {}: {}", this.path, ex.toString());
		}
	}

	Path path() {
		return this.path;
	}

	/** Releases the lock; the files stay for the next run. */
	@Override
	public void close() throws IOException {
		this.lockChannel.close();
	}

}
