package org.opencio.budget;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CostCategories extends JpaRepository<CostCategory, UUID> {

    List<CostCategory> findAllByOrderByKindAscCodeAsc();

    boolean existsByCode(String code);

    long count();
}
