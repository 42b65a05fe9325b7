package dev.vigil.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers: the hash that names every artifact, dataset and config in Vigil. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    /** A fresh digest; SHA-256 is required of every Java platform, so its absence is a broken JVM. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must have", e);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** Lower-case hex of a finished digest. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether {@code text} is a lower-case hex SHA-256 (64 characters {@code 0-9a-f}). */
    public static boolean isHex(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    /**
     * Checks that {@code text} is a lower-case hex SHA-256.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static String requireHex(String text) {
        if (!isHex(text)) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a SHA-256 hash: expected 64 lower-case hexadecimal characters");
        }
        return text;
    }
}
