package dev.vigil.worldmodel.survival;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The Kaplan-Meier estimator with Greenwood's variance, overall or by group. */
public final class KaplanMeier {

    private KaplanMeier() {}

    /** Kaplan-Meier estimate of all subjects of {@code data}. */
    public static KaplanMeierFit estimate(SurvivalData data) {
        return estimate(data.times(), data.events());
    }

    /** Kaplan-Meier estimate: at each distinct time, S *= 1 - d/n with n = subjects whose time is at least it. */
    public static KaplanMeierFit estimate(double[] times, int[] events) {
        if (times.length != events.length || times.length == 0) {
            throw new IllegalArgumentException(times.length + " times and " + events.length
                    + " events: need the same number, at least one");
        }
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        double[] distinct = new double[n];
        int[] atRisk = new int[n];
        int[] deaths = new int[n];
        int[] censored = new int[n];
        double[] survival = new double[n];
        double[] greenwood = new double[n];
        int count = 0;
        double s = 1;
        double g = 0;
        int k = 0;
        while (k < n) {
            double t = times[order[k]];
            int risk = n - k;
            int d = 0;
            int c = 0;
            while (k < n && times[order[k]] == t) {
                if (events[order[k]] == 1) {
                    d++;
                } else {
                    c++;
                }
                k++;
            }
            if (d > 0) {
                s *= 1 - (double) d / risk;
                g += risk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) risk * (risk - d));
            }
            distinct[count] = t;
            atRisk[count] = risk;
            deaths[count] = d;
            censored[count] = c;
            survival[count] = s;
            greenwood[count] = g;
            count++;
        }
        return new KaplanMeierFit(Arrays.copyOf(distinct, count), Arrays.copyOf(atRisk, count),
                Arrays.copyOf(deaths, count), Arrays.copyOf(censored, count), Arrays.copyOf(survival, count),
                Arrays.copyOf(greenwood, count));
    }

    /** One estimate per group label (e.g. from {@link RiskGroups#byQuantiles}), keyed by label in order. */
    public static Map<Integer, KaplanMeierFit> byGroup(SurvivalData data, int[] groups) {
        if (groups.length != data.size()) {
            throw new IllegalArgumentException(groups.length + " group labels for " + data.size() + " subjects");
        }
        TreeMap<Integer, int[]> members = new TreeMap<>();
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (int group : groups) {
            sizes.merge(group, 1, Integer::sum);
        }
        sizes.forEach((group, size) -> members.put(group, new int[size]));
        Map<Integer, Integer> filled = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            int slot = filled.merge(groups[i], 1, Integer::sum) - 1;
            members.get(groups[i])[slot] = i;
        }
        Map<Integer, KaplanMeierFit> fits = new TreeMap<>();
        members.forEach((group, rows) -> fits.put(group, estimate(data.subset(rows))));
        return fits;
    }

    /**
     * The Kaplan-Meier estimate G of the censoring distribution: censorings are its "events" and events its
     * censorings, so a subject whose event is at t is still at risk of censoring at t. G(t-) is the probability of
     * being still uncensored just before t: the weight IPCW metrics divide by.
     */
    public static SurvivalCurve censoringSurvival(double[] times, int[] events) {
        int[] flipped = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            flipped[i] = 1 - events[i];
        }
        return estimate(times, flipped).curve();
    }
}
