package dev.tracehound.playbooks.run;

/** How an automatic check came out. */
public enum CheckOutcome {
    /** The rule for done holds. */
    MET,
    /** It does not hold (yet). */
    NOT_MET,
    /** It could not be evaluated, for example a query the index rejects. */
    ERROR
}
