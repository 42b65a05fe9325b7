package dev.vigil.offlinerl.ope;

/**
 * An action never logged in a state that the epsilon floor gave probability epsilon.
 *
 * @param state the state id
 * @param action the action id
 */
public record FlooredAction(int state, int action) {
}
