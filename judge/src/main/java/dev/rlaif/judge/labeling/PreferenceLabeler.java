package dev.rlaif.judge.labeling;

/**
 * Labels one pair with an AI preference. Blocking and safe to call from many (virtual) threads;
 * each call fans its judge calls out on virtual threads of its own.
 *
 * <p>Throws {@link dev.rlaif.judge.client.JudgeException} when any call the label needs fails after
 * its retries: a label is either complete or not produced.
 */
public interface PreferenceLabeler {

    PreferenceLabel label(ComparisonPair pair);
}
