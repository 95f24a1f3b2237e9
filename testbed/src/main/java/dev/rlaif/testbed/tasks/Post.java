package dev.rlaif.testbed.tasks;

import java.util.List;

/**
 * A synthsumm post with what it was generated from.
 *
 * @param text            the post as the policy sees it
 * @param facts           its key facts
 * @param reference       the SFT reference summary, possibly deliberately flawed
 * @param referenceDefect how the reference is flawed, {@link ReferenceDefect#NONE} if it is not
 */
public record Post(String id, String text, List<KeyFact> facts, String reference, ReferenceDefect referenceDefect) {

    /** The flaws the imperfect-reference knob puts into SFT references. */
    public enum ReferenceDefect {
        NONE, MISSING_FACT, WRONG_DETAIL, PLAN_AS_FACT
    }

    /** The summary that reports every key fact concisely and nothing else. */
    public String idealSummary() {
        StringBuilder sb = new StringBuilder();
        for (KeyFact f : facts) {
            sb.append(sb.isEmpty() ? "" : " ").append(f.summaryClause());
        }
        return sb.toString();
    }

    public PromptExample toPromptExample() {
        return new PromptExample(id, text, reference);
    }
}
