package dev.rlaif.testbed.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one sentence of synthsumm text says, slot by slot; a slot the sentence does not fill is null.
 * A plan ("maybe my aunt will sell two boats") carries its base-form verb and {@code plan = true}.
 */
public record Clause(String person, String verb, String quantity, String object, String place, String time,
        boolean plan, int words) {

    /** Splits text on " . " into clauses and reads each one. */
    public static List<Clause> parseAll(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String sentence : text.toLowerCase().split("\\.")) {
            String[] tokens = sentence.trim().split("\\s+");
            if (tokens.length == 1 && tokens[0].isEmpty()) {
                continue;
            }
            clauses.add(parse(Arrays.asList(tokens)));
        }
        return clauses;
    }

    static Clause parse(List<String> tokens) {
        String person = null;
        String verb = null;
        String quantity = null;
        String object = null;
        String place = null;
        String time = null;
        boolean plan = false;
        for (String t : tokens) {
            if (person == null && SummLexicon.PEOPLE.contains(t)) {
                person = t;
            } else if (verb == null && SummLexicon.VERBS_PAST.contains(t)) {
                verb = t;
            } else if (verb == null && SummLexicon.VERBS_BASE.contains(t)) {
                verb = t;
                plan = true;
            } else if (quantity == null && SummLexicon.QUANTITIES.contains(t)) {
                quantity = t;
            } else if (object == null && SummLexicon.objectOf(t) != null) {
                object = SummLexicon.objectOf(t);
            } else if (place == null && SummLexicon.PLACES.contains(t)) {
                place = t;
            } else if (time == null && SummLexicon.TIMES.contains(t)) {
                time = t;
            } else if (t.equals("maybe") || t.equals("will")) {
                plan = true;
            }
        }
        return new Clause(person, verb, quantity, object, place, time, plan, tokens.size());
    }

    /** A stated event: somebody did something to something. */
    public boolean isEvent() {
        return !plan && person != null && verb != null && object != null;
    }

    /** Names nobody and nothing: an opinion, the weather, a feeling. */
    public boolean isChatter() {
        return person == null && verb == null && object == null;
    }

    /** The past tense of a plan's verb, as a summary that mistakes the plan for an event would write it. */
    public String verbPast() {
        int i = SummLexicon.VERBS_BASE.indexOf(verb);
        return i >= 0 ? SummLexicon.VERBS_PAST.get(i) : verb;
    }
}
