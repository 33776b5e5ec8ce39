package org.opencio.vendor;

import org.opencio.budget.BudgetCheck;
import org.opencio.shared.ConflictException;

/** A contract's annual value does not fit its budget line, whose policy blocks overspending: answered 409. */
public class CommitmentRefusedException extends ConflictException {

    private final BudgetCheck check;

    CommitmentRefusedException(BudgetCheck check) {
        super("budgetLineId", "the annual value exceeds what is available on the budget line (" + check.availableBefore().toPlainString()
                + " " + check.currency() + ") and its policy blocks overspending");
        this.check = check;
    }

    public BudgetCheck check() {
        return check;
    }
}
