package dev.rlaif.testbed.tasks;

/** A prompt with a reference response: the JSONL shape {@code {"id","prompt","reference"}}. */
public record PromptExample(String id, String prompt, String reference) {
}
