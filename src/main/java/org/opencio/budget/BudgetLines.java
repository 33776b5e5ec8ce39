package org.opencio.budget;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BudgetLines extends JpaRepository<BudgetLine, UUID> {

    /** The line, locked until the transaction ends: stage changes of one line happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from BudgetLine l where l.id = :id")
    Optional<BudgetLine> lockById(UUID id);

    List<BudgetLine> findByBudgetIdOrderByCode(UUID budgetId);

    Optional<BudgetLine> findByBudgetIdAndCode(UUID budgetId, String code);

    long countByBudgetId(UUID budgetId);
}
