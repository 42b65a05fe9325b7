package dev.vigil.worldmodel.volume;

import java.io.IOException;
import java.nio.file.Path;

/** A NIfTI file that Vigil cannot read; the message names the file, the header field and the reason. */
public final class NiftiFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    NiftiFormatException(Path file, String field, String reason) {
        super(file + ": " + field + " " + reason);
    }
}
