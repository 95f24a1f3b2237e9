package dev.rlaif.eval.ratings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A rater's answer to a task: {@code left}, {@code right}, {@code tie} or {@code skip}. The rater is the signed-in user. */
public record RatingAnswer(
        @NotNull @Pattern(regexp = "left|right|tie|skip", message = "must be left, right, tie or skip") String choice) {

    /** Rater names: what a sign-in accepts. */
    static final String RATER_ID = "[A-Za-z0-9._@-]{1,64}";

    RatingChoice parsedChoice() {
        return RatingChoice.valueOf(choice.toUpperCase(java.util.Locale.ROOT));
    }
}
