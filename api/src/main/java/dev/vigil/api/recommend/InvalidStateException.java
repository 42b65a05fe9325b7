package dev.vigil.api.recommend;

/**
 * A state the served policy cannot answer for, with the HTTP status that says why: 400 for a malformed request
 * (unknown names, non-finite values), 404 for an unknown patient, 422 for missing or stale vital signs.
 */
public class InvalidStateException extends RuntimeException {

    private final int status;

    public InvalidStateException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
