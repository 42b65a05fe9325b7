package dev.vigil.api.security;

/** A user change that contradicts the current state (a duplicate name, removing the last administrator). */
public final class UserConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserConflictException(String message) {
        super(message);
    }
}
