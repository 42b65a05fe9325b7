#!/usr/bin/env python3
"""Paired bootstrap of MeWM protocol selection: world model minus the most common protocol, per patient.

usage: scripts/mewm-paired-bootstrap.py OUT   (OUT = a MewmExperiment output directory: OUT/choices.csv and
OUT/cohort/ground-truth.json). Prints the mean F1, regret, recall and top-1 differences with 95 % percentile
intervals over 2,000 resamples of the held-out patients (seed 1, one resample set per metric, in that order,
so the first two are those the script printed before recall and top-1 were added).
Regret uses the ground truth's expected survival per protocol.
"""
import csv
import json
import random
import sys

WORLD_MODEL, MOST_COMMON = 3, 5   # columns of choices.csv: patient, true_best, given, then the choosers in order


def components(label):
    return {c.strip() for c in label.split(';')}


def f1(chosen, best):
    c, b = components(chosen), components(best)
    hits = len(c & b)
    return 0.0 if hits == 0 else 2 * hits / (len(c) + len(b))


def recall(chosen, best):
    c, b = components(chosen), components(best)
    return len(c & b) / len(b)


def top1(chosen, best):
    return 1.0 if components(chosen) == components(best) else 0.0


def main(out):
    truth = json.load(open(f'{out}/cohort/ground-truth.json'))
    index = {label: i for i, label in enumerate(truth['protocols'])}
    patients = {p['patientId']: p for p in truth['patients']}
    rows = list(csv.reader(open(f'{out}/choices.csv')))[1:]

    def survival(pid, label):
        return patients[pid]['expectedSurvivalDays'][index[label]]

    d_f1, d_recall, d_top1, d_regret = [], [], [], []
    for r in rows:
        pid, best = r[0], r[1]
        d_f1.append(f1(r[WORLD_MODEL], best) - f1(r[MOST_COMMON], best))
        d_recall.append(recall(r[WORLD_MODEL], best) - recall(r[MOST_COMMON], best))
        d_top1.append(top1(r[WORLD_MODEL], best) - top1(r[MOST_COMMON], best))
        # regret(world model) - regret(most common) = E[T | most common] - E[T | world model]
        d_regret.append(survival(pid, r[MOST_COMMON]) - survival(pid, r[WORLD_MODEL]))
    n = len(rows)
    rng = random.Random(1)

    def boot(d):
        means = sorted(sum(d[rng.randrange(n)] for _ in range(n)) / n for _ in range(2000))
        return sum(d) / n, means[50], means[1949]

    print(f'patients {n}')
    print('F1 world model - most common: %.3f (95%% CI %.3f, %.3f)' % boot(d_f1))
    print('regret world model - most common, days: %.1f (95%% CI %.1f, %.1f)' % boot(d_regret))
    print('recall world model - most common: %.3f (95%% CI %.3f, %.3f)' % boot(d_recall))
    print('top-1 world model - most common: %.3f (95%% CI %.3f, %.3f)' % boot(d_top1))


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
