package dev.vigil.offlinerl.dynamics;

import java.util.List;

/**
 * A trained ensemble and how it trained.
 *
 * @param model the ensemble
 * @param members one record per member, in member order
 * @param trainingTransitions transitions of the training episodes (before bootstrap)
 * @param holdoutTransitions transitions of the held-out episodes
 * @param trainingMillis wall-clock training time
 */
public record EnsembleFit(GaussianEnsembleModel model, List<MemberFit> members, int trainingTransitions,
        int holdoutTransitions, long trainingMillis) {

    public EnsembleFit {
        members = List.copyOf(members);
    }
}
