package org.opencio.budget.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.CostCategoryView;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/cost-categories")
@Tag(name = "Budget")
class CostCategoryApiController {

    record NewCategory(@Nullable String kind, @Nullable String code, @Nullable String name) {}

    record Rename(@Nullable String name) {}

    private final CostCategoryManagement categories;

    CostCategoryApiController(CostCategoryManagement categories) {
        this.categories = categories;
    }

    @GetMapping
    List<CostCategoryView> list(@PathVariable String orgSlug) {
        return categories.list();
    }

    @PostMapping
    ResponseEntity<CostCategoryView> create(@PathVariable String orgSlug, @RequestBody NewCategory body) {
        CostCategoryView c = categories.create(body.kind(), body.code(), body.name());
        return ResponseEntity.status(201).eTag(ETags.of(c.version())).body(c);
    }

    @PutMapping("/{id}")
    ResponseEntity<CostCategoryView> rename(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Rename body) {
        var categoryId = Ids.parse(id, "Cost category");
        CostCategoryView c = categories.rename(categoryId, body.name(), ETags.requireIfMatch(ifMatch));
        return ETags.ok(c, c.version());
    }

    @PostMapping("/{id}/retire")
    CostCategoryView retire(@PathVariable String orgSlug, @PathVariable String id) {
        return categories.retire(Ids.parse(id, "Cost category"));
    }
}
