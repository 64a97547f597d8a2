package dev.tracehound.app.ui.importing;

import java.nio.file.Path;

/**
 * A file waiting to be imported, with the format its first bytes look like.
 *
 * @param detectedFormat null when no importer recognises it; {@code problem} then says why
 */
public record ImportFile(Path path, String detectedFormat, String problem) {}
