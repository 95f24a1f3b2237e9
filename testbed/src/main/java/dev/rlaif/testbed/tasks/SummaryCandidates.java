package dev.rlaif.testbed.tasks;

import dev.rlaif.testbed.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Candidate summaries of varied quality, as a policy of uneven skill would write them: facts left out
 * or given a wrong detail, plans reported as events, chatter copied, clauses repeated, details added
 * (correct but long). Quality 1 is the ideal summary plus optional detail; lower quality errs more.
 */
public final class SummaryCandidates {

    /** A post and two candidate summaries of it. */
    public record Pair(Post post, String a, String b) {
    }

    private SummaryCandidates() {
    }

    /** Two candidates of independently drawn quality, fixed by the key. */
    public static Pair pair(Post post, long key) {
        SplittableRandom rng = Seeds.random(key);
        return new Pair(post, sample(post, rng.nextDouble(), rng), sample(post, rng.nextDouble(), rng));
    }

    /** One candidate of the given quality in [0, 1]. */
    public static String sample(Post post, double quality, SplittableRandom rng) {
        double q = Math.clamp(quality, 0.0, 1.0);
        List<String> clauses = new ArrayList<>();
        for (KeyFact f : post.facts()) {
            if (rng.nextDouble() >= 0.35 + 0.65 * q) {
                continue;
            }
            KeyFact stated = rng.nextDouble() < 0.4 * (1 - q) ? withWrongDetail(f, rng) : f;
            double style = rng.nextDouble();
            if (style < 0.3) {
                clauses.add(stated.detailedClause());
            } else if (style < 0.4) {
                clauses.add(stated.person() + " " + stated.verb() + " " + SummLexicon.plural(stated.object()) + " .");
            } else {
                clauses.add(stated.summaryClause());
            }
        }
        List<Clause> distractors = Clause.parseAll(post.text()).stream().filter(c -> !c.isEvent()).toList();
        for (Clause d : distractors) {
            if (d.plan() && d.person() != null && rng.nextDouble() < 0.5 * (1 - q)) {
                clauses.add(d.person() + " " + d.verbPast() + " " + d.quantity() + " "
                        + (d.quantity().equals("one") ? d.object() : SummLexicon.plural(d.object())) + " .");
            } else if (!d.plan() && rng.nextDouble() < 0.3 * (1 - q)) {
                String sentence = sentenceOf(post.text(), d);
                if (!sentence.isEmpty()) {
                    clauses.add(sentence);
                }
            }
        }
        if (!clauses.isEmpty() && rng.nextDouble() < 0.15 * (1 - q)) {
            clauses.add(clauses.get(rng.nextInt(clauses.size())));
        }
        if (clauses.isEmpty()) {
            clauses.add(post.facts().get(rng.nextInt(post.facts().size())).summaryClause());
        }
        if (rng.nextDouble() < 0.3) {
            Collections.shuffle(clauses, new java.util.Random(rng.nextLong()));
        }
        return String.join(" ", clauses);
    }

    /** The fact with one detail changed: the quantity, the object or the verb. */
    public static KeyFact withWrongDetail(KeyFact f, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.5) {
            return new KeyFact(f.person(), f.verb(), other(SummLexicon.QUANTITIES, f.quantity(), rng), f.object(),
                    f.place(), f.time());
        }
        if (r < 0.8) {
            return new KeyFact(f.person(), f.verb(), f.quantity(), other(SummLexicon.OBJECTS, f.object(), rng),
                    f.place(), f.time());
        }
        return new KeyFact(f.person(), other(SummLexicon.VERBS_PAST, f.verb(), rng), f.quantity(), f.object(),
                f.place(), f.time());
    }

    private static String other(List<String> items, String current, SplittableRandom rng) {
        String pick;
        do {
            pick = items.get(rng.nextInt(items.size()));
        } while (pick.equals(current));
        return pick;
    }

    private static String sentenceOf(String text, Clause distractor) {
        for (String s : text.split("(?<= \\.)\\s*")) {
            Clause c = Clause.parseAll(s).stream().findFirst().orElse(null);
            if (distractor.equals(c)) {
                return s.trim();
            }
        }
        return "";
    }
}
