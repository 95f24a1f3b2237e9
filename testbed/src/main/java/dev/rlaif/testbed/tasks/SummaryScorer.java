package dev.rlaif.testbed.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads a synthsumm post (the policy prompt) and scores a summary of it through a {@link SummaryReader}. */
public final class SummaryScorer {

    /** Words per key fact a concise summary needs ("aunt sold two boats ." is four) plus slack. */
    static final int WORDS_PER_FACT = 5;
    static final int BUDGET_SLACK = 2;

    private SummaryScorer() {
    }

    /** The facts and plans a post states, recovered from its text alone. */
    public record ReadPost(List<KeyFact> facts, List<Clause> plans) {
    }

    public static ReadPost read(String postText) {
        List<KeyFact> facts = new ArrayList<>();
        List<Clause> plans = new ArrayList<>();
        for (Clause c : Clause.parseAll(postText)) {
            if (c.isEvent()) {
                facts.add(new KeyFact(c.person(), c.verb(), c.quantity(), c.object(), c.place(), c.time()));
            } else if (c.plan() && c.person() != null) {
                plans.add(c);
            }
        }
        return new ReadPost(facts, plans);
    }

    public static SummaryScore score(String postText, String summary, SummaryReader reader) {
        return score(read(postText), summary, reader);
    }

    public static SummaryScore score(ReadPost post, String summary, SummaryReader reader) {
        Map<String, Double> credit = new LinkedHashMap<>();
        int known = 0;
        for (KeyFact f : post.facts()) {
            if (reader.notices(f)) {
                known++;
            }
        }
        for (Clause p : post.plans()) {
            if (reader.takesPlanAsFact(p)) {
                known++;
            }
        }
        int wrong = 0;
        int irrelevant = 0;
        int words = 0;
        List<String> wrongAbout = new ArrayList<>();
        for (Clause c : Clause.parseAll(summary)) {
            words += c.words();
            // chatter, or a plan reported as a plan ("maybe aunt will sell two boats"): no key fact
            if (c.isChatter() || c.person() == null || c.plan()) {
                irrelevant++;
                continue;
            }
            KeyFact fact = post.facts().stream().filter(f -> f.person().equals(c.person())).findFirst().orElse(null);
            if (fact != null) {
                if (!reader.notices(fact)) {
                    irrelevant++;
                } else if (contradicts(c, fact) && reader.catchesWrongDetail(c, fact)) {
                    wrong++;
                    wrongAbout.add(c.person());
                } else {
                    double earned = contradicts(c, fact) ? 1.0 : credit(c);
                    double before = credit.getOrDefault(fact.person(), 0.0);
                    if (earned <= before) {
                        irrelevant++;
                    }
                    credit.put(fact.person(), Math.max(before, earned));
                }
                continue;
            }
            Clause plan = post.plans().stream().filter(p -> p.person().equals(c.person())).findFirst().orElse(null);
            if (plan != null && reader.takesPlanAsFact(plan)) {
                double before = credit.getOrDefault(plan.person(), 0.0);
                if (before >= 1.0) {
                    irrelevant++;
                }
                credit.put(plan.person(), 1.0);
            } else {
                wrong++;
                wrongAbout.add(c.person());
            }
        }
        double total = 0;
        for (double c : credit.values()) {
            total += c;
        }
        int budget = WORDS_PER_FACT * post.facts().size() + BUDGET_SLACK;
        return new SummaryScore(total, known, List.copyOf(credit.keySet()), wrong, wrongAbout, irrelevant, words,
                budget);
    }

    private static boolean contradicts(Clause c, KeyFact f) {
        return differs(c.verb(), f.verb()) || differs(c.quantity(), f.quantity()) || differs(c.object(), f.object())
                || differs(c.place(), f.place()) || differs(c.time(), f.time());
    }

    private static boolean differs(String stated, String truth) {
        return stated != null && !Objects.equals(stated, truth);
    }

    private static double credit(Clause c) {
        if (c.verb() != null && c.object() != null) {
            return c.quantity() != null ? 1.0 : 0.6;
        }
        return 0.3;
    }
}
