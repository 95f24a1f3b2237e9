package dev.rlaif.judge.labeling;

import java.util.List;

/**
 * Builds the RLAIF prompts (2309.00267 §3.1): preamble, optional exemplars, the sample, the ending.
 * Chain-of-thought splits it in two: the sample followed by the rationale request ending in {@code
 * Rationale:}, then the same text with the rationale and the ending appended.
 */
public final class PairwisePrompts {

    static final String RATIONALE = "Rationale:";

    private final TaskTemplate template;
    private final Preamble preamble;
    private final List<FewShotExemplar> exemplars;
    private final boolean chainOfThought;

    public PairwisePrompts(TaskTemplate template, Preamble preamble, List<FewShotExemplar> exemplars,
            boolean chainOfThought) {
        this.template = template;
        this.preamble = preamble;
        this.exemplars = List.copyOf(exemplars);
        this.chainOfThought = chainOfThought;
    }

    /** Preamble, exemplars and the sample with the candidates in the given order; no ending yet. */
    public String body(ComparisonPair pair, Order order) {
        StringBuilder prompt = new StringBuilder(template.preamble(preamble).strip()).append("\n\n");
        for (FewShotExemplar e : exemplars) {
            prompt.append(template.fill(e.context(), e.response1(), e.response2(), e.attributes()));
            if (chainOfThought && e.rationale() != null) {
                prompt.append('\n').append(template.rationaleRequest()).append('\n')
                        .append(RATIONALE).append(' ').append(e.rationale().strip()).append('\n');
            }
            prompt.append(template.ending()).append(e.preferred()).append("\n\n");
        }
        String first = order.aShownFirst() ? pair.responseA() : pair.responseB();
        String second = order.aShownFirst() ? pair.responseB() : pair.responseA();
        prompt.append(template.fill(pair.context(), first, second, pair.attributes()));
        return prompt.toString();
    }

    /** The one-step prompt whose next token is scored. */
    public String scoring(ComparisonPair pair, Order order) {
        return body(pair, order) + template.ending();
    }

    /** Chain-of-thought step one: asks for the rationale. A blank line keeps it apart from the sample. */
    public String rationaleRequest(ComparisonPair pair, Order order) {
        return body(pair, order) + "\n" + template.rationaleRequest() + "\n" + RATIONALE;
    }

    /** Chain-of-thought step two: the step-one prompt, the rationale, then the ending to score. */
    public String scoringWithRationale(String rationaleRequest, String rationale) {
        return rationaleRequest + " " + rationale + "\n" + template.ending();
    }

    /** A rationale as the judge wrote it, cut where it started to answer on its own. */
    public String cleanRationale(String generated) {
        String r = generated.strip();
        int ending = r.indexOf(template.ending());
        if (ending >= 0) {
            r = r.substring(0, ending).strip();
        }
        return r;
    }

    public TaskTemplate template() {
        return template;
    }
}
