package dev.rlaif.judge.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated position.
 *
 * @param token the token that was generated
 * @param logprob its log-probability
 * @param topLogprobs the most likely tokens at this position and their log-probabilities, most likely
 *     first; tokens with the same text (distinct ids) are already merged by log-sum-exp
 */
public record GeneratedToken(String token, double logprob, Map<String, Double> topLogprobs) {

    public GeneratedToken {
        topLogprobs = Collections.unmodifiableMap(new LinkedHashMap<>(topLogprobs));
    }
}
