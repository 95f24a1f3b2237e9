package dev.rlaif.eval.ratings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A rater's answer to a task: {@code left}, {@code right}, {@code tie} or {@code skip}. */
public record RatingAnswer(
        @NotBlank @Pattern(regexp = RatingAnswer.RATER_ID, message = "must be 1-64 letters, digits or . _ @ : -") String rater,
        @NotNull @Pattern(regexp = "left|right|tie|skip", message = "must be left, right, tie or skip") String choice) {

    static final String RATER_ID = "[A-Za-z0-9._@:-]{1,64}";

    RatingChoice parsedChoice() {
        return RatingChoice.valueOf(choice.toUpperCase(java.util.Locale.ROOT));
    }
}
