package dev.rlaif.testbed.tasks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every word a synthsumm post or summary is built from; small enough for a word-level tokenizer.
 * Key facts are past-tense events of a named relative; distractors are opinions, weather talk,
 * feelings and plans ("maybe ... will ..."), which look like facts but did not happen.
 */
public final class SummLexicon {

    public static final List<String> PEOPLE = List.of("brother", "sister", "mom", "dad", "friend", "boss",
            "neighbor", "cousin", "uncle", "aunt", "roommate", "coworker");
    public static final List<String> VERBS_PAST = List.of("bought", "sold", "found", "lost", "painted", "fixed",
            "borrowed", "cooked", "built", "broke", "cleaned", "ordered");
    public static final List<String> VERBS_BASE = List.of("buy", "sell", "find", "lose", "paint", "fix",
            "borrow", "cook", "build", "break", "clean", "order");
    public static final List<String> QUANTITIES = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");
    public static final List<String> OBJECTS = List.of("bike", "chair", "lamp", "table", "cake", "boat", "car",
            "book", "phone", "shirt", "plant", "clock");
    public static final List<String> PLACES = List.of("market", "station", "park", "office", "library", "garage",
            "beach", "school", "mall", "kitchen", "church", "hospital");
    /** Single-word times; days are written "on monday", the others bare. */
    public static final List<String> TIMES = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "yesterday", "tonight");
    public static final List<String> ADJECTIVES = List.of("nice", "cold", "busy", "quiet", "loud", "warm");
    public static final List<String> FEELINGS = List.of("happy", "tired", "nervous", "excited", "bored");
    /** Glue words of the grammar. */
    public static final List<String> FUNCTION_WORDS = List.of("my", "at", "the", "on", "i", "think", "was",
            "weather", "honestly", "felt", "about", "it", "maybe", "will", "next", "week", "today", "and", ".");

    private SummLexicon() {
    }

    public static String plural(String object) {
        return object + "s";
    }

    /** The singular object a word names ("bikes" and "bike" both give "bike"), or null. */
    public static String objectOf(String word) {
        if (OBJECTS.contains(word)) {
            return word;
        }
        if (word.endsWith("s") && OBJECTS.contains(word.substring(0, word.length() - 1))) {
            return word.substring(0, word.length() - 1);
        }
        return null;
    }

    /** All words, in a stable order: what a word-level tokenizer for synthsumm needs. */
    public static List<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>(FUNCTION_WORDS);
        words.addAll(PEOPLE);
        words.addAll(VERBS_PAST);
        words.addAll(VERBS_BASE);
        words.addAll(QUANTITIES);
        for (String o : OBJECTS) {
            words.add(o);
            words.add(plural(o));
        }
        words.addAll(PLACES);
        words.addAll(TIMES);
        words.addAll(ADJECTIVES);
        words.addAll(FEELINGS);
        return List.copyOf(words);
    }
}
