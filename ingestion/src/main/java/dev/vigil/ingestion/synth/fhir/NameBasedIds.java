package dev.vigil.ingestion.synth.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic resource ids: the name-based (version 3, MD5) UUID of a name, identical to
 * {@link java.util.UUID#nameUUIDFromBytes} of its UTF-8 bytes, but reusing one digest (the JDK looks the MD5
 * provider up on every call, which shows at millions of resources). Not thread-safe: one per thread.
 * MD5 serves as a name hash here, not for security.
 */
public final class NameBasedIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest md5;
    private final byte[] digits = new byte[10];

    public NameBasedIds() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no MD5, which every Java platform must have", e);
        }
    }

    /** The UUID string of {@code name}, lower case, 36 characters. */
    public String uuid(String name) {
        return format(md5.digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The UUID of the name {@code prefix + counter} (decimal), without building the name: the hot path for
     * thousands of {@code <key>/Observation/<j>} ids per patient.
     *
     * @param prefix UTF-8 bytes of the name's constant part
     * @param counter >= 0
     */
    public String uuid(byte[] prefix, int counter) {
        if (counter < 0) {
            throw new IllegalArgumentException("A name counter is >= 0, got " + counter);
        }
        md5.update(prefix);
        int length = 0;
        int value = counter;
        do {
            digits[digits.length - 1 - length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        md5.update(digits, digits.length - length, length);
        return format(md5.digest());
    }

    private static String format(byte[] hash) {
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        char[] text = new char[36];
        int position = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                text[position++] = '-';
            }
            text[position++] = HEX[(hash[i] >> 4) & 0x0f];
            text[position++] = HEX[hash[i] & 0x0f];
        }
        return new String(text);
    }
}
