package dev.rlaif.testbed.tasks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines import and export of the task data sets: one JSON object per line. */
public final class Jsonl {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Jsonl() {
    }

    public static <T> void write(Path file, List<T> rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T row : rows) {
                out.write(MAPPER.writeValueAsString(row));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> List<T> read(Path file, Class<T> type) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<T> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(MAPPER.readValue(line, type));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toLine(Object row) {
        return MAPPER.writeValueAsString(row);
    }
}
