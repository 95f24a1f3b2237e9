package dev.rlaif.common.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Name-based (v3) UUIDs, so that publishing the same fact twice yields the same event id. */
public final class EventIds {

    private EventIds() {
    }

    public static UUID derive(UUID runId, String what) {
        return UUID.nameUUIDFromBytes((runId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
