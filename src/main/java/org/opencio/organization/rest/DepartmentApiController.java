package org.opencio.organization.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.DepartmentView;
import org.opencio.organization.SaveDepartment;
import org.opencio.platform.web.CursorPage;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/departments")
@Tag(name = "Departments")
class DepartmentApiController {

    private final DepartmentManagement departments;

    DepartmentApiController(DepartmentManagement departments) {
        this.departments = departments;
    }

    @GetMapping
    CursorPage<DepartmentView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "false") boolean includeArchived,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return departments.list(q, includeArchived, limit, cursor, sort);
    }

    @PostMapping
    ResponseEntity<DepartmentView> create(@PathVariable String orgSlug, @RequestBody SaveDepartment command) {
        DepartmentView d = departments.create(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/departments/" + d.id()))
                .eTag(ETags.of(d.version()))
                .body(d);
    }

    @GetMapping("/{id}")
    ResponseEntity<DepartmentView> get(@PathVariable String orgSlug, @PathVariable String id) {
        DepartmentView d = departments.get(Ids.parse(id, "Department"));
        return ETags.ok(d, d.version());
    }

    @PutMapping("/{id}")
    ResponseEntity<DepartmentView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SaveDepartment command) {
        UUID departmentId = Ids.parse(id, "Department");
        DepartmentView d = departments.update(departmentId, command, ETags.requireIfMatch(ifMatch));
        return ETags.ok(d, d.version());
    }

    @PostMapping("/{id}/archive")
    ResponseEntity<DepartmentView> archive(
            @PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        DepartmentView d = departments.archive(Ids.parse(id, "Department"), Reason.of(body));
        return ETags.ok(d, d.version());
    }
}
