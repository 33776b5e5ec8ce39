package org.opencio.vendor.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Amounts;
import org.opencio.shared.InvalidInputException;

/** What the contract pages share: the organization's locale and reading amounts typed in it. */
final class ContractPages {

    private ContractPages() {}

    static Locale locale() {
        return TenantContext.access().map(OrgAccess::locale).map(Locale::forLanguageTag).orElse(Locale.UK);
    }

    /** An amount typed in the organization's number format; a field error when it is not a number. */
    static @Nullable BigDecimal amount(String field, @Nullable String text) {
        try {
            return Amounts.parse(text, locale());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "number", field + " is not a number");
        }
    }

    /** An amount as a form shows it: plain, with a dot, without grouping (any locale reads it back). */
    static @Nullable String plain(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }
}
