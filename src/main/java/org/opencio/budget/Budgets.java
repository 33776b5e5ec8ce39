package org.opencio.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Budgets extends JpaRepository<Budget, UUID> {

    Optional<Budget> findByFiscalYear(int fiscalYear);

    List<Budget> findAllByOrderByFiscalYearDesc();
}
