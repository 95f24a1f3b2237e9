package dev.rlaif.judge.constitution;

/**
 * One principle of a constitution.
 *
 * @param id short stable name, recorded in traces
 * @param comparison the question for the RL-CAI multiple choice ("Which reply …?")
 * @param critique the SL-CAI critique request
 * @param revision the SL-CAI revision request
 */
public record Principle(String id, String comparison, String critique, String revision) {

    public Principle {
        if (id == null || id.isBlank() || comparison == null || comparison.isBlank()) {
            throw new IllegalArgumentException("a principle needs an id and a comparison question");
        }
    }
}
