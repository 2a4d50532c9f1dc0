package dev.trackable.spool;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, append-only spool of records on local disk, for messages the broker did not accept: each record is
 * checksummed and forced to disk before {@link #append(byte[])} returns, and {@link #replay(RecordSink)} hands the
 * records back oldest first, deleting a file only once the sink accepted every record in it. A spool opened on the
 * directory of a crashed or stopped process finds that process's files and replays them too.
 * <p>
 * <b>Records are opaque bytes.</b> Spool a message's body exactly as it was to be published (an encoded
 * {@code CountMessage}, id included), so that a replayed message is the same message. A record may be replayed
 * twice: a file whose replay stopped at a failure resumes, in this process, at its first record not yet accepted, but
 * after a restart it is replayed from its start again, so the records accepted before the failure are published a
 * second time, with their original ids, which lets the collector recognise them.
 * <p>
 * <b>Threads.</b> {@link #append(byte[])} and {@link #replay(RecordSink)} may run at the same time on two threads;
 * appends are serialised, as are replays. An append never waits for the sink: a replay reads only closed files, and
 * closes the file being appended to (a short wait for an append in progress) once it has replayed all the others,
 * while appends go on in a new file, which the next replay picks up. The sink is called on the replaying thread,
 * with no lock held.
 * <p>
 * <b>Files.</b> {@code spool-<sequence>.trk}, oldest first, closed at a size so that replayed files can be deleted
 * while appends go on. Each starts with the magic {@code TRKSPOOL} and a format version, so that a future format is
 * recognised rather than misread; each record is a marker, its length, a CRC32C of length and payload, and the
 * payload. A file this version cannot read is renamed {@code *.unreadable} and left alone; a damaged record or torn
 * tail is skipped with a warning that names the file and offset.
 */
public final class Spool implements Closeable {

	/** The size at which a file is closed and a new one started, unless told otherwise. */
	public static final long DEFAULT_FILE_SIZE_BYTES = 4L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(Spool.class);

	private final Path directory;

	private final SpoolFiles files;

	// Serialises replays, so that no record is handed to two sinks at once.
	private final Object replayLock = new Object();

	private final SpoolCounters counters = new SpoolCounters();

	private Spool(Path directory, SpoolFiles files) {
		this.directory = directory;
		this.files = files;
	}

	/**
	 * Opens a spool with files of {@value #DEFAULT_FILE_SIZE_BYTES} bytes.
	 * @see #open(Path, long, long)
	 */
	public static Spool open(Path directory, long maxSizeBytes) throws IOException {
		return open(directory, maxSizeBytes, DEFAULT_FILE_SIZE_BYTES);
	}

	/**
	 * Opens a spool, creating the directory if need be, and takes over the files an earlier run left there.
	 * @param directory the directory, used by this spool alone
	 * @param maxSizeBytes the most bytes all its files may hold together, headers included
	 * @param fileSizeBytes the size at which a file is closed and a new one started
	 * @return the spool
	 * @throws SpoolLockedException if another live spool holds the directory
	 * @throws IOException if the directory cannot be read or written
	 */
	public static Spool open(Path directory, long maxSizeBytes, long fileSizeBytes) throws IOException {
		if (maxSizeBytes <= 0 || fileSizeBytes <= 0) {
			throw new IllegalArgumentException("Sizes must be positive: " + maxSizeBytes + ", " + fileSizeBytes);
		}
		SpoolDirectory locked = SpoolDirectory.lock(directory);
		try {
			Spool spool = new Spool(directory, new SpoolFiles(locked, locked.recover(), maxSizeBytes, fileSizeBytes));
			if (!spool.isEmpty()) {
				logger.info("Spool {} holds {} bytes left by an earlier run; they are replayed once the broker "
						+ "accepts them", directory, spool.sizeBytes());
			}
			return spool;
		}
		catch (IOException | RuntimeException ex) {
			locked.close();
			throw ex;
		}
	}

	/**
	 * Appends a record and forces it to disk.
	 * @param record the record, at most {@value SpoolFormat#MAX_RECORD_BYTES} bytes
	 * @return {@code true} once the record is on disk, {@code false} if it would make the spool exceed its maximum
	 * size, in which case nothing was written
	 * @throws IllegalArgumentException if the record is larger than a spool record may be
	 * @throws IllegalStateException if the spool is closed
	 * @throws UncheckedIOException if the record could not be written; the spool stays usable, and continues in a
	 * new file
	 */
	public boolean append(byte[] record) {
		if (record.length > SpoolFormat.MAX_RECORD_BYTES) {
			throw new IllegalArgumentException("A record of " + record.length + " bytes is too large to spool");
		}
		boolean appended;
		try {
			appended = this.files.append(record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not spool a record in " + this.directory, ex);
		}
		(appended ? this.counters.spooled : this.counters.refused).incrementAndGet();
		return appended;
	}

	/**
	 * Replays the spool, oldest record first, until every record appended before it started is replayed or the sink
	 * fails. A file is deleted once the sink accepted all its records; damaged records are skipped with a
	 * warning; a file that cannot be read is left for the next replay, and later files are replayed all the same.
	 * @param sink where the records go, on this thread
	 * @return how many records were replayed, how many damaged regions were skipped, and the sink's failure if any
	 */
	public ReplayResult replay(RecordSink sink) {
		synchronized (this.replayLock) {
			SpoolReplay replay = new SpoolReplay(sink, this.counters);
			List<SpoolFile> closed = this.files.closedFiles();
			ReplayResult result = replay.run(closed, this.files::delete);
			if (!result.complete()) {
				return result;
			}
			// Close the file being appended to only once the replay reaches it (closing it at every attempt during
			// an outage would leave a file per attempt), then replay it with any file closed by a rotation meanwhile.
			List<SpoolFile> newer = new ArrayList<>(this.files.closeCurrentFile());
			newer.removeAll(closed);
			return replay.run(newer, this.files::delete);
		}
	}

	/** @return the bytes the spool's files hold, headers and damaged records included */
	public long sizeBytes() {
		return this.files.sizeBytes();
	}

	/** @return whether the spool holds no file, so nothing to replay */
	public boolean isEmpty() {
		return this.files.sizeBytes() == 0;
	}

	/** @return the number of records appended since the spool was opened */
	public long spooledRecords() {
		return this.counters.spooled.get();
	}

	/** @return the number of records replayed (accepted by a sink) since the spool was opened */
	public long replayedRecords() {
		return this.counters.replayed.get();
	}

	/** @return the number of damaged regions skipped by replays since the spool was opened */
	public long skippedRecords() {
		return this.counters.skipped.get();
	}

	/** @return the number of records refused because the spool was full, since it was opened */
	public long refusedRecords() {
		return this.counters.refused.get();
	}

	/** @return the spool's directory */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Closes the file being appended to and releases the directory; the files stay for the next run. Waits for a
	 * replay in progress to end.
	 */
	@Override
	public void close() throws IOException {
		synchronized (this.replayLock) {
			this.files.close();
		}
	}

}
