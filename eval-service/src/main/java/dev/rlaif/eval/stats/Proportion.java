package dev.rlaif.eval.stats;

/** A share of successes with its 95 % Wilson interval (harmless rate). */
public record Proportion(double rate, Interval interval, int successes, int n) {

    public static Proportion of(int successes, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a proportion needs at least one trial");
        }
        return new Proportion((double) successes / n, Wilson.interval95(successes, n), successes, n);
    }
}
