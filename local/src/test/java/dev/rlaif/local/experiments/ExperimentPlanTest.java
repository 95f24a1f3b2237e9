package dev.rlaif.local.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rlaif.common.spec.RunSpec;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExperimentPlanTest {

    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, String> JUDGES = Map.of(
            "xs", "http://127.0.0.1:1/v1", "s", "http://127.0.0.1:2/v1", "l", "http://127.0.0.1:3/v1");

    @Test
    void everySpecIsAValidRunSpecInBothModes() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        for (ExperimentPlan plan : List.of(ExperimentPlan.quick(), ExperimentPlan.full())) {
            for (ExperimentPlan.RunPlan run : plan.runs()) {
                RunSpec spec = STRICT.readValue(plan.spec(run, JUDGES), RunSpec.class);
                assertThat(validator.validate(spec)).as(plan.mode() + " " + run.key()).isEmpty();
                assertThat(spec.seed()).isEqualTo(42L);
            }
        }
    }

    @Test
    void theRunsCoverEveryRowOfThePapersTable() {
        Map<String, JsonNode> specs = ExperimentPlan.quick().runs().stream().collect(Collectors.toMap(ExperimentPlan.RunPlan::key,
                run -> STRICT.readTree(ExperimentPlan.quick().spec(run, JUDGES))));
        assertThat(specs.keySet()).containsExactlyInAnyOrder("rlaif", "rlhf", "harm-rlaif", "harm-rlhf", "d-rlaif", "rlaif-xs",
                "no-debias", "cot", "cot-sc4");
        assertThat(specs.get("rlhf").at("/labeling/source").asString()).isEqualTo("human");
        assertThat(specs.get("rlaif").at("/labeling/source").asString()).isEqualTo("ai");
        assertThat(specs.get("rlaif").at("/labeling/judge/baseUrl").asString()).isEqualTo(JUDGES.get("l"));
        assertThat(specs.get("rlaif-xs").at("/labeling/judge/baseUrl").asString()).isEqualTo(JUDGES.get("xs"));
        assertThat(specs.get("d-rlaif").at("/reward/mode").asString()).isEqualTo("direct");
        assertThat(specs.get("no-debias").at("/labeling/positionDebiasing").asBoolean()).isFalse();
        assertThat(specs.get("rlaif").at("/labeling/positionDebiasing").asBoolean()).isTrue();
        assertThat(specs.get("cot").at("/labeling/chainOfThought").asBoolean()).isTrue();
        assertThat(specs.get("cot").at("/labeling/selfConsistency").asInt()).isEqualTo(1);
        assertThat(specs.get("cot-sc4").at("/labeling/chainOfThought").asBoolean()).isTrue();
        assertThat(specs.get("cot-sc4").at("/labeling/selfConsistency").asInt()).isEqualTo(4);
        assertThat(specs.get("harm-rlaif").at("/dataset/source").asString()).isEqualTo("testbed:synthharm?n=160");
        assertThat(specs.get("harm-rlaif").at("/labeling/task").asString()).isEqualTo("harmless-dialogue");
        assertThat(specs.get("harm-rlhf").at("/labeling/source").asString()).isEqualTo("human");
    }

    @Test
    void allSummarizationRunsTrainTheSameSftPolicy() {
        ExperimentPlan plan = ExperimentPlan.quick();
        Set<String> sftInputs = plan.runs().stream().filter(r -> r.testbedTask().equals("synthsumm"))
                .map(run -> STRICT.readTree(plan.spec(run, JUDGES)))
                .map(spec -> spec.path("seed") + "|" + spec.path("dataset") + "|" + spec.path("policy") + "|" + spec.path("sft"))
                .collect(Collectors.toSet());
        assertThat(sftInputs).hasSize(1);
    }

    @Test
    void fullModeUsesTheDemoRunsSizes() {
        JsonNode demo = STRICT.readTree(ExperimentPlanTest.class.getResourceAsStream("/demo-run.json"));
        ExperimentPlan full = ExperimentPlan.full();
        JsonNode rlaif = STRICT.readTree(full.spec(full.runs().getFirst(), JUDGES));
        for (String path : List.of("/dataset/source", "/dataset/evalFraction", "/policy/init", "/sft/epochs", "/rl/steps",
                "/rl/batchSize", "/evaluation/prompts", "/sampling/maxNewTokens")) {
            assertThat(rlaif.at(path)).as(path).isEqualTo(demo.at(path));
        }
    }

    @Test
    void aMissingJudgeSizeIsNamed() {
        ExperimentPlan plan = ExperimentPlan.quick();
        assertThatThrownBy(() -> plan.spec(plan.runs().getFirst(), Map.of("xs", "http://x/v1")))
                .hasMessageContaining("size l");
    }
}
