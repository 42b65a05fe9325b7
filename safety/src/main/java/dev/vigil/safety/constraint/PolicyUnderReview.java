package dev.vigil.safety.constraint;

import dev.vigil.ingestion.dataset.Episode;

/** The policy a safety report charges: its recommended action at a logged step. */
@FunctionalInterface
public interface PolicyUnderReview {

    /**
     * @return the recommended action in the dataset's action units and order ({@code double[actionWidth]})
     */
    double[] recommend(Episode episode, int step);
}
