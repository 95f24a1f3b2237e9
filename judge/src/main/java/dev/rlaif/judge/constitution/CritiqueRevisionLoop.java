package dev.rlaif.judge.constitution;

import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.labeling.Fanout;
import dev.rlaif.judge.labeling.JudgeCall;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * SL-CAI data generation (Bai et al., 2212.08073 §3): a model answers a prompt, then repeatedly
 * critiques its latest answer against a randomly drawn principle and revises it; the final revision
 * paired with the prompt is a supervised fine-tuning example.
 */
public final class CritiqueRevisionLoop {

    /**
     * @param passes critique → revision rounds per prompt (the paper: four)
     * @param temperature sampling temperature of every generation
     * @param maxTokens the longest response, critique or revision
     * @param seed draws the principles and seeds the sampled calls
     */
    public record Settings(int passes, double temperature, int maxTokens, long seed) {

        public Settings {
            if (passes < 1 || maxTokens < 1) {
                throw new IllegalArgumentException("passes and maxTokens must be ≥ 1");
            }
        }

        public static Settings defaults() {
            return new Settings(4, 0.7, 256, 0L);
        }
    }

    /** One critique → revision round. */
    public record Pass(String principle, String critique, String revision, List<JudgeCall> calls) {
    }

    /** The full history for one prompt; {@link #revised()} is the training target. */
    public record Revision(String id, String prompt, String initialResponse, List<Pass> passes,
            List<JudgeCall> calls) {

        public String revised() {
            return passes.isEmpty() ? initialResponse : passes.getLast().revision();
        }
    }

    /** A prompt to revise the answer to, with an existing answer or null to have the model write one. */
    public record Task(String id, String prompt, String response) {
    }

    private final LlmClient client;
    private final Constitution constitution;
    private final Settings settings;

    public CritiqueRevisionLoop(LlmClient client, Constitution constitution, Settings settings) {
        this.client = client;
        this.constitution = constitution;
        this.settings = settings;
    }

    /** Revises many prompts concurrently on virtual threads, results in input order. */
    public List<Revision> reviseAll(List<Task> tasks) {
        List<Callable<Revision>> work = new ArrayList<>();
        for (Task task : tasks) {
            work.add(() -> revise(task));
        }
        return Fanout.all(work);
    }

    public Revision revise(Task task) {
        var random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + task.id().hashCode());
        List<JudgeCall> calls = new ArrayList<>();
        String transcript = "Human: " + task.prompt().strip() + "\n\nAssistant:";
        String response = task.response();
        if (response == null) {
            response = generate(transcript, JudgeCall.Purpose.RESPONSE, random, calls);
        }
        String initial = response;
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < settings.passes(); i++) {
            Principle principle = constitution.draw(random);
            List<JudgeCall> passCalls = new ArrayList<>();
            String exchange = transcript + " " + response.strip() + "\n\n";
            String critiquePrompt = exchange + "Critique request: " + principle.critique() + "\n\nCritique:";
            String critique = generate(critiquePrompt, JudgeCall.Purpose.CRITIQUE, random, passCalls);
            String revisionPrompt = critiquePrompt + " " + critique + "\n\nRevision request: " + principle.revision()
                    + "\n\nRevision:";
            String revision = generate(revisionPrompt, JudgeCall.Purpose.REVISION, random, passCalls);
            passes.add(new Pass(principle.id(), critique, revision, passCalls));
            calls.addAll(passCalls);
            response = revision;
        }
        return new Revision(task.id(), task.prompt(), initial, passes, calls);
    }

    private String generate(String prompt, JudgeCall.Purpose purpose, SplittableRandom random, List<JudgeCall> calls) {
        var request = CompletionRequest.generation(prompt, settings.temperature(), settings.maxTokens(),
                random.nextLong()).withStop(List.of("\nHuman:", "Critique request:", "Revision request:"));
        var completion = client.complete(request);
        calls.add(JudgeCall.of(purpose, request, completion));
        return completion.text().strip();
    }
}
