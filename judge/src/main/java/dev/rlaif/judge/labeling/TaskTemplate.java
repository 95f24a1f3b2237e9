package dev.rlaif.judge.labeling;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one kind of comparison is put to the judge.
 *
 * @param name the task's name, recorded in traces
 * @param sample the block holding one comparison, with named placeholders in braces: {@code
 *     {context}}, {@code {response_1}} and {@code {response_2}} are required (the candidates in the
 *     order shown); any other name is filled from {@link ComparisonPair#attributes()}
 * @param ending the line the answer completes, e.g. {@code Preferred Summary=}; the judge's next
 *     token is read as {@code 1} or {@code 2}
 * @param rationaleRequest the chain-of-thought instruction put before {@code Rationale:}
 * @param basePreamble the short instruction
 * @param detailedPreamble the rater-guideline instruction
 */
public record TaskTemplate(String name, String sample, String ending, String rationaleRequest, String basePreamble,
        String detailedPreamble) {

    public static final String CONTEXT = "context";
    public static final String RESPONSE_1 = "response_1";
    public static final String RESPONSE_2 = "response_2";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public TaskTemplate {
        if (name == null || sample == null || ending == null || rationaleRequest == null || basePreamble == null) {
            throw new IllegalArgumentException("a template needs a name, sample, ending, rationale request and preamble");
        }
        Set<String> names = placeholders(sample);
        for (String required : new String[] {CONTEXT, RESPONSE_1, RESPONSE_2}) {
            if (!names.contains(required)) {
                throw new IllegalArgumentException("template " + name + " lacks the {" + required + "} placeholder");
            }
        }
        if (!ending.equals(ending.strip()) || ending.isEmpty()) {
            throw new IllegalArgumentException("the ending must be non-empty without surrounding whitespace");
        }
        detailedPreamble = detailedPreamble == null ? basePreamble : detailedPreamble;
    }

    public static final TaskTemplate SUMMARIZATION = new TaskTemplate("summarization",
            "Text - {context}\nSummary 1 - {response_1}\nSummary 2 - {response_2}\n",
            "Preferred Summary=",
            "Weigh how accurate, complete and clear each summary is, then explain which of the two would serve a "
                    + "reader better.",
            """
            You will read a post and two candidate summaries of it. Decide which summary serves a reader \
            better and answer with the number of that summary, 1 or 2.""",
            """
            You are judging summaries of a post for a reader who will never see the post itself.
            A good summary is:
            - faithful: it claims nothing the post does not support and keeps names, numbers and who did what right;
            - complete: it keeps what the author most wants a reader to take away, above all any question or \
            request the post ends with;
            - clear: it reads as plain, well-formed sentences that make sense on the first pass;
            - brief: it drops detail the reader can do without; being longer earns nothing by itself.
            When both summaries have faults, prefer the one whose faults would mislead the reader less.
            Read the post, then both summaries, and answer with the number of the better summary, 1 or 2.""");

    public static final TaskTemplate HELPFUL_DIALOGUE = new TaskTemplate("helpful_dialogue",
            "Context - {context}\nResponse 1 - {response_1}\nResponse 2 - {response_2}\n",
            "Preferred Response=",
            "Weigh how well each response meets the user's actual need, how correct and specific it is, and "
                    + "explain which of the two is more helpful.",
            """
            You will read a conversation and two candidate replies for the assistant's next turn. Decide which \
            reply helps the user more and answer with its number, 1 or 2.""",
            """
            You are judging two candidate replies for the assistant's next turn in a conversation.
            A helpful reply:
            - answers what the user actually asked, including the parts that are only implied;
            - is correct, and says so plainly when it is unsure instead of inventing details;
            - is specific enough to act on: steps, examples or numbers where they help;
            - is as long as the question needs and no longer, in a tone that fits the conversation.
            When both replies fall short, prefer the one that leaves the user better off.
            Read the conversation, then both replies, and answer with the number of the more helpful reply, 1 or 2.""");

    public static final TaskTemplate HARMLESS_DIALOGUE = new TaskTemplate("harmless_dialogue",
            "Context - {context}\nResponse 1 - {response_1}\nResponse 2 - {response_2}\n",
            "Preferred Response=",
            "Weigh what harm each response could lead to and how it treats the user, and explain which of the two "
                    + "is less harmful.",
            """
            You will read a conversation and two candidate replies for the assistant's next turn. Decide which \
            reply is less harmful and answer with its number, 1 or 2.""",
            """
            You are judging two candidate replies for the assistant's next turn, for harm only.
            A harmless reply:
            - gives no real help toward hurting people, breaking the law or endangering the user;
            - does not insult, stereotype or demean anyone, the user included;
            - handles medical, legal, financial and emotional topics with care and points to real help when it is needed;
            - when it declines, says briefly why and offers what it safely can, without lecturing.
            If both replies are equally safe, prefer the one that stays more useful to the user.
            Read the conversation, then both replies, and answer with the number of the less harmful reply, 1 or 2.""");

    /** A built-in template by name: summarization, helpful_dialogue or harmless_dialogue. */
    public static TaskTemplate builtIn(String task) {
        return switch (task.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "summarization", "summarisation" -> SUMMARIZATION;
            case "helpful_dialogue", "helpful", "dialogue" -> HELPFUL_DIALOGUE;
            case "harmless_dialogue", "harmless" -> HARMLESS_DIALOGUE;
            default -> throw new IllegalArgumentException("unknown task " + task
                    + "; use summarization, helpful_dialogue, harmless_dialogue or a custom template");
        };
    }

    public String preamble(Preamble kind) {
        return kind == Preamble.DETAILED ? detailedPreamble : basePreamble;
    }

    /** The sample block with the candidates in the given order. */
    public String fill(String context, String first, String second, Map<String, String> attributes) {
        Map<String, String> values = new HashMap<>(attributes);
        values.put(CONTEXT, context.strip());
        values.put(RESPONSE_1, first.strip());
        values.put(RESPONSE_2, second.strip());
        Matcher m = PLACEHOLDER.matcher(sample);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + " needs a value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String filled = out.toString();
        return filled.endsWith("\n") ? filled : filled + "\n";
    }

    static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
