package dev.vigil.worldmodel.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The response and survival models on sampled patients: heterogeneous best protocols, a fallible clinician. */
class TrueOutcomesTest {

    private static List<SimulatedPatient> cohort(int n, long seed) {
        HccPatientSampler sampler = new HccPatientSampler(HccCohortConfig.of(n, seed));
        SplittableRandom root = new SplittableRandom(seed);
        List<SimulatedPatient> patients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            patients.add(SimulatedPatient.simulate(sampler.sample(i, root.split())));
        }
        return patients;
    }

    @Test
    void differentPatientsHaveDifferentBestProtocols() {
        Map<String, Integer> best = new TreeMap<>();
        for (SimulatedPatient patient : cohort(200, 11)) {
            best.merge(patient.bestProtocol().label(), 1, Integer::sum);
        }
        System.out.println("best protocols over 200 patients: " + best);
        assertThat(best.size()).isGreaterThanOrEqualTo(5);
        // No protocol is best for most patients.
        assertThat(best.values()).allMatch(count -> count < 100);
    }

    @Test
    void theClinicianOftenMissesTheBestProtocolAndThatCostsSurvival() {
        List<SimulatedPatient> patients = cohort(200, 12);
        int hits = 0;
        double lost = 0;
        for (SimulatedPatient p : patients) {
            double[] expected = p.expectedSurvivalDays();
            hits += p.givenIndex() == p.bestIndex() ? 1 : 0;
            lost += expected[p.bestIndex()] - expected[p.givenIndex()];
            assertThat(expected[p.bestIndex()]).isGreaterThanOrEqualTo(expected[p.givenIndex()]);
        }
        System.out.println("clinician best " + hits + "/200, mean expected days lost " + lost / 200);
        assertThat(hits).isLessThan(100);
        assertThat(lost / 200).isGreaterThan(1.0);
    }

    @Test
    void theBestProtocolMaximisesExpectedSurvival() {
        SimulatedPatient p = cohort(1, 5).get(0);
        double[] expected = p.expectedSurvivalDays();
        for (int i = 0; i < expected.length; i++) {
            assertThat(expected[i]).isLessThanOrEqualTo(expected[p.bestIndex()]);
        }
        assertThat(ProtocolSpace.isValid(p.bestProtocol())).isTrue();
    }

    @Test
    void platinumSuitsHypovascularAndAnthracyclinesHypervascularTumours() {
        TumourPhenotype hypo = new TumourPhenotype(0.1, 0.1, 4);
        TumourPhenotype hyper = new TumourPhenotype(0.9, 0.1, 4);
        var oxaliplatin = dev.vigil.worldmodel.protocol.TaceComponent.OXALIPLATIN;
        var epirubicin = dev.vigil.worldmodel.protocol.TaceComponent.EPIRUBICIN;
        assertThat(ResponseModel.efficacy(oxaliplatin, hypo)).isGreaterThan(ResponseModel.efficacy(epirubicin, hypo));
        assertThat(ResponseModel.efficacy(epirubicin, hyper)).isGreaterThan(ResponseModel.efficacy(oxaliplatin, hyper));
        // Hand-computed: 0.15 + 0.45 (1 - 0.1) = 0.555; 0.15 + 0.55 x 0.9 = 0.645.
        assertThat(ResponseModel.efficacy(oxaliplatin, hypo)).isCloseTo(0.555, within(1e-12));
        assertThat(ResponseModel.efficacy(epirubicin, hyper)).isCloseTo(0.645, within(1e-12));
    }

    @Test
    void responseFollowsTheDocumentedEquations() {
        HccPatient patient = cohort(1, 3).get(0).patient();
        TaceProtocol protocol = TaceProtocol.parse("Epirubicin; Mitomycin; Lipiodol; Gelatin Sponge");
        TumourPhenotype ph = patient.phenotype();
        double e1 = ResponseModel.efficacy(dev.vigil.worldmodel.protocol.TaceComponent.EPIRUBICIN, ph);
        double e2 = ResponseModel.efficacy(dev.vigil.worldmodel.protocol.TaceComponent.MITOMYCIN, ph);
        double logKill = Math.max(e1, e2) + 0.5 * Math.min(e1, e2)
                + ResponseModel.efficacy(dev.vigil.worldmodel.protocol.TaceComponent.LIPIODOL, ph)
                + ResponseModel.efficacy(dev.vigil.worldmodel.protocol.TaceComponent.GELATIN_SPONGE, ph);
        TreatmentResponse response = ResponseModel.respond(patient, protocol);
        assertThat(response.logKill()).isCloseTo(logKill, within(1e-12));
        double k = 1 - Math.exp(-logKill);
        double v = patient.tumourVolumeMl();
        double n = ph.necroticFraction();
        double after = v * n + v * (1 - n) * (1 - k) + v * (1 - n) * k * 0.4;
        assertThat(response.volumeAfterMl()).isCloseTo(after, within(1e-9));
        assertThat(response.shrinkFraction()).isCloseTo((1 - n) * k * 0.6, within(1e-12));
        assertThat(response.residualViableMl()).isCloseTo(v * (1 - n) * (1 - k), within(1e-9));
    }

    @Test
    void expectedSurvivalIsTheMeanOfTheWeibull() {
        // E[T] = integral of S(t) dt, by the trapezoidal rule to 60000 days.
        double eta = 1.3;
        double integral = 0;
        double step = 0.5;
        for (double t = 0; t < 60_000; t += step) {
            integral += step * (SurvivalModel.survival(t, eta) + SurvivalModel.survival(t + step, eta)) / 2;
        }
        assertThat(SurvivalModel.expectedSurvivalDays(eta)).isCloseTo(integral, within(0.01));
        // Inversion: S(T(u)) = u.
        assertThat(SurvivalModel.survival(SurvivalModel.survivalTimeDays(eta, 0.3), eta)).isCloseTo(0.3,
                within(1e-12));
    }

    @Test
    void cohortStatisticsArePlausible() {
        List<SimulatedPatient> patients = cohort(1000, 13);
        Map<String, Integer> given = new TreeMap<>();
        double[] observed = new double[patients.size()];
        int deaths = 0;
        int contraindicated = 0;
        var rules = dev.vigil.safety.contraindication.ContraindicationRuleSet.shipped();
        for (int i = 0; i < patients.size(); i++) {
            SimulatedPatient p = patients.get(i);
            given.merge(p.givenProtocol().label(), 1, Integer::sum);
            observed[i] = p.survivalDays();
            deaths += p.died() ? 1 : 0;
            contraindicated += rules.evaluate(p.patient().covariates()).contraindicated() ? 1 : 0;
        }
        java.util.Arrays.sort(observed);
        String mostCommon = given.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.println("1000 patients: median death time " + observed[500] + " days, deaths observed " + deaths
                + ", contraindicated " + contraindicated + ", most common given " + mostCommon + " x "
                + given.get(mostCommon) + ", distinct given " + given.size());
        // Median overall survival after TACE is of the order of 1.5-3 years in BCLC B series.
        assertThat(observed[500]).isBetween(365.0, 1100.0);
        assertThat(deaths).isBetween(300, 900);
        assertThat(mostCommon).isEqualTo("Epirubicin; Lipiodol; Gelatin Sponge");
        assertThat(contraindicated).isBetween(30, 250);
    }

    @Test
    void houseRulesOfTheClinician() {
        var a = dev.vigil.safety.contraindication.ChildPughClass.A;
        var b = dev.vigil.safety.contraindication.ChildPughClass.B;
        assertThat(ClinicianModel.rules(0.8, 6, a).label()).isEqualTo("Raltitrexed; Epirubicin; Lipiodol; Gelatin Sponge");
        assertThat(ClinicianModel.rules(0.8, 6, b).label()).isEqualTo("Epirubicin; Lipiodol; Gelatin Sponge");
        assertThat(ClinicianModel.rules(0.3, 2.5, a).label()).isEqualTo("Oxaliplatin; Lipiodol");
        assertThat(ClinicianModel.rules(0.6, 9, b).label()).isEqualTo("Epirubicin; Lipiodol; PVA");
    }

    @Test
    void bclcStagingFollowsTheSimplifiedRules() {
        var none = dev.vigil.safety.contraindication.PortalVeinThrombus.NONE;
        var a = dev.vigil.safety.contraindication.ChildPughClass.A;
        assertThat(HccPatientSampler.bclc(dev.vigil.safety.contraindication.ChildPughClass.C, 0, none, 1, 2))
                .isEqualTo(dev.vigil.safety.contraindication.BclcStage.D);
        assertThat(HccPatientSampler.bclc(a, 3, none, 1, 2)).isEqualTo(dev.vigil.safety.contraindication.BclcStage.D);
        assertThat(HccPatientSampler.bclc(a, 0, dev.vigil.safety.contraindication.PortalVeinThrombus.BRANCH, 1, 2))
                .isEqualTo(dev.vigil.safety.contraindication.BclcStage.C);
        assertThat(HccPatientSampler.bclc(a, 0, none, 1, 1.8)).isEqualTo(dev.vigil.safety.contraindication.BclcStage.STAGE_0);
        assertThat(HccPatientSampler.bclc(a, 0, none, 1, 7)).isEqualTo(dev.vigil.safety.contraindication.BclcStage.A);
        assertThat(HccPatientSampler.bclc(a, 0, none, 3, 2.5)).isEqualTo(dev.vigil.safety.contraindication.BclcStage.A);
        assertThat(HccPatientSampler.bclc(a, 0, none, 2, 4)).isEqualTo(dev.vigil.safety.contraindication.BclcStage.B);
    }

    @Test
    void samePatientIndexIsTheSameInCohortsOfAnySize() {
        SimulatedPatient small = cohort(3, 99).get(2);
        SimulatedPatient large = cohort(10, 99).get(2);
        assertThat(large.patient().covariates()).isEqualTo(small.patient().covariates());
        assertThat(large.expectedSurvivalDays()).containsExactly(small.expectedSurvivalDays());
    }
}
