package dev.rlaif.labeler.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.Preamble;
import org.junit.jupiter.api.Test;

class RunLabelingSettingsTest {

    private static final JudgeSpec JUDGE = new JudgeSpec("http://judge/v1", "m", null, 8);

    @Test
    void theRunSpecDefaultsBecomeTheDetailedPreambleWithBothOrders() {
        var spec = new LabelingSpec(JUDGE, null, null, null, null, null, null, null, null);
        LabelingSettings settings = RunLabelingSettings.from(spec, 7, 20);
        assertThat(settings.method()).isEqualTo(LabelingSettings.Method.RLAIF);
        assertThat(settings.preamble()).isEqualTo(Preamble.DETAILED);
        assertThat(settings.positionDebiasing()).isTrue();
        assertThat(settings.chainOfThought()).isFalse();
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.template().name()).isEqualTo("summarization");
    }

    @Test
    void everyTechniqueIsCarriedOver() {
        var spec = new LabelingSpec(JUDGE, "harmless-dialogue", "base", null, true, 4, false, 0, true);
        LabelingSettings settings = RunLabelingSettings.from(spec, 1, 20);
        assertThat(settings.template().name()).isEqualTo("harmless_dialogue");
        assertThat(settings.preamble()).isEqualTo(Preamble.BASE);
        assertThat(settings.chainOfThought()).isTrue();
        assertThat(settings.selfConsistency()).isEqualTo(4);
        assertThat(settings.positionDebiasing()).isFalse();
        assertThat(settings.voteFallback()).isTrue();
    }

    @Test
    void principlesSwitchToConstitutionalAi() {
        var spec = new LabelingSpec(JUDGE, "harmless-dialogue", null, null, null, null, null, 3, null);
        LabelingSettings settings = RunLabelingSettings.from(spec, 1, 20);
        assertThat(settings.method()).isEqualTo(LabelingSettings.Method.CONSTITUTIONAL);
        assertThat(settings.principles()).isEqualTo(3);
    }

    @Test
    void aCustomTaskIsRefusedBecauseARunSpecCannotCarryItsTemplate() {
        var spec = new LabelingSpec(JUDGE, "custom", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> RunLabelingSettings.from(spec, 1, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custom");
    }
}
