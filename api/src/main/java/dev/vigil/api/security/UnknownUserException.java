package dev.vigil.api.security;

/** The named user does not exist. */
public final class UnknownUserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownUserException(String message) {
        super(message);
    }
}
