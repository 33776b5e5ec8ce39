package org.opencio.organization;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Departments extends JpaRepository<Department, UUID> {

    boolean existsByCode(String code);

    List<Department> findByParentIdAndArchivedFalse(UUID parentId);

    List<Department> findByArchivedFalseOrderByName();
}
