package dev.rlaif.reward.training;

import ai.djl.pytorch.jni.JniUtils;
import dev.rlaif.ml.Engines;

/**
 * libtorch keeps autograd's on/off switch per thread, and it starts ON in every thread except the one
 * that started the engine. {@code ml}'s training loop and scoring assume it is off outside a gradient
 * collector (AdamW updates leaf parameters in place), so threads of this service switch it off first.
 */
final class GradMode {

    private GradMode() {
    }

    static void offOnThisThread() {
        Engines.engine();
        JniUtils.setGradMode(false);
    }
}
