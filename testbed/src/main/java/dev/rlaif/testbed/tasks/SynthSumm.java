package dev.rlaif.testbed.tasks;

import dev.rlaif.testbed.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthsumm task: short posts from a seeded grammar, each with two to four key facts and one to
 * three distractors (opinions, weather, feelings, plans), and a reference summary naming the facts.
 * Post {@code i} depends only on the seed and {@code i}, so any prefix of the data set is stable.
 */
public final class SynthSumm {

    public static final String NAME = "synthsumm";
    /** Default share of SFT references that are deliberately flawed, leaving the SFT policy room for RL. */
    public static final double DEFAULT_IMPERFECT_REFERENCE_RATE = 0.3;

    private final long seed;
    private final double imperfectReferenceRate;

    public SynthSumm(long seed) {
        this(seed, DEFAULT_IMPERFECT_REFERENCE_RATE);
    }

    /**
     * @param imperfectReferenceRate share of references that miss a key fact, state a wrong detail or
     *                               report a plan as an event (0 gives perfect references)
     */
    public SynthSumm(long seed, double imperfectReferenceRate) {
        if (imperfectReferenceRate < 0 || imperfectReferenceRate > 1) {
            throw new IllegalArgumentException("imperfectReferenceRate must be in [0, 1]");
        }
        this.seed = seed;
        this.imperfectReferenceRate = imperfectReferenceRate;
    }

    public Post post(int index) {
        SplittableRandom rng = Seeds.random(Seeds.key(seed, index));
        int factCount = 2 + rng.nextInt(3);
        int distractorCount = 1 + rng.nextInt(3);
        List<String> people = shuffled(SummLexicon.PEOPLE, rng);
        List<KeyFact> facts = new ArrayList<>();
        for (int i = 0; i < factCount; i++) {
            facts.add(randomFact(people.get(i), rng));
        }
        List<String> sentences = new ArrayList<>();
        facts.forEach(f -> sentences.add(f.postSentence()));
        List<KeyFact> plans = new ArrayList<>();
        for (int i = 0; i < distractorCount; i++) {
            switch (rng.nextInt(4)) {
                case 0 -> sentences.add("i think the " + pick(SummLexicon.PLACES, rng) + " was "
                        + pick(SummLexicon.ADJECTIVES, rng) + " .");
                case 1 -> sentences.add("the weather was " + pick(SummLexicon.ADJECTIVES, rng) + " today .");
                case 2 -> sentences.add("honestly i felt " + pick(SummLexicon.FEELINGS, rng) + " about it .");
                default -> {
                    KeyFact plan = randomFact(people.get(factCount + plans.size()), rng);
                    plans.add(plan);
                    sentences.add("maybe my " + plan.person() + " will " + baseOf(plan.verb()) + " "
                            + plan.objectPhrase() + " next week .");
                }
            }
        }
        Collections.shuffle(sentences, new java.util.Random(rng.nextLong()));
        String text = String.join(" ", sentences);
        List<KeyFact> ordered = new ArrayList<>(facts);
        ordered.sort((a, b) -> Integer.compare(text.indexOf(a.postSentence()), text.indexOf(b.postSentence())));
        String id = NAME + "-" + seed + "-" + index;
        Post clean = new Post(id, text, List.copyOf(ordered), null, Post.ReferenceDefect.NONE);
        if (rng.nextDouble() >= imperfectReferenceRate) {
            return new Post(id, text, clean.facts(), clean.idealSummary(), Post.ReferenceDefect.NONE);
        }
        return flawedReference(clean, plans, rng);
    }

    public List<Post> posts(int count) {
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(post(i));
        }
        return posts;
    }

    /** The SFT / policy-prompt data set in the {@code {"id","prompt","reference"}} shape. */
    public List<PromptExample> prompts(int count) {
        return posts(count).stream().map(Post::toPromptExample).toList();
    }

    /**
     * Preference pairs of two sampled candidate summaries of varied quality; the preference is the
     * simulated humans' probability that a is better (their Bradley–Terry model on the gold utility).
     */
    public List<PreferencePair> preferencePairs(int count) {
        List<PreferencePair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SummaryCandidates.Pair pair = SummaryCandidates.pair(post(i), Seeds.key(seed ^ 0x5EED, i));
            pairs.add(new PreferencePair(pair.post().id(), pair.post().text(), pair.a(), pair.b(),
                    Task.SYNTHSUMM.goldPreference(pair.post().text(), pair.a(), pair.b())));
        }
        return pairs;
    }

    private Post flawedReference(Post clean, List<KeyFact> plans, SplittableRandom rng) {
        List<String> clauses = new ArrayList<>();
        clean.facts().forEach(f -> clauses.add(f.summaryClause()));
        int kind = rng.nextInt(3);
        Post.ReferenceDefect defect;
        if (kind == 0 && clauses.size() > 1) {
            clauses.remove(rng.nextInt(clauses.size()));
            defect = Post.ReferenceDefect.MISSING_FACT;
        } else if (kind == 1 && !plans.isEmpty()) {
            clauses.add(plans.getFirst().summaryClause());
            defect = Post.ReferenceDefect.PLAN_AS_FACT;
        } else {
            int i = rng.nextInt(clean.facts().size());
            clauses.set(i, SummaryCandidates.withWrongDetail(clean.facts().get(i), rng).summaryClause());
            defect = Post.ReferenceDefect.WRONG_DETAIL;
        }
        return new Post(clean.id(), clean.text(), clean.facts(), String.join(" ", clauses), defect);
    }

    static KeyFact randomFact(String person, SplittableRandom rng) {
        return new KeyFact(person, pick(SummLexicon.VERBS_PAST, rng), pick(SummLexicon.QUANTITIES, rng),
                pick(SummLexicon.OBJECTS, rng), pick(SummLexicon.PLACES, rng), pick(SummLexicon.TIMES, rng));
    }

    static String baseOf(String pastVerb) {
        return SummLexicon.VERBS_BASE.get(SummLexicon.VERBS_PAST.indexOf(pastVerb));
    }

    static <T> T pick(List<T> items, SplittableRandom rng) {
        return items.get(rng.nextInt(items.size()));
    }

    private static <T> List<T> shuffled(List<T> items, SplittableRandom rng) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new java.util.Random(rng.nextLong()));
        return copy;
    }
}
