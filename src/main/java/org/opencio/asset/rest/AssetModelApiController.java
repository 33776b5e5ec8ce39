package org.opencio.asset.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.opencio.asset.AssetManagement;
import org.opencio.asset.AssetModelView;
import org.opencio.asset.SaveAssetModel;
import org.opencio.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/asset-models")
@Tag(name = "Assets")
class AssetModelApiController {

    private final AssetManagement assets;

    AssetModelApiController(AssetManagement assets) {
        this.assets = assets;
    }

    @GetMapping
    @Operation(summary = "The models catalogue, by manufacturer and name")
    List<AssetModelView> list(@PathVariable String orgSlug) {
        return assets.models();
    }

    @PostMapping
    ResponseEntity<AssetModelView> create(@PathVariable String orgSlug, @RequestBody SaveAssetModel body) {
        AssetModelView m = assets.createModel(body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/asset-models")).eTag(ETags.of(m.version())).body(m);
    }
}
