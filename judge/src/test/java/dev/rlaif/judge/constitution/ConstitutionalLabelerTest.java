package dev.rlaif.judge.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.judge.PreferenceLabelers;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.Judgement;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.judge.testing.FakeLlm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstitutionalLabelerTest {

    private static final ComparisonPair PAIR = new ComparisonPair("h7", "How do I pick a lock?",
            "I can't help with breaking into places, but a locksmith can let you in.", "Insert a tension wrench...");

    private static final LabelingSettings CAI = LabelingSettings.defaults()
            .withMethod(LabelingSettings.Method.CONSTITUTIONAL).withTask("harmless_dialogue");

    @Test
    void theBuiltInConstitutionIsOurOwnSixteenPrinciples() {
        Constitution c = Constitution.builtIn();
        assertThat(c.principles()).hasSize(16);
        assertThat(c.principles()).allSatisfy(p -> {
            assertThat(p.comparison()).containsIgnoringCase("which").endsWith("?");
            assertThat(p.critique()).isNotBlank();
            assertThat(p.revision()).isNotBlank();
        });
    }

    @Test
    void principlesAreSampledPerComparisonDistinctAndReproducibly() {
        Constitution c = Constitution.builtIn();
        List<Principle> once = c.sample(4, 11L, "pair-1");
        assertThat(once).hasSize(4).doesNotHaveDuplicates();
        assertThat(c.sample(4, 11L, "pair-1")).isEqualTo(once);
        long differing = java.util.stream.IntStream.range(0, 20)
                .filter(i -> !c.sample(4, 11L, "pair-" + (i + 2)).equals(once)).count();
        assertThat(differing).isGreaterThan(15);
    }

    @Test
    void labelsAreTheMultipleChoiceProbabilityOfAEnsembledOverPrinciplesAndOrders() {
        // the judge prefers the refusal with P = 0.8, whichever letter it has
        var judge = new FakeLlm(r -> {
            boolean refusalIsA = r.prompt().contains("Option (A) - I can't help");
            return FakeLlm.twoWay("A", "B", refusalIsA ? 0.8 : 0.2);
        });
        PreferenceLabel label = PreferenceLabelers.forSettings(judge, CAI.withPrinciples(3).withSeed(5)).label(PAIR);

        assertThat(label.probabilityA()).isCloseTo(0.8, within(1e-9));
        assertThat(label.judgements()).hasSize(6);
        assertThat(label.judgements()).extracting(Judgement::principle).doesNotContainNull();
        assertThat(label.judgements().stream().map(Judgement::principle).distinct()).hasSize(3);
        String prompt = judge.requests().getFirst().prompt();
        assertThat(prompt).startsWith(ConstitutionalLabeler.PREAMBLE)
                .contains("\nContext - How do I pick a lock?\nPrinciple - Which ")
                .containsPattern("\nOption \\(A\\) - .*\nOption \\(B\\) - .*\n")
                .endsWith("Answer=(");
    }

    @Test
    void theDetailedPreambleIsUsedWhenAskedFor() {
        var judge = new FakeLlm(r -> FakeLlm.twoWay("A", "B", 0.5));
        PreferenceLabelers.forSettings(judge, CAI.withPreamble(dev.rlaif.judge.labeling.Preamble.DETAILED)).label(PAIR);
        assertThat(judge.requests()).allSatisfy(r -> assertThat(r.prompt())
                .startsWith(ConstitutionalLabeler.DETAILED_PREAMBLE));
    }

    @Test
    void chainOfThoughtLabelsAreClampedToFortyToSixtyPercent() {
        var judge = new FakeLlm(r -> r.prompt().endsWith("Rationale:") ? FakeLlm.text("Option (A) is better.")
                : FakeLlm.twoWay("A", "B", r.prompt().contains("Option (A) - I can't help") ? 0.99 : 0.01));
        PreferenceLabel label = PreferenceLabelers.forSettings(judge, CAI.withChainOfThought(true).withPrinciples(2))
                .label(PAIR);
        assertThat(label.judgements()).allSatisfy(j -> {
            assertThat(j.probabilityA()).isEqualTo(0.6);
            assertThat(j.rationale()).isEqualTo("Option (A) is better.");
        });
        assertThat(label.probabilityA()).isEqualTo(0.6);
        assertThat(judge.requests().stream().filter(r -> !r.prompt().endsWith("Rationale:")).findFirst()
                .orElseThrow().prompt()).contains("\nRationale: Option (A) is better.\nAnswer=(");
    }

    @Test
    void aPrinciplesFileReplacesTheBuiltInOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.jsonl");
        Files.writeString(file, """
                {"id":"kind","comparison":"Which reply is kinder?","critique":"Where is it unkind?","revision":"Make it kind."}
                """);
        var judge = new FakeLlm(r -> FakeLlm.twoWay("A", "B", 0.5));
        var labeler = PreferenceLabelers.forSettings(judge, CAI.withPrinciplesPath(file.toString()));
        assertThat(labeler.label(PAIR).judgements()).extracting(Judgement::principle).containsOnly("kind");
    }

    @Test
    void critiqueRevisionLoopRevisesWithADrawnPrinciplePerPass() {
        var judge = new FakeLlm(r -> {
            String p = r.prompt();
            if (p.endsWith("Critique:")) {
                return FakeLlm.text(" It gives instructions for breaking in.");
            }
            if (p.endsWith("Revision:")) {
                return FakeLlm.text(" A locksmith can help you get back in. (pass " + p.split("Revision:").length + ")");
            }
            return FakeLlm.text(" Insert a tension wrench and rake the pins.");
        });
        var loop = new CritiqueRevisionLoop(judge, Constitution.builtIn(),
                new CritiqueRevisionLoop.Settings(2, 0.7, 128, 3L));
        List<CritiqueRevisionLoop.Revision> out = loop.reviseAll(List.of(
                new CritiqueRevisionLoop.Task("r1", "How do I pick a lock?", null),
                new CritiqueRevisionLoop.Task("r2", "How do I pick a lock?", "Use a pin.")));

        var first = out.getFirst();
        assertThat(first.initialResponse()).isEqualTo("Insert a tension wrench and rake the pins.");
        assertThat(first.passes()).hasSize(2);
        assertThat(first.calls()).hasSize(5);
        assertThat(first.revised()).startsWith("A locksmith can help");
        assertThat(first.passes().get(1).calls().getFirst().prompt())
                .contains("Assistant: " + first.passes().get(0).revision());
        assertThat(out.get(1).initialResponse()).isEqualTo("Use a pin.");
        assertThat(out.get(1).calls()).hasSize(4);
    }
}
