package dev.vigil.offlinerl.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.algo.continuous.MlpSnapshot;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.offlinerl.objective.SofaStepReward;
import dev.vigil.safety.cost.CostModel;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OPE of the ICU experiments on a tiny held-out logged cohort. */
class IcuOpeTest {

    private static TrajectoryDataset logged;
    private static IcuOpe ope;

    /** 500 mL of fluid and no vasopressor, whatever the state. */
    private static final ContinuousPolicy CONSTANT = new ContinuousPolicy() {
        @Override
        public int stateDimension() {
            return logged.schema().features().size();
        }

        @Override
        public int actionDimension() {
            return 2;
        }

        @Override
        public double[] act(double[] state) {
            return new double[] {500, 0};
        }

        @Override
        public MlpSnapshot network() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PolicyProvenance provenance() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FitReport report() {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeAll
    static void prepare() throws Exception {
        logged = IcuSepsisExperiment.ingest(60, 9);
        ope = IcuOpe.prepare(logged, CostModel.compile(CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS),
                logged.schema()), 1);
    }

    @Test
    void theLoggedReturnIsTheMeanSofaReturnOfTheEpisodes() {
        SofaStepReward sofa = SofaStepReward.forSchema(logged.schema());
        int horizon = logged.episodes().stream().mapToInt(Episode::steps).max().orElseThrow();
        double mean = logged.episodes().stream().mapToDouble(e -> Arrays.stream(sofa.episodeRewards(e, horizon, 1, -1))
                .sum()).average().orElseThrow();
        assertThat(ope.loggedReturn()).isCloseTo(mean, within(1e-9));
        // 18 blocs of -2.5 to -12.5 plus +-1.
        assertThat(ope.loggedReturn()).isBetween(-18 * 12.5 - 1, -18 * 2.5 + 1);
    }

    @Test
    void theCliniciansWisIsTheirOnPolicyReturnAndAPolicyGetsFiniteEstimates() {
        IcuOpe.Estimates policy = ope.evaluate("constant", CONSTANT, new double[CONSTANT.stateDimension()]);
        IcuOpe.Estimates clinicians = ope.clinicians();

        // The clinicians' estimated policy weighs every logged episode 1: WIS is the logged mean, ESS all episodes.
        assertThat(clinicians.wis().estimate()).isCloseTo(ope.loggedReturn(), within(1e-9));
        assertThat(clinicians.wisEss()).isCloseTo(60, within(1e-6));
        assertThat(clinicians.wis().lower()).isLessThanOrEqualTo(clinicians.wis().upper());
        for (IcuOpe.Interval i : new IcuOpe.Interval[] {policy.wis(), policy.wdr(), policy.fqe()}) {
            assertThat(i.estimate()).isFinite();
            assertThat(i.lower()).isLessThanOrEqualTo(i.upper());
        }
        assertThat(policy.wisEss()).isBetween(1.0, 60.0);
        assertThat(policy.cost()).isFinite().isNotNegative();
    }

    @Test
    void cliniciansNeedAnEvaluatedPolicyFirst() throws Exception {
        IcuOpe fresh = IcuOpe.prepare(logged, CostModel.compile(CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS),
                logged.schema()), 2);
        assertThatThrownBy(fresh::clinicians).isInstanceOf(IllegalStateException.class);
    }
}
