package dev.rlaif.judge.labeling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Every labeling option of a run, named as in the RLAIF and Constitutional AI papers. The defaults
 * ({@link #defaults()}) are the paper's plain setup: summarization, base preamble, zero-shot, both
 * orders, no chain-of-thought.
 *
 * @param method which labeler: the RLAIF preference prompt or Constitutional AI's multiple choice
 * @param task summarization, helpful_dialogue, harmless_dialogue, or custom (then {@code customTemplate})
 * @param customTemplate the user-defined template when {@code task} is custom, else null
 * @param preamble base or detailed
 * @param fewShotPath a JSONL file of exemplars (see {@link FewShotExemplar#load}), or null for zero-shot
 * @param positionDebiasing score both orders, map the swapped one back and average
 * @param chainOfThought ask for a rationale first, then score with the rationale appended
 * @param selfConsistency rationales per order: 1 is one greedy rationale (T = 0); k > 1 samples k at {@code selfConsistencyTemperature} and averages
 * @param selfConsistencyTemperature sampling temperature of self-consistency rationales (the paper: 1.0)
 * @param selfConsistencyTopK top-k for those samples (the paper: 40) on servers that accept {@code top_k}, or null to not send it
 * @param rationaleMaxTokens the longest rationale (the paper: 512)
 * @param topLogprobs alternatives requested per position; at least 10 for ratings (OpenAI allows up to 20)
 * @param voteFallback when log-probabilities are missing, sample {@code voteSamples} answers and use the vote share
 * @param voteSamples answers sampled by the vote fallback
 * @param principlesPath a JSONL constitution (see {@code Constitution#load}), or null for the built-in one
 * @param principles principles sampled and ensembled per comparison (Constitutional AI)
 * @param seed seeds principle sampling and the sampled calls
 */
public record LabelingSettings(Method method, String task, TaskTemplate customTemplate, Preamble preamble, String fewShotPath, boolean positionDebiasing, boolean chainOfThought, int selfConsistency, double selfConsistencyTemperature, Integer selfConsistencyTopK, int rationaleMaxTokens, int topLogprobs, boolean voteFallback, int voteSamples, String principlesPath, int principles, long seed) {

    /** Which prompt family labels the pairs. */
    public enum Method {
        RLAIF, CONSTITUTIONAL
    }

    public LabelingSettings {
        method = method == null ? Method.RLAIF : method;
        task = task == null ? "summarization" : task;
        preamble = preamble == null ? Preamble.BASE : preamble;
        if (selfConsistency < 1 || voteSamples < 1 || principles < 1 || rationaleMaxTokens < 1) {
            throw new IllegalArgumentException("selfConsistency, voteSamples, principles and rationaleMaxTokens must be ≥ 1");
        }
        if (topLogprobs < 2) {
            throw new IllegalArgumentException("topLogprobs must be at least 2 to see both answers");
        }
        if ("custom".equalsIgnoreCase(task) && customTemplate == null) {
            throw new IllegalArgumentException("task custom needs a customTemplate");
        }
    }

    public static LabelingSettings defaults() {
        return new LabelingSettings(Method.RLAIF, "summarization", null, Preamble.BASE, null, true, false, 1, 1.0,
                null, 512, 20, false, 8, null, 1, 0L);
    }

    /** Reads settings from JSON; every absent field takes its {@link #defaults()} value. */
    @JsonCreator
    static LabelingSettings fromJson(@JsonProperty("method") Method method, @JsonProperty("task") String task,
            @JsonProperty("customTemplate") TaskTemplate customTemplate, @JsonProperty("preamble") Preamble preamble,
            @JsonProperty("fewShotPath") String fewShotPath,
            @JsonProperty("positionDebiasing") Boolean positionDebiasing,
            @JsonProperty("chainOfThought") Boolean chainOfThought,
            @JsonProperty("selfConsistency") Integer selfConsistency,
            @JsonProperty("selfConsistencyTemperature") Double selfConsistencyTemperature,
            @JsonProperty("selfConsistencyTopK") Integer selfConsistencyTopK,
            @JsonProperty("rationaleMaxTokens") Integer rationaleMaxTokens,
            @JsonProperty("topLogprobs") Integer topLogprobs, @JsonProperty("voteFallback") Boolean voteFallback,
            @JsonProperty("voteSamples") Integer voteSamples, @JsonProperty("principlesPath") String principlesPath,
            @JsonProperty("principles") Integer principles, @JsonProperty("seed") Long seed) {
        LabelingSettings d = defaults();
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath,
                positionDebiasing != null ? positionDebiasing : d.positionDebiasing(),
                chainOfThought != null ? chainOfThought : d.chainOfThought(),
                selfConsistency != null ? selfConsistency : d.selfConsistency(),
                selfConsistencyTemperature != null ? selfConsistencyTemperature : d.selfConsistencyTemperature(),
                selfConsistencyTopK,
                rationaleMaxTokens != null ? rationaleMaxTokens : d.rationaleMaxTokens(),
                topLogprobs != null ? topLogprobs : d.topLogprobs(),
                voteFallback != null ? voteFallback : d.voteFallback(),
                voteSamples != null ? voteSamples : d.voteSamples(), principlesPath,
                principles != null ? principles : d.principles(), seed != null ? seed : d.seed());
    }

    /** The paper's best summarization setup: detailed preamble, chain-of-thought, zero-shot, both orders. */
    public static LabelingSettings paperBest() {
        return defaults().withPreamble(Preamble.DETAILED).withChainOfThought(true);
    }

    public boolean usesCustomTemplate() {
        return "custom".equals(task.toLowerCase(Locale.ROOT));
    }

    /** A user-defined template: sets {@code task} to custom. */
    public LabelingSettings withCustomTask(TaskTemplate template) {
        return new LabelingSettings(method, "custom", template, preamble, fewShotPath, positionDebiasing,
                chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens,
                topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    /** The template this run's prompts are built from. */
    public TaskTemplate template() {
        return usesCustomTemplate() ? customTemplate : TaskTemplate.builtIn(task);
    }

    public LabelingSettings withMethod(Method value) {
        return new LabelingSettings(value, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withTask(String value) {
        return new LabelingSettings(method, value, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withCustomTemplate(TaskTemplate value) {
        return new LabelingSettings(method, task, value, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withPreamble(Preamble value) {
        return new LabelingSettings(method, task, customTemplate, value, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withFewShotPath(String value) {
        return new LabelingSettings(method, task, customTemplate, preamble, value, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withPositionDebiasing(boolean value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, value, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withChainOfThought(boolean value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, value, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withSelfConsistency(int value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, value, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withSelfConsistencyTemperature(double value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, value, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withSelfConsistencyTopK(Integer value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, value, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withRationaleMaxTokens(int value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, value, topLogprobs, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withTopLogprobs(int value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, value, voteFallback, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withVoteFallback(boolean value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, value, voteSamples, principlesPath, principles, seed);
    }

    public LabelingSettings withVoteSamples(int value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, value, principlesPath, principles, seed);
    }

    public LabelingSettings withPrinciplesPath(String value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, value, principles, seed);
    }

    public LabelingSettings withPrinciples(int value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, value, seed);
    }

    public LabelingSettings withSeed(long value) {
        return new LabelingSettings(method, task, customTemplate, preamble, fewShotPath, positionDebiasing, chainOfThought, selfConsistency, selfConsistencyTemperature, selfConsistencyTopK, rationaleMaxTokens, topLogprobs, voteFallback, voteSamples, principlesPath, principles, value);
    }
}
