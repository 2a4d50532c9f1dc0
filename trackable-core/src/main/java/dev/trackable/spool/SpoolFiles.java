package dev.trackable.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The files of a spool and their total size: the closed files, oldest first, and the file being appended to. Its
 * methods are atomic with respect to each other; none of them waits for anything but the disk.
 */
final class SpoolFiles {

	private final SpoolDirectory directory;

	private final long maxSizeBytes;

	private final long fileSizeBytes;

	private final Deque<SpoolFile> closedFiles;

	private @Nullable SpoolFileWriter writer;

	private boolean closed;

	// Read without the lock, so that sizeBytes() and isEmpty() never wait for an append.
	private final AtomicLong sizeBytes = new AtomicLong();

	SpoolFiles(SpoolDirectory directory, List<SpoolFile> recovered, long maxSizeBytes, long fileSizeBytes) {
		this.directory = directory;
		this.maxSizeBytes = maxSizeBytes;
		this.fileSizeBytes = fileSizeBytes;
		this.closedFiles = new ArrayDeque<>(recovered);
		recovered.forEach((file) -> this.sizeBytes.addAndGet(file.sizeBytes()));
	}

	/**
	 * Appends a record to the current file, or to a new one if the current one is full.
	 * @return {@code false} if the record would make the spool exceed its maximum size; nothing was written then
	 */
	synchronized boolean append(byte[] record) throws IOException {
		checkOpen();
		long recordBytes = SpoolFormat.RECORD_HEADER_BYTES + (long) record.length;
		SpoolFileWriter current = this.writer;
		boolean rotate = current != null && current.sizeBytes() + recordBytes > this.fileSizeBytes;
		long needed = recordBytes + ((current == null || rotate) ? SpoolFormat.FILE_HEADER_BYTES : 0);
		if (this.sizeBytes.get() + needed > this.maxSizeBytes) {
			return false;
		}
		if (current == null || rotate) {
			closeWriter();
			current = this.directory.createFile();
			this.writer = current;
			this.sizeBytes.addAndGet(current.sizeBytes());
		}
		long before = current.sizeBytes();
		try {
			current.append(record);
			return true;
		}
		catch (IOException ex) {
			// Never append behind what may be a torn record: the next record starts a new file.
			closeWriter();
			throw ex;
		}
		finally {
			this.sizeBytes.addAndGet(current.sizeBytes() - before);
		}
	}

	/** @return the closed files, oldest first */
	synchronized List<SpoolFile> closedFiles() {
		checkOpen();
		return List.copyOf(this.closedFiles);
	}

	/**
	 * Closes the file being appended to, so that it can be replayed; the next record starts a new file.
	 * @return the closed files, oldest first, the one just closed last
	 */
	synchronized List<SpoolFile> closeCurrentFile() {
		checkOpen();
		closeWriter();
		return List.copyOf(this.closedFiles);
	}

	/** Deletes a replayed file and forgets it. */
	void delete(SpoolFile file) throws IOException {
		Files.deleteIfExists(file.path());
		synchronized (this) {
			this.closedFiles.remove(file);
		}
		this.sizeBytes.addAndGet(-file.sizeBytes());
	}

	long sizeBytes() {
		return this.sizeBytes.get();
	}

	/** Closes the file being appended to and releases the directory; the files stay. */
	synchronized void close() throws IOException {
		if (!this.closed) {
			this.closed = true;
			closeWriter();
			this.directory.close();
		}
	}

	private void closeWriter() {
		SpoolFileWriter current = this.writer;
		if (current != null) {
			this.writer = null;
			this.closedFiles.addLast(current.seal());
		}
	}

	private void checkOpen() {
		if (this.closed) {
			throw new IllegalStateException("Spool " + this.directory.path() + " is closed");
		}
	}

}
