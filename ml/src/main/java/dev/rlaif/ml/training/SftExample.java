package dev.rlaif.ml.training;

/** A prompt and the response to imitate (end the response with EOS to teach stopping). */
public record SftExample(long[] prompt, long[] response) {}
