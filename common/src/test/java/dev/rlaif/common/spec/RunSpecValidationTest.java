package dev.rlaif.common.spec;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunSpecValidationTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static RunSpec minimal() {
        return new RunSpec("demo", null, new DatasetSpec("testbed:synthsumm?n=64", null), null, null, null, null, null, null, null);
    }

    @Test
    void aMinimalSpecIsValidAndTakesThePaperDefaults() {
        RunSpec spec = minimal();
        assertThat(validator.validate(spec)).isEmpty();
        assertThat(spec.rl().beta()).isEqualTo(0.05);
        assertThat(spec.rl().temperature()).isEqualTo(0.9);
        assertThat(spec.reward().mode()).isEqualTo(RewardMode.DISTILLED);
        assertThat(spec.reward().learningRate()).isEqualTo(1e-5);
        assertThat(spec.seed()).isEqualTo(42L);
    }

    @Test
    void eachBadFieldIsReportedWithItsPath() {
        RunSpec bad = new RunSpec("", -1L, new DatasetSpec("s3://bucket", 0.9),
                new PolicySpec("gpt-9", 8), null, null,
                new LabelingSpec(new JudgeSpec("ftp://judge", "", "lower-case", 0), null, "verbose", null, null, 0, null, null, null, "crowd"),
                null, new RlSpec("sarsa", -0.1, null, null, null, 0, null, null, null, null),
                new EvaluationSpec(0, List.of("robot"), null));

        Set<String> paths = validator.validate(bad).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());

        assertThat(paths).contains("name", "seed", "dataset.source", "dataset.evalFraction", "policy.init", "policy.maxLength",
                "labeling.judge.baseUrl", "labeling.judge.model", "labeling.judge.apiKeyEnv", "labeling.judge.maxConcurrency",
                "labeling.preamble", "labeling.selfConsistency", "labeling.source", "rl.algorithm", "rl.beta", "rl.steps",
                "evaluation.prompts", "evaluation.judges[0].<list element>");
    }

    @Test
    void rewardModeReadsLowerCaseAndNamesTheChoicesWhenWrong() {
        assertThat(RewardMode.fromJson("direct")).isEqualTo(RewardMode.DIRECT);
        assertThat(RewardMode.DISTILLED.json()).isEqualTo("distilled");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RewardMode.fromJson("magic"))
                .hasMessageContaining("distilled or direct");
    }
}
