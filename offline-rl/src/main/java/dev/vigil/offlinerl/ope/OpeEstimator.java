package dev.vigil.offlinerl.ope;

/** Estimates the expected return of the evaluation policy from episodes logged under the behaviour policy. */
@FunctionalInterface
public interface OpeEstimator {

    OpeResult estimate(OpeDataset data);
}
