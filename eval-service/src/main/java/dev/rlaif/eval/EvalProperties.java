package dev.rlaif.eval;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rlaif.eval.*} in {@code eval-service.yml}.
 *
 * @param generationBatch prompts sampled together per policy forward pass
 * @param bootstrapResamples resamples of the paired bootstrap behind soft-verdict intervals
 * @param simulatedRaters simulated humans who each rate every item (two or more give inter-rater agreement)
 * @param ratingApi base URL of the rating API the simulated raters call; empty means this service itself
 * @param concurrentEvaluations evaluations generating or judging at once
 * @param resumeOnStart pick up evaluations that were interrupted by a restart
 * @param raterPasscode the passcode human raters sign in with (env {@code RLAIF_RATER_PASSCODE}); empty disables human sign-in
 * @param staleAfter an unfinished evaluation with no progress for this long is taken over when its command is redelivered
 * @param simulatedRaterSecret the simulated raters' password; empty means a random one per start (enough when they call this service)
 */
@ConfigurationProperties("rlaif.eval")
public record EvalProperties(Integer generationBatch, Integer bootstrapResamples, Integer simulatedRaters, URI ratingApi,
                             Integer concurrentEvaluations, Boolean resumeOnStart, java.time.Duration staleAfter,
                             String raterPasscode, String simulatedRaterSecret) {

    public EvalProperties {
        generationBatch = generationBatch == null ? 32 : generationBatch;
        bootstrapResamples = bootstrapResamples == null ? 2000 : bootstrapResamples;
        simulatedRaters = simulatedRaters == null ? 2 : simulatedRaters;
        concurrentEvaluations = concurrentEvaluations == null ? 1 : concurrentEvaluations;
        resumeOnStart = resumeOnStart == null || resumeOnStart;
        staleAfter = staleAfter == null ? java.time.Duration.ofMinutes(10) : staleAfter;
        raterPasscode = raterPasscode == null ? "" : raterPasscode;
        simulatedRaterSecret = simulatedRaterSecret == null || simulatedRaterSecret.isBlank()
                ? java.util.UUID.randomUUID().toString() : simulatedRaterSecret;
    }
}
