#!/usr/bin/env python3
"""Re-ranks a MeWM evaluation's plans under other toxicity charges, without simulating again.

usage: scripts/mewm-toxicity-sweep.py OUT BETA_VIABLE BETA_INTENSITY [--agent NAME] [CHARGE ...]

OUT is a MewmExperiment output directory with OUT/rankings.csv (every evaluated patient's full ranking beside the
truth's expected survival); BETA_VIABLE and BETA_INTENSITY are the coefficients of post_viable_log_ml and intensity
of the scorer that ranked them (the experiment's log prints them). The scorer is linear and, within one patient,
only those two columns differ between protocols, so (risk - BETA_INTENSITY x intensity) / BETA_VIABLE is the
plan's simulated mean ln(1 + viable mL) up to a per-patient constant. Each CHARGE c (default 0 to 0.5 by 0.05)
ranks by that volume + c x intensity, i.e. an extra component must buy a simulated drop of c in ln(1 + viable mL).
With --agent NAME (a component's display name, e.g. "Gelatin Sponge") only that agent's charge is c; every other
component keeps the fitted charge, as a set charge of the scorer spec does (-Dmewm.scorer=...@NAME=c). The row
"fitted" is the scorer's own charge, BETA_INTENSITY / BETA_VIABLE, and must reproduce the experiment's world-model
row (a check of this script). Prints MeWM's selection metrics per charge, as the experiment does.
"""
import csv
import statistics
import sys
from collections import defaultdict


def components(label):
    return {c.strip() for c in label.split(';')}


def scores(chosen, best, chosen_days, best_days):
    c, b = components(chosen), components(best)
    hits = len(c & b)
    precision, recall = hits / len(c), hits / len(b)
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1, hits / len(c | b), chosen == best, best_days - chosen_days


def load(out, beta_viable, beta_intensity):
    plans = defaultdict(list)
    with open(f'{out}/rankings.csv', newline='') as f:
        for row in csv.DictReader(f):
            intensity = float(row['intensity'])
            volume = (float(row['risk']) - beta_intensity * intensity) / beta_viable
            plans[row['patient']].append((int(row['rank']), row['protocol'], volume, intensity,
                                          float(row['true_expected_survival_days']), row['true_best'] == 'true'))
    return plans


def ranking_key(fitted, charge, agent):
    """The ranking score of a plan under a charge: for all components, or for one agent only."""
    if agent is None:
        return lambda p: (p[2] + charge * p[3], p[0])
    return lambda p: (p[2] + fitted * p[3] + ((charge - fitted) if agent in components(p[1]) else 0), p[0])


def evaluate(plans, key):
    rows = []
    for patient_plans in plans.values():
        best = next(p for p in patient_plans if p[5])
        # ties keep the experiment's order (its rank), as the planner's sort does
        chosen = min(patient_plans, key=key)
        rows.append((scores(chosen[1], best[1], chosen[4], best[4]), len(components(chosen[1]))))
    n = len(rows)
    mean = [sum(r[0][j] for r in rows) / n for j in range(6)]
    median_regret = statistics.median(r[0][5] for r in rows)
    three = sum(1 for r in rows if r[1] >= 3)
    return n, mean, median_regret, three


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    out, beta_viable, beta_intensity = argv[1], float(argv[2]), float(argv[3])
    rest, agent = argv[4:], None
    if rest[:1] == ['--agent']:
        if len(rest) < 2:
            sys.exit(__doc__)
        agent, rest = rest[1], rest[2:]
    charges = [float(c) for c in rest] or [round(0.05 * i, 2) for i in range(11)]
    fitted = beta_intensity / beta_viable
    plans = load(out, beta_viable, beta_intensity)
    print('| charge | patients | F1 | Jaccard | Precision | Recall | Top-1 | Mean regret (days) | Median regret (days)'
          ' | plans with 3+ components |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for label, charge in [('fitted %.3f' % fitted, fitted)] + [('%.2f' % c, c) for c in charges]:
        n, m, median, three = evaluate(plans, ranking_key(fitted, charge, agent))
        print('| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f | %d |' % (
            label, n, m[2], m[3], m[0], m[1], m[4], m[5], median, three))


if __name__ == '__main__':
    main(sys.argv)
