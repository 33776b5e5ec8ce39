package org.opencio.budget.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.imports.CostMappingRuleManagement.SaveMappingRule;
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
@RequestMapping("/api/v1/orgs/{orgSlug}/cost-mapping-rules")
@Tag(name = "Cost imports")
class CostMappingRuleApiController {

    record Reason(@Nullable String reason) {}

    private final CostMappingRuleManagement rules;

    CostMappingRuleApiController(CostMappingRuleManagement rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The organization's rules that send imported cost to budget lines (archived ones with archived=true)")
    List<MappingRuleView> list(@PathVariable String orgSlug, @RequestParam(defaultValue = "false") boolean archived) {
        return rules.list(archived);
    }

    @PostMapping
    ResponseEntity<MappingRuleView> create(@PathVariable String orgSlug, @RequestBody SaveMappingRule command) {
        MappingRuleView rule = rules.create(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/cost-mapping-rules/" + rule.id()))
                .eTag(ETags.of(rule.version()))
                .body(rule);
    }

    @GetMapping("/{id}")
    ResponseEntity<MappingRuleView> get(@PathVariable String orgSlug, @PathVariable String id) {
        MappingRuleView rule = rules.get(Ids.parse(id, "Cost mapping rule"));
        return ETags.ok(rule, rule.version());
    }

    @PutMapping("/{id}")
    ResponseEntity<MappingRuleView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SaveMappingRule command) {
        UUID ruleId = Ids.parse(id, "Cost mapping rule");
        rules.get(ruleId);
        MappingRuleView rule = rules.update(ruleId, command, ETags.requireIfMatch(ifMatch));
        return ETags.ok(rule, rule.version());
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a rule: imports stop using it; rows it placed keep naming it")
    MappingRuleView archive(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        return rules.archive(Ids.parse(id, "Cost mapping rule"), body == null ? null : body.reason());
    }
}
