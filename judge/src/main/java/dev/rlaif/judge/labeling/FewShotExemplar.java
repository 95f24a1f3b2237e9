package dev.rlaif.judge.labeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A solved comparison shown before the sample.
 *
 * @param preferred 1 or 2: which of the shown responses is better
 * @param rationale an explanation shown when chain-of-thought is on, or null
 */
public record FewShotExemplar(String context, String response1, String response2, int preferred, String rationale,
        Map<String, String> attributes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FewShotExemplar {
        if (preferred != 1 && preferred != 2) {
            throw new IllegalArgumentException("an exemplar's preferred response is 1 or 2, got " + preferred);
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * Reads one exemplar per line: {@code {"context", "response_1", "response_2", "preferred": 1|2,
     * "rationale"?}}. The preference-pair shape {@code {"prompt", "response_a", "response_b",
     * "preference"}} is accepted too (preference ≥ 0.5 means response a is preferred).
     */
    public static List<FewShotExemplar> load(Path file) {
        List<FewShotExemplar> exemplars = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (!line.isBlank()) {
                    exemplars.add(parse(line, file + ":" + lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read few-shot exemplars from " + file, e);
        }
        return exemplars;
    }

    static FewShotExemplar parse(String line, String where) {
        try {
            JsonNode n = JSON.readTree(line);
            String context = text(n, "context", "prompt");
            String first = text(n, "response_1", "response_a");
            String second = text(n, "response_2", "response_b");
            int preferred;
            if (n.has("preferred")) {
                preferred = n.get("preferred").asInt();
            } else if (n.has("preference")) {
                preferred = n.get("preference").asDouble() >= 0.5 ? 1 : 2;
            } else {
                throw new IllegalArgumentException(where + ": an exemplar needs \"preferred\" (1 or 2)");
            }
            if (context == null || first == null || second == null) {
                throw new IllegalArgumentException(where + ": an exemplar needs context and both responses");
            }
            String rationale = n.hasNonNull("rationale") ? n.get("rationale").asString() : null;
            return new FewShotExemplar(context, first, second, preferred, rationale, Map.of());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not a JSON object", e);
        }
    }

    private static String text(JsonNode n, String name, String alias) {
        JsonNode v = n.hasNonNull(name) ? n.get(name) : n.get(alias);
        return v == null || v.isNull() ? null : v.asString();
    }
}
