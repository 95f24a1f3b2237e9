package dev.rlaif.testbed.raters;

import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.Task;
import java.util.List;

/**
 * The panel of simulated human raters of a task: the stand-in for humans (Gao et al. 2022's gold
 * reward), used for human-rated win rates and as the reference for judge alignment.
 */
public final class SimulatedHumans {

    private final Task task;
    private final long seed;

    public SimulatedHumans(Task task, long seed) {
        this.task = task;
        this.seed = seed;
    }

    public Task task() {
        return task;
    }

    public SimulatedHumanRater rater(int id) {
        return new SimulatedHumanRater(task, id, seed);
    }

    /** Rater {@code raterId}'s preference between responses a and b to the prompt. */
    public Preference preference(int raterId, String prompt, String a, String b) {
        return rater(raterId).prefer(prompt, a, b);
    }

    /** The gold utility of a response: what the humans value, without their noise. */
    public double goldUtility(String prompt, String response) {
        return task.goldUtility(prompt, response);
    }

    /** Share of pairs on which two raters give the same label. */
    public double agreement(List<PreferencePair> pairs, int raterX, int raterY) {
        long same = pairs.stream()
                .filter(p -> preference(raterX, p.prompt(), p.responseA(), p.responseB())
                        == preference(raterY, p.prompt(), p.responseA(), p.responseB()))
                .count();
        return pairs.isEmpty() ? Double.NaN : (double) same / pairs.size();
    }

    /** Mean agreement over all pairs of distinct raters among the first {@code raters}. */
    public double meanAgreement(List<PreferencePair> pairs, int raters) {
        double sum = 0;
        int n = 0;
        for (int x = 0; x < raters; x++) {
            for (int y = x + 1; y < raters; y++) {
                sum += agreement(pairs, x, y);
                n++;
            }
        }
        return sum / n;
    }
}
