package dev.vigil.api.serving;

/** No policy serves the use case asked for. */
public class NotServedException extends RuntimeException {

    public NotServedException(String useCase) {
        super("No policy serves use case '" + useCase + "' yet: a researcher promotes a run's policy with "
                + "POST /api/serving/" + useCase + "/promotions");
    }
}
