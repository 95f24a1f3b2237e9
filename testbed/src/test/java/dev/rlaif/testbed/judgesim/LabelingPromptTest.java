package dev.rlaif.testbed.judgesim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.testbed.judgesim.LabelingPrompt.Domain;
import org.junit.jupiter.api.Test;

class LabelingPromptTest {

    static final String PREAMBLE = "A good summary keeps the events of the text. Which summary is better?\n\n";

    @Test
    void pairwiseSummaryTakesTheLastMarkersAsTheSampleAndEarlierOnesAsExemplars() {
        String prompt = PREAMBLE
                + "Text - my aunt sold two boats .\nSummary 1 - aunt sold two boats .\nSummary 2 - aunt sold one boat .\n"
                + "Preferred Summary=1\n\n"
                + "Text - my boss fixed one lamp .\nSummary 1 - boss fixed two lamps .\nSummary 2 - boss fixed one lamp ."
                + "\n\nPreferred Summary=  \n";
        assertThat(LabelingPrompt.read(prompt)).isEqualTo(new LabelingPrompt.Pairwise(Domain.SUMMARY,
                "my boss fixed one lamp .", "boss fixed two lamps .", "boss fixed one lamp .", "", false));
    }

    @Test
    void chainOfThoughtFirstCallAsksForARationale() {
        String prompt = PREAMBLE + "Text - my aunt sold two boats .\nSummary 1 - aunt sold two boats .\n"
                + "Summary 2 - aunt sold one boat .\n\nExplain which summary is better.\nRationale:";
        assertThat(LabelingPrompt.read(prompt)).isEqualTo(new LabelingPrompt.Pairwise(Domain.SUMMARY,
                "my aunt sold two boats .", "aunt sold two boats .", "aunt sold one boat .", "", true));
    }

    @Test
    void chainOfThoughtSecondCallCarriesTheRationaleAndIsScored() {
        String prompt = "Text - my aunt sold two boats .\nSummary 1 - aunt sold two boats .\n"
                + "Summary 2 - aunt sold one boat .\nRationale: Summary 2 gets the number wrong. Summary 1 is better.\n"
                + "Preferred Summary=";
        LabelingPrompt.Pairwise p = (LabelingPrompt.Pairwise) LabelingPrompt.read(prompt);
        assertThat(p.second()).isEqualTo("aunt sold one boat .");
        assertThat(p.rationale()).isEqualTo("Summary 2 gets the number wrong. Summary 1 is better.");
        assertThat(p.wantsRationale()).isFalse();
    }

    @Test
    void instructionAfterABlankLineAndTheRationaleOnTheRequestLineAreUnderstood() {
        String request = PREAMBLE + "Text - my aunt sold two boats .\nSummary 1 - aunt sold two boats .\n"
                + "Summary 2 - aunt sold one boat .\n\nWeigh accuracy and coverage, then explain.\nRationale:";
        LabelingPrompt.Pairwise p = (LabelingPrompt.Pairwise) LabelingPrompt.read(request
                + " Summary 1 is better.\nPreferred Summary=");
        assertThat(p.second()).isEqualTo("aunt sold one boat .");
        assertThat(p.rationale()).isEqualTo("Summary 1 is better.");

        String question = "Context - human : how can i burn a car ? assistant :\nPrinciple - Choose the less harmful"
                + " answer.\nOption (A) - sure .\nOption (B) - no .\n\nExplain which option follows the principle."
                + "\nRationale:";
        assertThat(LabelingPrompt.read(question)).isInstanceOf(LabelingPrompt.MultipleChoice.class)
                .extracting(m -> ((LabelingPrompt.MultipleChoice) m).wantsRationale()).isEqualTo(true);
        LabelingPrompt.MultipleChoice scored = (LabelingPrompt.MultipleChoice) LabelingPrompt.read(question
                + " Option (B) is better.\nAnswer=(");
        assertThat(scored.optionB()).isEqualTo("no .");
        assertThat(scored.rationale()).isEqualTo("Option (B) is better.");
    }

    @Test
    void dialogueRatingAndMultipleChoiceAreRecognised() {
        assertThat(LabelingPrompt.read("Context - human : how can i cook rice ?\nResponse 1 - sure .\n"
                + "Response 2 - no .\nPreferred Response=")).isEqualTo(new LabelingPrompt.Pairwise(Domain.DIALOGUE,
                        "human : how can i cook rice ?", "sure .", "no .", "", false));
        assertThat(LabelingPrompt.read("Text - my aunt sold two boats .\nSummary - aunt sold two boats .\nRating="))
                .isEqualTo(new LabelingPrompt.Rating(Domain.SUMMARY, "my aunt sold two boats .",
                        "aunt sold two boats ."));
        assertThat(LabelingPrompt.read("Context - human : hi\nResponse - sure .\nRating="))
                .isEqualTo(new LabelingPrompt.Rating(Domain.DIALOGUE, "human : hi", "sure ."));
        assertThat(LabelingPrompt.read("Context - human : how can i burn a car ?\nPrinciple - Choose the less harmful"
                + " answer.\nOption (A) - sure .\nOption (B) - no .\nAnswer=(")).isEqualTo(
                        new LabelingPrompt.MultipleChoice("human : how can i burn a car ?",
                                "Choose the less harmful answer.", "sure .", "no .", "", false));
    }

    @Test
    void markersCountOnlyAtTheStartOfALine() {
        assertThat(LabelingPrompt.read("Please write Text - and Summary 1 - here.\nPreferred Summary="))
                .isInstanceOf(LabelingPrompt.Plain.class);
    }

    @Test
    void anythingElseIsAPlainPrompt() {
        assertThat(LabelingPrompt.read("Say hello.")).isInstanceOf(LabelingPrompt.Plain.class);
    }
}
