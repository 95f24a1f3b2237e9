package dev.rlaif.ml.training;

import dev.rlaif.ml.sampling.SamplingConfig;

/**
 * RL settings, TRL / RLAIF names and defaults.
 *
 * @param algorithm the policy-gradient estimator
 * @param klCoef β of the per-token KL penalty to the reference policy; 0.05 in RLAIF (section 4.3)
 * @param promptsPerIteration prompts drawn per rollout
 * @param samplesPerPrompt continuations per prompt ({@code num_generations}); RLOO needs at least 2
 * @param sampling how rollouts are drawn; RLAIF samples at temperature 0.9
 * @param ppoEpochs passes over each rollout (PPO only; the others take one step)
 * @param clipRange PPO's ε
 * @param valueCoef weight of the critic's squared error (A2C, PPO)
 * @param entropyCoef weight of the entropy bonus
 * @param gamma discount
 * @param lambda GAE λ (PPO)
 * @param baselineDecay moving-average decay of the REINFORCE baseline
 */
public record RlConfig(
        RlAlgorithm algorithm,
        float klCoef,
        int promptsPerIteration,
        int samplesPerPrompt,
        SamplingConfig sampling,
        int ppoEpochs,
        float clipRange,
        float valueCoef,
        float entropyCoef,
        float gamma,
        float lambda,
        float baselineDecay) {

    public static final float RLAIF_KL_COEF = 0.05f;

    public RlConfig {
        if (algorithm == RlAlgorithm.RLOO && samplesPerPrompt < 2) {
            throw new IllegalArgumentException("RLOO needs at least two samples per prompt");
        }
    }

    public static RlConfig defaults(RlAlgorithm algorithm, int promptsPerIteration, int maxNewTokens) {
        return new RlConfig(algorithm, RLAIF_KL_COEF, promptsPerIteration, algorithm == RlAlgorithm.RLOO ? 4 : 1,
                SamplingConfig.rlaifDefaults(maxNewTokens), 4, 0.2f, 0.5f, 0f, 1f, 0.95f, 0.9f);
    }

    public RlConfig withKlCoef(float beta) {
        return new RlConfig(algorithm, beta, promptsPerIteration, samplesPerPrompt, sampling, ppoEpochs, clipRange,
                valueCoef, entropyCoef, gamma, lambda, baselineDecay);
    }

    public RlConfig withSamplesPerPrompt(int k) {
        return new RlConfig(algorithm, klCoef, promptsPerIteration, k, sampling, ppoEpochs, clipRange, valueCoef,
                entropyCoef, gamma, lambda, baselineDecay);
    }
}
