package dev.rlaif.labeler.labelings;

import dev.rlaif.common.spec.LabelingSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Label a JSONL of pairs outside a run. Give the pairs inline ({@code jsonl}) or as a file the service can read
 * ({@code source}: {@code file:/data/pairs.jsonl}), not both. Each line:
 * {@code {"id", "prompt", "response_a", "response_b", "preference"?}} where the optional {@code preference} is a
 * human's P(A better), used for the alignment report.
 *
 * @param name     a label for people, optional
 * @param labeling how to label: the run spec's {@code labeling} section
 * @param seed     seeds sampled calls and principle sampling (42)
 */
public record LabelingRequest(@Size(max = 120) String name, @NotNull @Valid LabelingSpec labeling,
                              @PositiveOrZero Long seed, String jsonl, String source) {

    public LabelingRequest {
        seed = seed == null ? 42L : seed;
    }
}
