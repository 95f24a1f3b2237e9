package dev.rlaif.trainer.runs;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RunRepository extends JpaRepository<Run, UUID> {

    Optional<Run> findByIdempotencyKey(String idempotencyKey);

    Page<Run> findByStatus(RunStatus status, Pageable pageable);
}
