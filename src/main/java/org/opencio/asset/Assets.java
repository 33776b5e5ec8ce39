package org.opencio.asset;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Assets extends JpaRepository<Asset, UUID> {

    boolean existsBySerialIgnoreCase(String serial);

    boolean existsBySerialIgnoreCaseAndIdNot(String serial, UUID id);

    boolean existsBySourceKey(String sourceKey);
}
