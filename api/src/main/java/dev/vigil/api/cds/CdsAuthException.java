package dev.vigil.api.cds;

/** A CDS Hooks call whose bearer JWT is missing or not acceptable; answered 401 with an OperationOutcome. */
public class CdsAuthException extends Exception {

    public CdsAuthException(String message) {
        super(message);
    }
}
