package dev.rlaif.testbed.judgesim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.testbed.judgesim.SimulatedJudge.SingleToken;
import dev.rlaif.testbed.judgesim.SimulatedJudge.TokenLogprob;
import dev.rlaif.testbed.raters.Preference;
import dev.rlaif.testbed.raters.SimulatedHumans;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testbed.tasks.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size presets order as the paper reports: larger labelers align better and are less position-biased. */
class JudgeSizeAlignmentTest {

    private static final List<PreferencePair> PAIRS = new SynthSumm(31).preferencePairs(1200);
    private static final SimulatedHumans HUMANS = new SimulatedHumans(Task.SYNTHSUMM, 31);

    record Measured(double alignment, double positionBiasRate) {
    }

    @Test
    void alignmentRisesAndPositionBiasFallsWithSize() {
        Measured xs = measure(JudgeSize.XS);
        Measured s = measure(JudgeSize.S);
        Measured l = measure(JudgeSize.L);
        assertThat(xs.alignment()).isLessThan(s.alignment());
        assertThat(s.alignment()).isLessThan(l.alignment());
        assertThat(xs.positionBiasRate()).isGreaterThan(s.positionBiasRate());
        assertThat(s.positionBiasRate()).isGreaterThan(l.positionBiasRate());
    }

    @Test
    void chainOfThoughtImprovesAlignmentALittle() {
        for (JudgeSize size : JudgeSize.values()) {
            assertThat(measure(size, true).alignment()).isGreaterThan(measure(size, false).alignment());
        }
    }

    private static Measured measure(JudgeSize size) {
        return measure(size, false);
    }

    private static Measured measure(JudgeSize size, boolean chainOfThought) {
        SimulatedJudge judge = new SimulatedJudge(JudgeSimulatorConfig.defaults().withSize(size));
        int aligned = 0;
        int samePosition = 0;
        for (PreferencePair p : PAIRS) {
            double ab = probabilityFirst(judge, p.prompt(), p.responseA(), p.responseB(), chainOfThought);
            double ba = probabilityFirst(judge, p.prompt(), p.responseB(), p.responseA(), chainOfThought);
            Preference judged = (ab + 1 - ba) / 2 > 0.5 ? Preference.A : Preference.B;
            aligned += judged == HUMANS.preference(0, p.prompt(), p.responseA(), p.responseB()) ? 1 : 0;
            samePosition += (ab > 0.5) == (ba > 0.5) ? 1 : 0;
        }
        return new Measured(aligned / (double) PAIRS.size(), samePosition / (double) PAIRS.size());
    }

    private static double probabilityFirst(SimulatedJudge judge, String post, String first, String second,
            boolean chainOfThought) {
        String sample = "Text - " + post + "\nSummary 1 - " + first + "\nSummary 2 - " + second + "\n";
        String rationale = chainOfThought ? "Rationale: " + ((SimulatedJudge.FreeText) judge.answer(sample
                + "\nExplain which summary is better.\nRationale:", 0.0, null)).text() + "\n" : "";
        String prompt = sample + rationale + "Preferred Summary=";
        List<TokenLogprob> tokens = ((SingleToken) judge.answer(prompt, 0.0, null)).distribution();
        double one = tokens.stream().filter(t -> t.token().equals("1")).findFirst().orElseThrow().logprob();
        double two = tokens.stream().filter(t -> t.token().equals("2")).findFirst().orElseThrow().logprob();
        return 1 / (1 + Math.exp(two - one));
    }
}
