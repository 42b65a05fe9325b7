package dev.vigil.api.tace;

/** A patient id that the world model's dataset does not hold (HTTP 404; exit code 2 on the command line). */
public class UnknownPatientException extends IllegalArgumentException {

    public UnknownPatientException(String message) {
        super(message);
    }
}
