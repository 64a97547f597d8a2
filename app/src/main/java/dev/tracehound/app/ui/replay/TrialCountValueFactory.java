package dev.tracehound.app.ui.replay;

import dev.tracehound.replay.plan.ReplayPlan;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * The trials spinner's values. The arrows step within 1 to {@link ReplayPlan#MAX_TRIALS}, but a typed number is kept
 * as typed: {@code IntegerSpinnerValueFactory} would turn 5000 into 1000 without a word, and the screen is to refuse
 * it with the CLI's message instead. Text that is no whole number (or none an int holds) becomes null, refused too.
 */
final class TrialCountValueFactory extends SpinnerValueFactory<Integer> {
    TrialCountValueFactory(Integer initial) {
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return text == null ? null : Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        });
        setValue(initial);
    }

    @Override
    public void increment(int steps) {
        stepBy(steps);
    }

    @Override
    public void decrement(int steps) {
        stepBy(-steps);
    }

    /** An arrow press is a choice within the range, so it lands inside it even from a value typed outside. */
    private void stepBy(int steps) {
        long next = (getValue() == null ? 0L : getValue()) + steps;
        setValue(Math.clamp(next, 1, ReplayPlan.MAX_TRIALS));
    }
}
