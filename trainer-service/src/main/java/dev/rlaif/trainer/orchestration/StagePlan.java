package dev.rlaif.trainer.orchestration;

import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RewardMode;
import dev.rlaif.common.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stages of a run, in order: SFT → SAMPLE → LABEL → REWARD_MODEL (distilled RLAIF only) → RL → EVALUATE.
 * DPO learns from the labels directly, so it needs no reward model either.
 */
public final class StagePlan {

    private final List<Stage> stages;

    private StagePlan(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public static StagePlan of(RunSpec spec) {
        List<Stage> stages = new ArrayList<>(List.of(Stage.SFT, Stage.SAMPLE, Stage.LABEL));
        boolean needsRewardModel = spec.reward().mode() == RewardMode.DISTILLED && !"dpo".equals(spec.rl().algorithm());
        if (needsRewardModel) {
            stages.add(Stage.REWARD_MODEL);
        }
        stages.add(Stage.RL);
        stages.add(Stage.EVALUATE);
        return new StagePlan(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    public Stage first() {
        return stages.getFirst();
    }

    public Optional<Stage> after(Stage stage) {
        int index = stages.indexOf(stage);
        if (index < 0) {
            throw new IllegalArgumentException(stage + " is not part of this run");
        }
        return index + 1 < stages.size() ? Optional.of(stages.get(index + 1)) : Optional.empty();
    }

    public int indexOf(Stage stage) {
        return stages.indexOf(stage);
    }

    /** Which service runs a stage. */
    public static String owner(Stage stage) {
        return switch (stage) {
            case SFT, SAMPLE, LABEL, RL -> "trainer-service";
            case REWARD_MODEL -> "reward-service";
            case EVALUATE -> "eval-service";
        };
    }
}
