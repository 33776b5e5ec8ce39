package org.opencio.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.platform.security.Role;

/** A person's place in one organization: role, department and the amount they may approve. */
@Entity
@Table(name = "memberships")
class Membership extends TenantEntity {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "department_id")
    private @Nullable UUID departmentId;

    @Column(name = "approval_limit", nullable = false, precision = 19, scale = 4)
    private BigDecimal approvalLimit;

    @Column(name = "approval_currency", nullable = false)
    private String approvalCurrency;

    @Column(nullable = false)
    private boolean active = true;

    protected Membership() {}

    Membership(UUID accountId, Role role, @Nullable UUID departmentId, BigDecimal approvalLimit, String currency) {
        this.accountId = accountId;
        this.approvalCurrency = currency;
        change(role, departmentId, approvalLimit);
    }

    void change(Role role, @Nullable UUID departmentId, BigDecimal approvalLimit) {
        this.role = role;
        this.departmentId = departmentId;
        this.approvalLimit = approvalLimit;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    UUID accountId() {
        return accountId;
    }

    Role role() {
        return role;
    }

    @Nullable
    UUID departmentId() {
        return departmentId;
    }

    BigDecimal approvalLimit() {
        return approvalLimit;
    }

    boolean active() {
        return active;
    }

    record Snapshot(UUID accountId, Role role, @Nullable UUID departmentId, BigDecimal approvalLimit, String currency, boolean active) {}

    Snapshot snapshot() {
        return new Snapshot(accountId, role, departmentId, approvalLimit, approvalCurrency, active);
    }
}
