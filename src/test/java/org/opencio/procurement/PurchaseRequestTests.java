package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.budget.BudgetCheck;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.SpendPolicy;
import org.opencio.shared.ConflictException;

/** The life of a request as its aggregate keeps it: a draft changes, a submission fixes its figures, each round counts. */
class PurchaseRequestTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aDraftChangesUntilSubmittedAndReturnsToDraftInANewRoundAfterChangesAreAskedFor() {
        PurchaseRequest request = draft();
        request.apply(header("Renamed"));
        assertThat(request.title()).isEqualTo("Renamed");
        assertThat(request.round()).isZero();

        request.submit(new BigDecimal("900"), check("WARNING", false), null, 0, NOW);
        assertThat(request.status()).isEqualTo(PurchaseRequestStatus.SUBMITTED);
        assertThat(request.round()).isEqualTo(1);
        assertThat(request.totalBase()).isEqualByComparingTo("900");
        assertThat(request.checkStatus()).isEqualTo("WARNING");
        assertThatThrownBy(() -> request.apply(header("Too late"))).isInstanceOf(ConflictException.class);

        request.returnedForChanges();
        assertThat(request.status()).isEqualTo(PurchaseRequestStatus.DRAFT);
        request.submit(new BigDecimal("600"), check("OK", false), null, 0, NOW);
        assertThat(request.round()).isEqualTo(2);
        request.approved(NOW);
        assertThat(request.status()).isEqualTo(PurchaseRequestStatus.APPROVED);
        assertThat(request.decidedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyASubmittedRequestIsDecidedOrWithdrawn() {
        PurchaseRequest request = draft();
        assertThatThrownBy(() -> request.approved(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> request.withdraw(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(request::returnedForChanges).isInstanceOf(ConflictException.class);
        request.submit(BigDecimal.TEN, check("OK", false), null, 0, NOW);
        request.rejected(NOW);
        assertThat(request.status()).isEqualTo(PurchaseRequestStatus.REJECTED);
        assertThatThrownBy(() -> request.submit(BigDecimal.TEN, check("OK", false), null, 0, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> request.withdraw(NOW)).isInstanceOf(ConflictException.class);
    }

    private static PurchaseRequest draft() {
        return new PurchaseRequest("PR-2026-0001", UUID.randomUUID(), "EUR", header("Laptops"));
    }

    private static PurchaseRequest.Header header(String title) {
        return new PurchaseRequest.Header(title, null, null, null, UUID.randomUUID(), null, ExpenseType.OPEX);
    }

    private static BudgetCheck check(String status, boolean extra) {
        return new BudgetCheck(UUID.randomUUID(), status, BigDecimal.TEN, new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal("990"),
                BigDecimal.ONE, SpendPolicy.WARN, true, extra, "EUR");
    }
}
