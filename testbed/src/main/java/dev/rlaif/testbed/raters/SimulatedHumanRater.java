package dev.rlaif.testbed.raters;

import dev.rlaif.testbed.Seeds;
import dev.rlaif.testbed.tasks.Task;

/**
 * One simulated human: the task's gold utility seen through Bradley–Terry noise,
 * P(a over b) = sigmoid((u_a - u_b) / T_r). Each rater's temperature T_r differs a little from the
 * panel's (some raters are more careful than others). A rater's label for a given (prompt, a, b)
 * is fixed by its seed and id, so asking again gives the same answer; different raters draw
 * independently, which is what makes them disagree.
 */
public record SimulatedHumanRater(Task task, int id, long seed) {

    /** How far a rater's temperature may stray from {@link Task#HUMAN_TEMPERATURE}, either way. */
    static final double TEMPERATURE_SPREAD = 0.15;

    public double temperature() {
        double u = Seeds.uniform(Seeds.key(seed, "rater-temperature", task.taskName(), Integer.toString(id)));
        return Task.HUMAN_TEMPERATURE * (1.0 - TEMPERATURE_SPREAD + 2 * TEMPERATURE_SPREAD * u);
    }

    /** This rater's probability of preferring a. */
    public double probabilityAPreferred(String prompt, String a, String b) {
        double du = task.goldUtility(prompt, a) - task.goldUtility(prompt, b);
        return 1.0 / (1.0 + Math.exp(-du / temperature()));
    }

    /** This rater's label for the pair. */
    public Preference prefer(String prompt, String a, String b) {
        double draw = Seeds.uniform(Seeds.key(seed, "rater-label", task.taskName(), Integer.toString(id), prompt, a,
                b));
        return draw < probabilityAPreferred(prompt, a, b) ? Preference.A : Preference.B;
    }
}
