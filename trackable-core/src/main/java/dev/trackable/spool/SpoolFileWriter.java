package dev.trackable.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool file being appended to. Every append is forced to disk before it returns.
 */
final class SpoolFileWriter {

	private static final Logger logger = LoggerFactory.getLogger(SpoolFileWriter.class);

	private final Path path;

	private final FileChannel channel;

	private long sizeBytes;

	private SpoolFileWriter(Path path, FileChannel channel, long sizeBytes) {
		this.path = path;
		this.channel = channel;
		this.sizeBytes = sizeBytes;
	}

	/**
	 * Creates a new file with the format header; the header reaches the disk with the first record.
	 * @param path the file, which must not exist: never append to a file an earlier run may have torn
	 */
	static SpoolFileWriter create(Path path) throws IOException {
		FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		try {
			writeFully(channel, SpoolFormat.fileHeader());
			return new SpoolFileWriter(path, channel, SpoolFormat.FILE_HEADER_BYTES);
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Appends a record and forces it to disk. If that fails, the file is cut back to its previous size where possible
	 * (a failed cut leaves a torn tail, which readers skip).
	 */
	void append(byte[] payload) throws IOException {
		try {
			writeFully(this.channel, SpoolFormat.recordHeader(payload), ByteBuffer.wrap(payload));
			// Data only: fdatasync still persists the file size that makes the appended bytes readable.
			this.channel.force(false);
			this.sizeBytes += SpoolFormat.RECORD_HEADER_BYTES + payload.length;
		}
		catch (IOException ex) {
			try {
				this.channel.truncate(this.sizeBytes);
			}
			catch (IOException truncateFailure) {
				ex.addSuppressed(truncateFailure);
				this.sizeBytes = Math.max(this.sizeBytes, sizeOnDisk());
			}
			throw ex;
		}
	}

	private long sizeOnDisk() {
		try {
			return this.channel.size();
		}
		catch (IOException ex) {
			return this.sizeBytes;
		}
	}

	/** @return the file's size, header included */
	long sizeBytes() {
		return this.sizeBytes;
	}

	/**
	 * Closes the file; from now on it is only read and, once replayed, deleted.
	 * @return the closed file
	 */
	SpoolFile seal() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Its records were forced when appended: closing only releases the handle.
			logger.warn("Could not close spool file {}: {}", this.path, ex.toString());
		}
		return new SpoolFile(this.path, this.sizeBytes);
	}

	private static void writeFully(FileChannel channel, ByteBuffer... buffers) throws IOException {
		long remaining = 0;
		for (ByteBuffer buffer : buffers) {
			remaining += buffer.remaining();
		}
		while (remaining > 0) {
			remaining -= channel.write(buffers);
		}
	}

}
