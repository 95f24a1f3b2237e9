package dev.rlaif.judge.rating;

import dev.rlaif.judge.labeling.JudgeCall;
import dev.rlaif.judge.labeling.LabelSource;
import dev.rlaif.judge.softlabel.RatingDistribution;
import java.time.Duration;
import java.util.List;

/**
 * A direct-RLAIF rating of one response.
 *
 * @param reward Σ i·P(i) rescaled to [−1, 1]: the RL reward
 * @param expectedScore Σ i·P(i), in [1, 10]
 * @param distribution P(i) over the ten scores
 * @param source log-probabilities, or votes when the fallback sampled ratings
 * @param calls the calls made (prompt, raw log-probabilities, usage, latency)
 * @param latency wall time of the rating
 */
public record Rating(double reward, double expectedScore, RatingDistribution distribution, LabelSource source,
        List<JudgeCall> calls, Duration latency) {

    public Rating {
        calls = List.copyOf(calls);
    }
}
