package dev.rlaif.trainer.runs;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@code examples/run-synthsumm.json} into the OpenAPI document as the example body of {@code POST /api/runs}. */
@Component
public class RunSpecExample implements OpenApiCustomizer {

    private final Object example;

    public RunSpecExample(JsonMapper json) {
        try (InputStream in = RunSpecExample.class.getResourceAsStream("/openapi/run-synthsumm.json")) {
            this.example = json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        var post = openApi.getPaths().get("/api/runs").getPost();
        MediaType json = post.getRequestBody().getContent().get("application/json");
        json.addExamples("synthsumm", new Example().summary("A distilled-RLAIF run on the built-in synthsumm task").value(example));
    }
}
