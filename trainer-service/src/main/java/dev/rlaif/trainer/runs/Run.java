package dev.rlaif.trainer.runs;

import dev.rlaif.common.events.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One submitted run; the spec is kept verbatim as JSON so later spec versions do not need a migration. */
@Entity
@Table(name = "runs")
public class Run {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_stage")
    private Stage currentStage;

    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    private String spec;

    @Column(name = "idempotency_key", unique = true)
    private String idempotencyKey;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Run() {
    }

    Run(UUID id, String name, String specJson, String idempotencyKey, Instant now) {
        this.id = id;
        this.name = name;
        this.status = RunStatus.SUBMITTED;
        this.spec = specJson;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void start(Stage first, Instant now) {
        this.status = RunStatus.RUNNING;
        this.currentStage = first;
        this.updatedAt = now;
    }

    public void advance(Stage next, Instant now) {
        this.currentStage = next;
        this.updatedAt = now;
    }

    public void succeed(Instant now) {
        this.status = RunStatus.SUCCEEDED;
        this.currentStage = null;
        this.updatedAt = now;
    }

    public void fail(String reason, Instant now) {
        this.status = RunStatus.FAILED;
        this.failureReason = reason;
        this.updatedAt = now;
    }

    public void cancel(Instant now) {
        this.status = RunStatus.CANCELLED;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public RunStatus status() {
        return status;
    }

    public Stage currentStage() {
        return currentStage;
    }

    public String specJson() {
        return spec;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
