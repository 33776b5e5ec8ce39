package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Without a vendor register (the vendor module absent), lines keep what they have and nothing is named or refused. */
class BudgetVendorsTests {

    private static final OrgAccess CIO = new OrgAccess(UUID.randomUUID(), "acme", "Acme", "EUR", "UTC", "en-GB", UUID.randomUUID(),
            UUID.randomUUID(), Role.CIO);

    private final BudgetVendors vendors = new BudgetVendors(new StaticListableBeanFactory().getBeanProvider(VendorDirectory.class));

    @Test
    void withoutARegisterAnyVendorIdIsKeptUnnamedAndNoneIsOffered() {
        UUID recorded = UUID.randomUUID();
        assertThat(vendors.present()).isFalse();
        assertThat(vendors.accepts(recorded)).isTrue();
        assertThat(vendors.names(List.of(recorded))).isEmpty();
        TenantContext.callAs(CIO, () -> {
            assertThat(vendors.options()).isEmpty();
            // A line's vendor stays choosable in its form, under the words for "unknown", never as its id.
            assertThat(vendors.optionsWith(recorded, "Not in the vendor register"))
                    .containsExactly(new VendorDirectory.Option(recorded, "Not in the vendor register"));
            assertThat(vendors.optionsWith(null, "Not in the vendor register")).isEmpty();
            return null;
        });
    }
}
