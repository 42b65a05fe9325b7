package dev.vigil.offlinerl.dynamics;

import java.io.IOException;

/** A saved dynamics model that cannot be read: wrong magic, unknown version, or damaged content. */
public final class DynamicsFormatException extends IOException {

    public DynamicsFormatException(String message) {
        super(message);
    }

    public DynamicsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
