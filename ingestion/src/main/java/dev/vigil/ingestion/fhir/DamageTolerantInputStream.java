package dev.vigil.ingestion.fhir;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Turns the gzip decoder's "ends early" ({@link EOFException}) and "corrupt" ({@link ZipException}) into a plain
 * end of stream, remembering the damage.
 *
 * <p>Why: the character decoder and the line reader above read ahead in large blocks; if the exception reached
 * them, the complete lines already decoded in their buffers would be lost with it. Ending the stream instead
 * lets every complete line through; the reader then drops the last line if it was cut (see {@link #endedWithNewline}).
 */
final class DamageTolerantInputStream extends FilterInputStream {

    private IOException damage;
    private int lastByte = -1;

    DamageTolerantInputStream(InputStream in) {
        super(in);
    }

    /** The exception that ended the stream early, or null if it ended normally (so far). */
    IOException damage() {
        return damage;
    }

    /** Whether the last byte delivered was a line feed, i.e. the last line delivered is complete. */
    boolean endedWithNewline() {
        return lastByte == '\n';
    }

    @Override
    public int read() throws IOException {
        if (damage != null) {
            return -1;
        }
        try {
            int b = super.read();
            if (b >= 0) {
                lastByte = b;
            }
            return b;
        } catch (EOFException | ZipException e) {
            damage = e;
            return -1;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (damage != null) {
            return -1;
        }
        try {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                lastByte = buffer[offset + n - 1];
            }
            return n;
        } catch (EOFException | ZipException e) {
            damage = e;
            return -1;
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
