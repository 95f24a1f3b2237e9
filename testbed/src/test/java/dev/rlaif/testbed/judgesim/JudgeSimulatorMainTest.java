package dev.rlaif.testbed.judgesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeSimulatorMainTest {

    @Test
    void commandLineSetsEveryKnob() {
        JudgeSimulatorMain.Options o = JudgeSimulatorMain.parse(new String[] {"--port", "9001", "--size", "xs",
            "--seed", "5", "--position-bias", "0.1", "--latency-ms", "20", "--latency-distribution", "log_normal",
            "--concurrency-limit", "4", "--overload-mode", "reject_429", "--retry-after-seconds", "2",
            "--rate-500", "0.1", "--rate-timeout", "0.05", "--rate-malformed-json", "0.02",
            "--rate-missing-logprobs", "0.03", "--timeout-ms", "500", "--scripted-faults", "http_429,none",
            "--host", "127.0.0.1"});
        JudgeSimulatorConfig c = o.config();
        assertThat(c.port()).isEqualTo(9001);
        assertThat(c.size()).isEqualTo(JudgeSize.XS);
        assertThat(c.noise()).isEqualTo(JudgeSize.XS.noise());
        assertThat(c.positionBias()).isEqualTo(0.1);
        assertThat(c.latencyDistribution()).isEqualTo(LatencyDistribution.LOG_NORMAL);
        assertThat(c.overloadMode()).isEqualTo(OverloadMode.REJECT_429);
        assertThat(c.scriptedFaults()).containsExactly(Fault.HTTP_429, Fault.NONE);
        assertThat(List.of(c.rate500(), c.rateTimeout(), c.rateMalformedJson(), c.rateMissingLogprobs()))
                .containsExactly(0.1, 0.05, 0.02, 0.03);
        assertThat(o.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownOptionsAndBadValuesAreRejected() {
        assertThatThrownBy(() -> JudgeSimulatorMain.parse(new String[] {"--nope", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JudgeSimulatorMain.parse(new String[] {"--size", "xl"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JudgeSimulatorMain.parse(new String[] {"--rate-500", "1.5"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
