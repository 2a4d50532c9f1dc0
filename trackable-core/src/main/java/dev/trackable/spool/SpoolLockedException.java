package dev.trackable.spool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a spool directory is already held by another live spool, in this process or another one: two spools
 * on one directory would replay and delete each other's files. Give each instance a directory of its own.
 */
public class SpoolLockedException extends IOException {

	/**
	 * Creates an exception.
	 * @param directory the directory that is held
	 */
	public SpoolLockedException(Path directory) {
		super("Spool directory " + directory + " is in use by another spool (another instance of the application?)");
	}

}
