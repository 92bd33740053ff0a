package dev.migsafe.source;

import java.nio.file.Path;

/**
 * A folder to read migrations from and its format.
 *
 * @param dir    the folder (relative to the working directory or absolute)
 * @param format its format, or {@code null} to detect it from the files
 */
public record SourceLocation(Path dir, MigrationFormat format) {
}
