package dev.rlaif.eval.evaluations;

import dev.rlaif.common.artifacts.ArtifactStore;
import java.io.IOException;
import java.util.UUID;

/** {@link TinyPolicies} for the tests of other packages. */
public final class TinyPoliciesAccess {

    private TinyPoliciesAccess() {
    }

    public static void write(ArtifactStore store, UUID runId, int evalPrompts) throws IOException {
        TinyPolicies.write(store, runId, evalPrompts);
    }
}
