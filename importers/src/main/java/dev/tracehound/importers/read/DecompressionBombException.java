package dev.tracehound.importers.read;

import java.io.IOException;

/** A gzipped file inflated past the safety limit: reading stops; what was read before stays imported. */
public class DecompressionBombException extends IOException {
    public DecompressionBombException(String message) {
        super(message);
    }
}
