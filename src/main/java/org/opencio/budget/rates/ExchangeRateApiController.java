package org.opencio.budget.rates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
@RequestMapping("/api/v1/orgs/{orgSlug}/exchange-rates")
@Tag(name = "Budget")
class ExchangeRateApiController {

    record Reason(@Nullable String reason) {}

    private final ExchangeRateManagement rates;

    ExchangeRateApiController(ExchangeRateManagement rates) {
        this.rates = rates;
    }

    @GetMapping
    @Operation(summary = "Exchange rates into the organization's base currency, newest first; filter by currency, archived=true for the archived ones")
    CursorPage<ExchangeRateView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return rates.list(currency, archived, limit, cursor, sort);
    }

    @PostMapping
    @Operation(summary = "Add a rate: one unit of currency is worth rate units of the base currency from validFrom on")
    ResponseEntity<ExchangeRateView> create(@PathVariable String orgSlug, @RequestBody SaveExchangeRate command) {
        ExchangeRateView rate = rates.create(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/exchange-rates/" + rate.id()))
                .eTag(ETags.of(rate.version()))
                .body(rate);
    }

    @GetMapping("/{id}")
    ResponseEntity<ExchangeRateView> get(@PathVariable String orgSlug, @PathVariable String id) {
        ExchangeRateView rate = rates.get(Ids.parse(id, "Exchange rate"));
        return ETags.ok(rate, rate.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct a rate; money already converted keeps the rate it used")
    ResponseEntity<ExchangeRateView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SaveExchangeRate command) {
        UUID rateId = Ids.parse(id, "Exchange rate");
        rates.get(rateId);
        ExchangeRateView rate = rates.update(rateId, command, ETags.requireIfMatch(ifMatch));
        return ETags.ok(rate, rate.version());
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a rate: it converts nothing from now on; money converted with it keeps it")
    ResponseEntity<ExchangeRateView> archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        UUID rateId = Ids.parse(id, "Exchange rate");
        rates.get(rateId);
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
        ExchangeRateView rate = rates.archive(rateId, body == null ? null : body.reason(), expected);
        return ETags.ok(rate, rate.version());
    }
}
