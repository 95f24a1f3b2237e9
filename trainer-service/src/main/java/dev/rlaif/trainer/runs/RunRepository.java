package dev.rlaif.trainer.runs;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RunRepository extends JpaRepository<Run, UUID> {

    /** Serialises every state transition of one run, across threads and trainer replicas. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Run r where r.id = :id")
    Optional<Run> lockById(@Param("id") UUID id);

    @Query(value = "SELECT id FROM runs WHERE status = 'SUBMITTED' ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<UUID> claimSubmitted(@Param("limit") int limit);

    long countByStatus(RunStatus status);

    List<Run> findByStatus(RunStatus status);

    Optional<Run> findByIdempotencyKey(String idempotencyKey);

    Page<Run> findByStatus(RunStatus status, Pageable pageable);
}
