package dev.rlaif.common.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** {@code distilled}: reward model on AI labels; {@code direct}: the judge scores every rollout. */
public enum RewardMode {
    DISTILLED, DIRECT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RewardMode fromJson(String value) {
        return Arrays.stream(values())
                .filter(mode -> mode.json().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reward mode must be distilled or direct, not '" + value + "'"));
    }
}
