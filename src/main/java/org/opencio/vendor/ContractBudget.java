package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.opencio.budget.BudgetCheck;
import org.opencio.budget.BudgetExceededException;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.SourceDocument;
import org.opencio.shared.Checks;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A contract's money in the budget, through the budget module's ledger: a term in force commits its annual value on
 * its budget line (source "contract", the term's id); when it stops binding, what no invoice has settled is released.
 * The ledger is idempotent by source, so a repeated call never counts twice.
 */
@Component
class ContractBudget {

    static final String SOURCE_TYPE = "contract";

    private final BudgetLedger ledger;

    ContractBudget(BudgetLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Checks that the line exists in this organization and that its budget is kept in the contract's currency. The
     * caller throws the collected errors: a line that does not exist leaves the transaction to be rolled back.
     */
    void validate(Checks checks, UUID lineId, String currency, BigDecimal annualValue) {
        try {
            BudgetCheck check = ledger.check(lineId, annualValue.signum() > 0 ? annualValue : BigDecimal.ONE);
            checks.rule(check.currency().equals(currency), "currency", "budget-currency",
                    "currency must be " + check.currency() + ", the currency of the budget that budgetLineId belongs to");
        } catch (NotFoundException e) {
            checks.rule(false, "budgetLineId", "unknown", "budgetLineId names no budget line of this organization");
        }
    }

    /** Commits the annual value; refused with 409 when the line's policy blocks it. */
    void commit(Contract contract) {
        UUID line = contract.budgetLineId();
        if (line == null || contract.budgetCommitted() != null) {
            return;
        }
        BigDecimal amount = contract.annualValue();
        if (amount.signum() > 0) {
            BudgetCheck check = ledger.check(line, amount);
            if (!check.allowed()) {
                throw new CommitmentRefusedException(check);
            }
            try {
                ledger.commit(line, amount, source(contract), null, description(contract));
            } catch (BudgetExceededException e) {
                throw new CommitmentRefusedException(e.check());
            }
        }
        contract.committed(amount);
    }

    /**
     * Commits when the line allows it and answers the check; a refusal changes nothing (the daily job renews a
     * contract whatever its budget says: the vendor will invoice it).
     */
    BudgetCheck tryCommit(Contract contract) {
        UUID line = contract.budgetLineId();
        BigDecimal amount = contract.annualValue();
        BudgetCheck check = ledger.check(line, amount.signum() > 0 ? amount : BigDecimal.ONE);
        if (check.allowed()) {
            commit(contract);
        }
        return check;
    }

    /** Gives back what remains committed (the annual value less the invoices that settled it). */
    void release(Contract contract, LocalDate today) {
        if (!contract.holdsCommitment()) {
            return;
        }
        if (contract.budgetCommitted().signum() > 0) {
            ledger.releaseCommitment(contract.budgetLineId(), source(contract));
        }
        contract.released(today);
    }

    static SourceDocument source(Contract contract) {
        return new SourceDocument(SOURCE_TYPE, contract.getId().toString());
    }

    private static String description(Contract contract) {
        String text = "Contract: " + contract.title() + (contract.termNumber() > 1 ? " (term " + contract.termNumber() + ")" : "");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
