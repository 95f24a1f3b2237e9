package dev.rlaif.testbed.raters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testbed.tasks.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedHumanRaterTest {

    private static final List<PreferencePair> PAIRS = new SynthSumm(21).preferencePairs(1500);
    private final SimulatedHumans humans = new SimulatedHumans(Task.SYNTHSUMM, 21);

    @Test
    void twoRatersAgreeAboutAsOftenAsTldrRaters() {
        assertThat(humans.agreement(PAIRS, 0, 1)).isBetween(0.70, 0.80);
        assertThat(humans.meanAgreement(PAIRS, 4)).isBetween(0.70, 0.80);
    }

    @Test
    void aRaterGivesTheSameLabelWhenAskedAgain() {
        PreferencePair p = PAIRS.getFirst();
        Preference first = humans.preference(3, p.prompt(), p.responseA(), p.responseB());
        assertThat(new SimulatedHumans(Task.SYNTHSUMM, 21).preference(3, p.prompt(), p.responseA(), p.responseB()))
                .isEqualTo(first);
    }

    @Test
    void labelsFollowTheBradleyTerryProbabilityOnAverage() {
        SimulatedHumanRater rater = humans.rater(0);
        double expected = 0;
        int chosenA = 0;
        for (PreferencePair p : PAIRS) {
            expected += rater.probabilityAPreferred(p.prompt(), p.responseA(), p.responseB());
            chosenA += rater.prefer(p.prompt(), p.responseA(), p.responseB()) == Preference.A ? 1 : 0;
        }
        assertThat(chosenA / (double) PAIRS.size()).isCloseTo(expected / PAIRS.size(),
                org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void aLargerUtilityGapMakesTheBetterResponseMoreLikely() {
        String post = new SynthSumm(1).post(0).text();
        String ideal = new SynthSumm(1).post(0).idealSummary();
        String oneFact = new SynthSumm(1).post(0).facts().getFirst().summaryClause();
        SimulatedHumanRater rater = humans.rater(0);
        double close = rater.probabilityAPreferred(post, ideal, ideal + " " + oneFact);
        double far = rater.probabilityAPreferred(post, ideal, oneFact);
        assertThat(far).isGreaterThan(close).isGreaterThan(0.5);
        assertThat(rater.probabilityAPreferred(post, ideal, ideal)).isEqualTo(0.5);
    }

    @Test
    void ratersMostlyFollowTheGoldUtilityButNotAlways() {
        long agreeWithGold = PAIRS.stream().filter(p -> (p.preference() >= 0.5 ? Preference.A : Preference.B)
                == humans.preference(0, p.prompt(), p.responseA(), p.responseB())).count();
        assertThat(agreeWithGold / (double) PAIRS.size()).isBetween(0.78, 0.90);
    }

    @Test
    void goldUtilityIsTheTasksUtility() {
        PreferencePair p = PAIRS.get(5);
        assertThat(humans.goldUtility(p.prompt(), p.responseA())).isEqualTo(Task.SYNTHSUMM.goldUtility(p.prompt(),
                p.responseA()));
    }
}
