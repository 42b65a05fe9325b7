/**
 * Tabular offline RL for datasets with discrete states and actions (e.g. imported with
 * {@code --state-type discrete --action-type discrete}): behaviour cloning ({@code bc}), discrete CQL with
 * the CQL(H) regulariser ({@code cql}) and OGSRL adapted to a tabular CMDP ({@code ogsrl}: the data's
 * support as guardian, a Lagrangian for the safety-cost budget and an OOD-share bound).
 *
 * <p>Tabular because a tabular problem has exact answers: on the Oberst &amp; Sontag simulator the learned
 * policies' true values are computed, not estimated. See {@code docs/algorithms.md}.
 */
package dev.vigil.offlinerl.algo.tabular;
