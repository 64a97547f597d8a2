package dev.tracehound.replay.stats;

import java.util.Locale;

/** k reproducing trials out of n completed ones, with the 95% Wilson interval. */
public record ReproductionRate(int reproduced, int completed, double rate, double low, double high) {

    public static ReproductionRate of(int reproduced, int completed) {
        WilsonInterval w = WilsonInterval.of(reproduced, completed);
        return new ReproductionRate(reproduced, completed, completed == 0 ? 0 : (double) reproduced / completed, w.low(), w.high());
    }

    /** "reproduced 9/10 (95% Wilson interval 0.60–0.98)". */
    public String describe() {
        if (completed == 0) return "reproduced 0/0 (no trial completed)";
        return String.format(Locale.ROOT, "reproduced %d/%d (95%% Wilson interval %.2f–%.2f)", reproduced, completed, low, high);
    }
}
