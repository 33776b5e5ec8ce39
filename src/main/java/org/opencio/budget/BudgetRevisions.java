package org.opencio.budget;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetRevisions extends JpaRepository<BudgetRevision, UUID> {

    List<BudgetRevision> findByBudgetIdOrderByCreatedAtDesc(UUID budgetId);
}
