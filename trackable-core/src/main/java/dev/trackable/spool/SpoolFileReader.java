package dev.trackable.spool;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the good records of a closed spool file in order. A damaged region (wrong marker, impossible length, bad
 * checksum, torn tail) is skipped with a warning that names the file and offset, up to the next record that is
 * intact, so damage never hides the records behind it and garbage never reaches the caller.
 */
final class SpoolFileReader implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(SpoolFileReader.class);

	private static final int SCAN_CHUNK_BYTES = 64 * 1024;

	private final Path path;

	private final FileChannel channel;

	private final long size;

	private final ByteBuffer header = ByteBuffer.allocate(SpoolFormat.RECORD_HEADER_BYTES);

	private long position;

	private long recordStart;

	private int skippedRegions;

	/**
	 * Opens a file.
	 * @param path the file, whose header has been checked
	 * @param start where to start: after the header, or where an earlier replay stopped
	 */
	SpoolFileReader(Path path, long start) throws IOException {
		this.path = path;
		this.channel = FileChannel.open(path, StandardOpenOption.READ);
		this.size = this.channel.size();
		this.position = start;
	}

	/** @return the next good record, or {@code null} at the end of the file */
	byte @Nullable [] next() throws IOException {
		while (this.position < this.size) {
			byte[] record = recordAt(this.position);
			if (record != null) {
				this.recordStart = this.position;
				this.position += SpoolFormat.RECORD_HEADER_BYTES + record.length;
				return record;
			}
			long next = nextRecordAfter(this.position);
			long end = (next < 0) ? this.size : next;
			logger.warn("Skipped {} damaged bytes at offset {} of spool file {}: {}", end - this.position,
					this.position, this.path, (next < 0) ? "a torn or damaged tail" : "a damaged record");
			this.skippedRegions++;
			this.position = end;
		}
		return null;
	}

	/** @return the offset of the record {@link #next()} returned last */
	long recordStart() {
		return this.recordStart;
	}

	/** @return the offset after the record {@link #next()} returned last, or after the skipped tail */
	long position() {
		return this.position;
	}

	/** @return how many damaged regions were skipped; each held at least part of one record */
	int skippedRegions() {
		return this.skippedRegions;
	}

	private byte @Nullable [] recordAt(long offset) throws IOException {
		if (this.size - offset < SpoolFormat.RECORD_HEADER_BYTES) {
			return null;
		}
		this.header.clear();
		readFully(this.header, offset);
		int length = this.header.getInt(4);
		if (this.header.getInt(0) != SpoolFormat.RECORD_MARKER || length < 0 || length > SpoolFormat.MAX_RECORD_BYTES
				|| length > this.size - offset - SpoolFormat.RECORD_HEADER_BYTES) {
			return null;
		}
		byte[] payload = new byte[length];
		readFully(ByteBuffer.wrap(payload), offset + SpoolFormat.RECORD_HEADER_BYTES);
		return (SpoolFormat.checksum(payload) == this.header.getInt(8)) ? payload : null;
	}

	/** @return the offset of the first intact record after {@code offset}, or -1 if there is none */
	private long nextRecordAfter(long offset) throws IOException {
		ByteBuffer chunk = ByteBuffer.allocate(SCAN_CHUNK_BYTES);
		long from = offset + 1;
		while (this.size - from >= SpoolFormat.RECORD_HEADER_BYTES) {
			chunk.clear().limit((int) Math.min(SCAN_CHUNK_BYTES, this.size - from));
			readFully(chunk, from);
			for (int i = 0; i + Integer.BYTES <= chunk.limit(); i++) {
				if (chunk.getInt(i) == SpoolFormat.RECORD_MARKER && recordAt(from + i) != null) {
					return from + i;
				}
			}
			// Overlap the chunks so that a marker across their boundary is seen.
			from += chunk.limit() - (Integer.BYTES - 1);
		}
		return -1;
	}

	private void readFully(ByteBuffer buffer, long offset) throws IOException {
		while (buffer.hasRemaining()) {
			if (this.channel.read(buffer, offset + buffer.position()) < 0) {
				throw new EOFException("Spool file " + this.path + " ended while being read");
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
