/**
 * Out-of-distribution (OOD) guardians for guarded offline RL (OGSRL, arXiv 2505.16242): they decide
 * whether a scaled (state, action) point, or a window of recent history, lies in the support of the
 * logged training data.
 *
 * <p>Every guardian is an {@link dev.vigil.safety.guardian.OodGuardian} returning a
 * {@link dev.vigil.safety.guardian.GuardVerdict}. The orientation is the same everywhere: a
 * <em>higher score means more in distribution</em>, and a point is in support exactly when
 * {@code score >= threshold}. Distance-like measures are therefore negated.
 *
 * <ul>
 *   <li>{@link dev.vigil.safety.guardian.GaussianKdeGuardian}: the released OGSRL design, a Gaussian
 *       kernel density (sigma 0.535) with the threshold at a percentile of the training points' own
 *       densities, evaluated through a KD-tree with a documented cut-off radius.</li>
 *   <li>{@link dev.vigil.safety.guardian.KnnDistanceGuardian}: distance to the k-th nearest training
 *       point.</li>
 *   <li>{@link dev.vigil.safety.guardian.EnsembleDisagreementGuardian}: disagreement between the
 *       members of a dynamics ensemble, reached through
 *       {@link dev.vigil.safety.guardian.EnsemblePredictor} so that any model can plug in.</li>
 * </ul>
 *
 * <p>Plain Java only: no DJL, no frameworks. Inputs are expected already scaled to [-1, 1] with
 * {@link dev.vigil.safety.guardian.MinMaxScaler} fitted on the training data.
 */
package dev.vigil.safety.guardian;
