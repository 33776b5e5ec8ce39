package org.opencio.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.opencio.platform.security.Role;
import org.opencio.shared.ConflictException;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Two CIOs demoting each other at the same moment: one wins, the organization keeps a CIO. */
@IntegrationTest
class LastCioConcurrencyIntegrationTests {

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    MemberManagement members;

    @RepeatedTest(3)
    void twoCiosCannotDemoteEachOtherAtOnce() throws Exception {
        var org = fixtures.organization();
        var first = org.cio();
        var second = fixtures.member(org, Role.CIO);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(() -> demote(first, second, start));
            Future<Boolean> b = pool.submit(() -> demote(second, first, start));
            start.countDown();
            List<Boolean> results = List.of(a.get(), b.get());
            assertThat(results).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        long cios = fixtures.as(first, () -> members.activeAccounts(Role.CIO)).size();
        assertThat(cios).isEqualTo(1);
    }

    private boolean demote(OrgFixtures.Person actor, OrgFixtures.Person target, CountDownLatch start) throws InterruptedException {
        start.await();
        try {
            fixtures.as(actor, () -> {
                var current = members.get(target.membershipId());
                return members.update(target.membershipId(), new UpdateMember(Role.IT_MANAGER, null, BigDecimal.ZERO), current.version());
            });
            return true;
        } catch (ConflictException | org.opencio.shared.ForbiddenException | org.opencio.shared.NotFoundException e) {
            return false;
        }
    }
}
