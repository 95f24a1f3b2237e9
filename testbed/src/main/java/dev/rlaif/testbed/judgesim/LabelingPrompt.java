package dev.rlaif.testbed.judgesim;

/**
 * What the simulator understood a prompt to ask. The last occurrence of the markers is the sample
 * (earlier ones are few-shot exemplars); the prompt's ending, after trailing whitespace, decides the
 * kind. Markers count only at the start of a line.
 */
sealed interface LabelingPrompt {

    String TEXT = "Text - ";
    String CONTEXT = "Context - ";
    String SUMMARY_1 = "Summary 1 - ";
    String SUMMARY_2 = "Summary 2 - ";
    String RESPONSE_1 = "Response 1 - ";
    String RESPONSE_2 = "Response 2 - ";
    String SUMMARY = "Summary - ";
    String RESPONSE = "Response - ";
    String PRINCIPLE = "Principle - ";
    String OPTION_A = "Option (A) - ";
    String OPTION_B = "Option (B) - ";
    String RATIONALE = "Rationale:";
    String PREFERRED_SUMMARY = "Preferred Summary=";
    String PREFERRED_RESPONSE = "Preferred Response=";
    String RATING = "Rating=";
    String ANSWER = "Answer=(";

    enum Domain {
        SUMMARY, DIALOGUE
    }

    /** Which of two candidates is better; {@code wantsRationale} when the prompt ends {@code Rationale:}. */
    record Pairwise(Domain domain, String context, String first, String second, String rationale,
            boolean wantsRationale) implements LabelingPrompt {
    }

    /** A 1–10 rating of one response (direct RLAIF). */
    record Rating(Domain domain, String context, String response) implements LabelingPrompt {
    }

    /** Constitutional AI: which option better follows the principle. */
    record MultipleChoice(String context, String principle, String optionA, String optionB, String rationale,
            boolean wantsRationale) implements LabelingPrompt {
    }

    /** Anything else: answered with a plain short completion. */
    record Plain(String prompt) implements LabelingPrompt {
    }

    static LabelingPrompt read(String prompt) {
        String t = prompt.stripTrailing();
        if (t.endsWith(PREFERRED_SUMMARY)) {
            return pairwise(t, Domain.SUMMARY, PREFERRED_SUMMARY, false);
        }
        if (t.endsWith(PREFERRED_RESPONSE)) {
            return pairwise(t, Domain.DIALOGUE, PREFERRED_RESPONSE, false);
        }
        if (t.endsWith(RATING)) {
            int text = lastLineStart(t, TEXT);
            int context = lastLineStart(t, CONTEXT);
            return text >= context ? rating(t, Domain.SUMMARY, TEXT, SUMMARY) : rating(t, Domain.DIALOGUE, CONTEXT,
                    RESPONSE);
        }
        if (t.endsWith(ANSWER)) {
            return multipleChoice(t, ANSWER, false);
        }
        if (t.endsWith(RATIONALE)) {
            int summary = lastLineStart(t, SUMMARY_2);
            int response = lastLineStart(t, RESPONSE_2);
            int option = lastLineStart(t, OPTION_B);
            if (option > summary && option > response) {
                return multipleChoice(t, RATIONALE, true);
            }
            return summary >= response ? pairwise(t, Domain.SUMMARY, RATIONALE, true)
                    : pairwise(t, Domain.DIALOGUE, RATIONALE, true);
        }
        return new Plain(prompt);
    }

    private static LabelingPrompt pairwise(String t, Domain domain, String ending, boolean wantsRationale) {
        boolean summary = domain == Domain.SUMMARY;
        String contextMarker = summary ? TEXT : CONTEXT;
        String firstMarker = summary ? SUMMARY_1 : RESPONSE_1;
        String secondMarker = summary ? SUMMARY_2 : RESPONSE_2;
        int c = lastLineStart(t, contextMarker);
        int a = nextLineStart(t, firstMarker, c);
        int b = nextLineStart(t, secondMarker, a);
        if (c < 0 || a < 0 || b < 0) {
            return new Plain(t);
        }
        int bStart = b + secondMarker.length();
        int bEnd = lastFieldEnd(t, bStart, ending);
        return new Pairwise(domain, field(t, c, contextMarker, a), field(t, a, firstMarker, b),
                t.substring(bStart, bEnd).strip(), wantsRationale ? "" : rationale(t, bEnd, ending), wantsRationale);
    }

    private static LabelingPrompt rating(String t, Domain domain, String contextMarker, String responseMarker) {
        int c = lastLineStart(t, contextMarker);
        int r = nextLineStart(t, responseMarker, c);
        if (c < 0 || r < 0) {
            return new Plain(t);
        }
        int start = r + responseMarker.length();
        return new Rating(domain, field(t, c, contextMarker, r), t.substring(start, lastFieldEnd(t, start, RATING))
                .strip());
    }

    private static LabelingPrompt multipleChoice(String t, String ending, boolean wantsRationale) {
        int c = lastLineStart(t, CONTEXT);
        int p = nextLineStart(t, PRINCIPLE, c);
        int a = nextLineStart(t, OPTION_A, p);
        int b = nextLineStart(t, OPTION_B, a);
        if (c < 0 || p < 0 || a < 0 || b < 0) {
            return new Plain(t);
        }
        int bStart = b + OPTION_B.length();
        int bEnd = lastFieldEnd(t, bStart, ending);
        return new MultipleChoice(field(t, c, CONTEXT, p), field(t, p, PRINCIPLE, a), field(t, a, OPTION_A, b),
                t.substring(bStart, bEnd).strip(), wantsRationale ? "" : rationale(t, bEnd, ending), wantsRationale);
    }

    /** The text between a marker and the next field's marker. */
    private static String field(String t, int markerAt, String marker, int nextAt) {
        return t.substring(markerAt + marker.length(), nextAt).strip();
    }

    /** A chain-of-thought rationale written between the last candidate and the ending, or "". */
    private static String rationale(String t, int from, String ending) {
        int r = nextLineStart(t, RATIONALE, from);
        if (r < 0) {
            return "";
        }
        int end = t.endsWith(ending) ? t.length() - ending.length() : t.length();
        return end > r + RATIONALE.length() ? t.substring(r + RATIONALE.length(), end).strip() : "";
    }

    /** The last field ends at a blank line, a {@code Rationale:} line, the ending's line or the end. */
    private static int lastFieldEnd(String t, int start, String ending) {
        int end = t.endsWith(ending) ? t.length() - ending.length() : t.length();
        for (int i : new int[] {t.indexOf("\n\n", start), nextLineStart(t, RATIONALE, start),
            nextLineStart(t, ending, start)}) {
            if (i >= start && i < end) {
                end = i;
            }
        }
        return Math.max(start, end);
    }

    static int lastLineStart(String t, String marker) {
        int i = t.lastIndexOf(marker);
        while (i > 0 && t.charAt(i - 1) != '\n') {
            i = t.lastIndexOf(marker, i - 1);
        }
        return i;
    }

    static int nextLineStart(String t, String marker, int from) {
        if (from < 0) {
            return -1;
        }
        int i = t.indexOf(marker, from);
        while (i > 0 && t.charAt(i - 1) != '\n') {
            i = t.indexOf(marker, i + 1);
        }
        return i;
    }
}
