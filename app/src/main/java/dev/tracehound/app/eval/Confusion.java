package dev.tracehound.app.eval;

/** A binary confusion matrix with precision, recall and F1 (NaN where undefined). */
public final class Confusion {
    private int tp;
    private int fp;
    private int fn;
    private int tn;

    public void add(boolean predicted, boolean actual) {
        if (predicted && actual) tp++;
        else if (predicted) fp++;
        else if (actual) fn++;
        else tn++;
    }

    public int tp() { return tp; }
    public int fp() { return fp; }
    public int fn() { return fn; }
    public int tn() { return tn; }

    public double precision() {
        return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }
}
