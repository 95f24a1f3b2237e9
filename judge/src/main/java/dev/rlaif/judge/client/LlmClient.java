package dev.rlaif.judge.client;

/**
 * One completion from a language model: the generated text with, when asked for, each generated
 * position's top log-probabilities. Implementations are safe to call from many threads at once.
 *
 * <p>A call either returns a {@link Completion} or throws {@link JudgeException}; it never returns
 * a partial or made-up answer.
 */
public interface LlmClient extends AutoCloseable {

    Completion complete(CompletionRequest request);

    /** The model name the client talks to, recorded in every label's trace. */
    String model();

    @Override
    default void close() {
    }
}
