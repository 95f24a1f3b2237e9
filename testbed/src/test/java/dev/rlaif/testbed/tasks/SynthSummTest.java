package dev.rlaif.testbed.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.testbed.Seeds;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthSummTest {

    @Test
    void generatorIsDeterministicPerSeed() {
        assertThat(new SynthSumm(11).posts(50)).isEqualTo(new SynthSumm(11).posts(50));
        assertThat(new SynthSumm(11).preferencePairs(50)).isEqualTo(new SynthSumm(11).preferencePairs(50));
        assertThat(new SynthSumm(11).posts(50)).isNotEqualTo(new SynthSumm(12).posts(50));
    }

    @Test
    void postDependsOnlyOnSeedAndIndexSoPrefixesAreStable() {
        assertThat(new SynthSumm(3).posts(10)).isEqualTo(new SynthSumm(3).posts(40).subList(0, 10));
    }

    @Test
    void keyFactsAreRecoverableFromThePostTextAlone() {
        for (Post post : new SynthSumm(5).posts(300)) {
            assertThat(SummaryScorer.read(post.text()).facts()).containsExactlyInAnyOrderElementsOf(post.facts());
        }
    }

    @Test
    void postsHaveTwoToFourKeyFactsAndAtLeastOneDistractor() {
        for (Post post : new SynthSumm(5).posts(300)) {
            assertThat(post.facts()).hasSizeBetween(2, 4);
            assertThat(Clause.parseAll(post.text()).size()).isGreaterThan(post.facts().size());
        }
    }

    @Test
    void imperfectReferenceKnobControlsTheShareOfFlawedReferences() {
        assertThat(new SynthSumm(9, 0.0).posts(500)).allMatch(p -> p.referenceDefect() == Post.ReferenceDefect.NONE);
        long flawed = new SynthSumm(9, 0.3).posts(2000).stream()
                .filter(p -> p.referenceDefect() != Post.ReferenceDefect.NONE).count();
        assertThat(flawed / 2000.0).isBetween(0.25, 0.35);
    }

    @Test
    void flawedReferencesScoreBelowPerfectOnes() {
        for (Post post : new SynthSumm(9, 1.0).posts(300)) {
            assertThat(Task.SYNTHSUMM.goldUtility(post.text(), post.reference()))
                    .isLessThan(Task.SYNTHSUMM.goldUtility(post.text(), post.idealSummary()));
        }
        for (Post post : new SynthSumm(9, 0.0).posts(300)) {
            assertThat(Task.SYNTHSUMM.goldUtility(post.text(), post.reference())).isEqualTo(post.facts().size());
        }
    }

    @Test
    void candidatesVaryInQualityAndNeverBeatTheIdealSummary() {
        Post post = new SynthSumm(1).post(0);
        Set<Double> utilities = new HashSet<>();
        double ideal = Task.SYNTHSUMM.goldUtility(post.text(), post.idealSummary());
        for (int i = 0; i < 200; i++) {
            String candidate = SummaryCandidates.sample(post, i / 200.0, Seeds.random(i));
            double u = Task.SYNTHSUMM.goldUtility(post.text(), candidate);
            assertThat(u).isLessThanOrEqualTo(ideal);
            utilities.add(u);
        }
        assertThat(utilities).hasSizeGreaterThan(10);
    }

    @Test
    void everyGeneratedWordIsInTheVocabulary() {
        Set<String> vocabulary = new HashSet<>(SummLexicon.vocabulary());
        SynthSumm task = new SynthSumm(2, 0.5);
        for (Post post : task.posts(300)) {
            assertThat(words(post.text())).isSubsetOf(vocabulary);
            assertThat(words(post.reference())).isSubsetOf(vocabulary);
        }
        for (PreferencePair pair : task.preferencePairs(300)) {
            assertThat(words(pair.responseA())).isSubsetOf(vocabulary);
            assertThat(words(pair.responseB())).isSubsetOf(vocabulary);
        }
        assertThat(vocabulary).hasSizeLessThan(200);
    }

    @Test
    void jsonlRoundTripsPromptsAndPairs(@TempDir Path dir) {
        List<PromptExample> prompts = new SynthSumm(4).prompts(25);
        Jsonl.write(dir.resolve("prompts.jsonl"), prompts);
        assertThat(Jsonl.read(dir.resolve("prompts.jsonl"), PromptExample.class)).isEqualTo(prompts);

        List<PreferencePair> pairs = new SynthSumm(4).preferencePairs(25);
        Jsonl.write(dir.resolve("pairs.jsonl"), pairs);
        assertThat(Jsonl.read(dir.resolve("pairs.jsonl"), PreferencePair.class)).isEqualTo(pairs);
    }

    @Test
    void jsonlUsesThePlatformFieldNames() {
        assertThat(Jsonl.toLine(new PreferencePair("p1", "text", "a", "b", 0.25)))
                .isEqualTo("{\"id\":\"p1\",\"prompt\":\"text\",\"response_a\":\"a\",\"response_b\":\"b\","
                        + "\"preference\":0.25}");
        assertThat(Jsonl.toLine(new PromptExample("x", "text", "ref")))
                .isEqualTo("{\"id\":\"x\",\"prompt\":\"text\",\"reference\":\"ref\"}");
    }

    @Test
    void exportWritesBothDataSetsAndTheWordList(@TempDir Path dir) {
        ExportTestbedData.Written w = ExportTestbedData.export(Task.SYNTHSUMM, 4, 25, 25, 0.3, dir);
        assertThat(Jsonl.read(w.prompts(), PromptExample.class)).isEqualTo(new SynthSumm(4).prompts(25));
        assertThat(Jsonl.read(w.pairs(), PreferencePair.class)).isEqualTo(new SynthSumm(4).preferencePairs(25));
        assertThat(w.vocabulary()).content().contains("boats");
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }
}
