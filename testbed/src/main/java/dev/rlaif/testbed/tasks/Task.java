package dev.rlaif.testbed.tasks;

/**
 * The built-in tasks with their gold utility (what the simulated humans value) and the humans'
 * Bradley–Terry preference model on it.
 */
public enum Task {
    SYNTHSUMM(SynthSumm.NAME),
    SYNTHHARM(SynthHarm.NAME);

    /**
     * Temperature of the simulated humans' Bradley–Terry model, in utility units: P(a over b) =
     * sigmoid((u_a - u_b) / T). Tuned so that two simulated raters agree on about 75 % of the
     * bench's synthsumm pairs, what TL;DR raters reach.
     */
    public static final double HUMAN_TEMPERATURE = 0.75;

    private final String taskName;

    Task(String taskName) {
        this.taskName = taskName;
    }

    /** The task's name in data sets and run specs: {@code synthsumm}, {@code synthharm}. */
    public String taskName() {
        return taskName;
    }

    public static Task named(String name) {
        for (Task t : values()) {
            if (t.taskName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (synthsumm or synthharm)");
    }

    /** The gold utility of a response to a prompt (a synthsumm post, a synthharm request). */
    public double goldUtility(String prompt, String response) {
        return switch (this) {
            case SYNTHSUMM -> SummaryUtility.gold(prompt, response);
            case SYNTHHARM -> SynthHarm.goldUtility(prompt, response);
        };
    }

    /** The simulated humans' probability that response a is better than b. */
    public double goldPreference(String prompt, String a, String b) {
        return sigmoid((goldUtility(prompt, a) - goldUtility(prompt, b)) / HUMAN_TEMPERATURE);
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
