package org.opencio.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DocumentNumbersIntegrationTests {

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    TransactionTemplate tx;

    @Test
    void numbersCountPerOrganizationSeriesAndYearAndARolledBackNumberIsHandedOutAgain() {
        Org a = fixtures.organization();
        Org b = fixtures.organization();
        assertThat(take(a, () -> numbers.nextInYear("PO", 2026))).isEqualTo("PO-2026-0001");
        assertThat(take(a, () -> numbers.nextInYear("PO", 2026))).isEqualTo("PO-2026-0002");
        assertThat(take(a, () -> numbers.nextInYear("PO", 2027))).isEqualTo("PO-2027-0001");
        assertThat(take(a, () -> numbers.nextInYear("PR", 2026))).isEqualTo("PR-2026-0001");
        assertThat(take(b, () -> numbers.nextInYear("PO", 2026))).isEqualTo("PO-2026-0001");
        assertThat(take(a, () -> numbers.nextOf("IT"))).isEqualTo("IT-1");

        fixtures.as(a.cio(), () -> tx.execute(status -> {
            assertThat(numbers.nextInYear("PO", 2026)).isEqualTo("PO-2026-0003");
            status.setRollbackOnly();
            return null;
        }));
        assertThat(take(a, () -> numbers.nextInYear("PO", 2026))).isEqualTo("PO-2026-0003");
        // Outside a transaction a number could be lost: refused.
        assertThatThrownBy(() -> fixtures.as(a.cio(), () -> numbers.nextOf("IT"))).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void concurrentCreatorsNeverGetTheSameNumber() throws Exception {
        Org org = fixtures.organization();
        int creators = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return take(org, () -> numbers.nextInYear("PR", 2030));
            }));
        }
        start.countDown();
        List<String> taken = new ArrayList<>();
        for (Future<String> f : results) {
            taken.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Collections.sort(taken);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= creators; i++) {
            expected.add("PR-2030-%04d".formatted(i));
        }
        assertThat(taken).containsExactlyElementsOf(expected);
    }

    private String take(Org org, java.util.function.Supplier<String> work) {
        return fixtures.as(org.cio(), () -> tx.execute(status -> work.get()));
    }
}
