package dev.rlaif.labeler.labelings;

import dev.rlaif.common.web.ProblemDetailsAdvice.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the pairs of a labeling job, one JSON object a line: {@code id} (the line number when absent),
 * {@code prompt}, {@code response_a}, {@code response_b} (camelCase accepted), and optionally a human
 * {@code preference} in [0, 1]. Every bad line is reported, not just the first.
 */
final class PairsJsonl {

    /** One pair as given. */
    record InputPair(String id, String prompt, String responseA, String responseB, Double humanPreference) {
    }

    /** The pairs, or the problems that stop them from being labeled. */
    record Parsed(List<InputPair> pairs, List<FieldProblem> problems) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PROBLEMS = 20;

    private PairsJsonl() {
    }

    static Parsed parse(String jsonl) {
        List<InputPair> pairs = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = jsonl.split("\\R");
        for (int i = 0; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + (i + 1);
            JsonNode row;
            try {
                row = JSON.readTree(line);
            } catch (JacksonException e) {
                problems.add(new FieldProblem(where, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (!row.isObject()) {
                problems.add(new FieldProblem(where, "must be a JSON object"));
                continue;
            }
            String id = text(row, "id", "id");
            id = id == null ? String.valueOf(i + 1) : id;
            String prompt = text(row, "prompt", "prompt");
            String a = text(row, "response_a", "responseA");
            String b = text(row, "response_b", "responseB");
            Double preference = null;
            JsonNode p = row.hasNonNull("preference") ? row.get("preference") : row.get("human_preference");
            if (p != null && !p.isNull()) {
                if (!p.isNumber() || p.asDouble() < 0 || p.asDouble() > 1) {
                    problems.add(new FieldProblem(where + ".preference", "must be a number in [0, 1]"));
                    continue;
                }
                preference = p.asDouble();
            }
            if (prompt == null || a == null || b == null) {
                problems.add(new FieldProblem(where, "needs prompt, response_a and response_b"));
                continue;
            }
            if (!ids.add(id)) {
                problems.add(new FieldProblem(where + ".id", "duplicate id " + id));
                continue;
            }
            pairs.add(new InputPair(id, prompt, a, b, preference));
        }
        return new Parsed(pairs, problems);
    }

    private static String text(JsonNode row, String name, String alias) {
        JsonNode value = row.hasNonNull(name) ? row.get(name) : row.get(alias);
        return value == null || value.isNull() ? null : value.asString();
    }
}
