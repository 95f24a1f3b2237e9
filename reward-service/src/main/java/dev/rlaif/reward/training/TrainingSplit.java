package dev.rlaif.reward.training;

import dev.rlaif.reward.labels.StoredLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The held-out validation split: a pair is held out when a hash of (seed, pair id) falls below the
 * validation fraction, so the split does not depend on the order labels arrived in and is the same on
 * every retry of the stage.
 */
public record TrainingSplit(List<StoredLabel> train, List<StoredLabel> heldOut) {

    public static TrainingSplit of(List<StoredLabel> labels, double validationFraction, long seed) {
        List<StoredLabel> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing(StoredLabel::pairId));
        List<StoredLabel> train = new ArrayList<>();
        List<StoredLabel> heldOut = new ArrayList<>();
        StoredLabel lowest = null;
        for (StoredLabel label : sorted) {
            double u = uniform(seed, label);
            if (lowest == null || u < uniform(seed, lowest)) {
                lowest = label;
            }
            (u < validationFraction ? heldOut : train).add(label);
        }
        // a positive fraction of a small data set still holds out one pair, as long as one is left to train on
        if (validationFraction > 0 && heldOut.isEmpty() && train.size() >= 2) {
            train.remove(lowest);
            heldOut.add(lowest);
        }
        return new TrainingSplit(List.copyOf(train), List.copyOf(heldOut));
    }

    private static double uniform(long seed, StoredLabel label) {
        long z = seed * 0x9E3779B97F4A7C15L ^ label.pairId().getMostSignificantBits() * 31 ^ label.pairId().getLeastSignificantBits();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
