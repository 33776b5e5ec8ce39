package org.opencio.asset;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssetModels extends JpaRepository<AssetModel, UUID> {

    List<AssetModel> findAllByOrderByManufacturerAscNameAsc();

    boolean existsByManufacturerIgnoreCaseAndNameIgnoreCase(String manufacturer, String name);
}
