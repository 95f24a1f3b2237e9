package dev.rlaif.ml.training;

/** The policy-gradient estimators the RL trainer offers. */
public enum RlAlgorithm {
    /** REINFORCE with a moving-average baseline (Williams 1992); the later RLAIF versions. */
    REINFORCE,
    /** REINFORCE leave-one-out: baseline = mean return of the other samples of the same prompt (Ahmadian et al. 2024). */
    RLOO,
    /** Advantage actor-critic with the scalar head as critic; RLAIF v1 (Lee et al. 2023, section 4.3). */
    A2C,
    /** Proximal policy optimisation, clipped surrogate with GAE (Schulman et al. 2017). */
    PPO;

    public boolean needsValueHead() {
        return this == A2C || this == PPO;
    }
}
