package dev.vigil.api.serving;

/** A promotion that the rules of serving refuse (e.g. no safety report). */
public class PromotionRefusedException extends RuntimeException {

    public PromotionRefusedException(String message) {
        super(message);
    }
}
