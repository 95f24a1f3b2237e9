package dev.rlaif.judge.constitution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list of principles, read from JSONL ({@code {"id", "comparison", "critique", "revision"}} per
 * line). {@link #builtIn()} is the project's own harmlessness constitution.
 */
public record Constitution(List<Principle> principles) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUILT_IN = "/dev/rlaif/judge/constitution/principles.jsonl";

    public Constitution {
        if (principles.isEmpty()) {
            throw new IllegalArgumentException("a constitution needs at least one principle");
        }
        principles = List.copyOf(principles);
    }

    public static Constitution builtIn() {
        try (InputStream in = Constitution.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in constitution " + BUILT_IN + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Constitution load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read principles from " + file, e);
        }
    }

    /** The built-in constitution for null, else the file. */
    public static Constitution loadOrBuiltIn(String path) {
        return path == null ? builtIn() : load(Path.of(path));
    }

    static Constitution parse(String jsonl, String where) {
        List<Principle> principles = new ArrayList<>();
        int lineNumber = 0;
        for (String line : jsonl.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                principles.add(new Principle(n.path("id").asString(""), n.path("comparison").asString(""),
                        n.path("critique").asString(""), n.path("revision").asString("")));
            } catch (JacksonException | IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ":" + lineNumber + ": not a principle: " + e.getMessage(), e);
            }
        }
        return new Constitution(principles);
    }

    /**
     * {@code k} distinct principles drawn for one comparison; the same seed and key always draw the
     * same ones, different keys draw independently (RL-CAI samples a principle per comparison).
     */
    public List<Principle> sample(int k, long seed, String key) {
        if (k > principles.size()) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct principles from " + principles.size());
        }
        var random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
        List<Principle> pool = new ArrayList<>(principles);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Principle swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, k));
    }

    /** One principle drawn uniformly, e.g. for an SL-CAI revision pass. */
    public Principle draw(SplittableRandom random) {
        return principles.get(random.nextInt(principles.size()));
    }
}
