package dev.tracehound.replay.plan;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.wire.Sampling;
import java.math.BigDecimal;
import java.util.List;

/**
 * The numbers of a plan, checked on the JSON as written, before binding: a fraction where a count is meant (2.5
 * trials) or a number past the field's type (10000000000 max tokens) would otherwise be rounded or reported without
 * the field's name. The ranges are those the records themselves enforce ({@link ReplayPlan#checkTrials},
 * {@link Sampling}, {@link CriterionSettings}); values that are not numbers are left to the binding. A plan names no
 * endpoint, so one provider's narrower range (Anthropic's temperature 0 to 1) is checked when the plan meets its
 * endpoint, by {@link dev.tracehound.replay.endpoint.EndpointKind#checkTemperature}.
 */
final class PlanValues {
    private record Range(String field, BigDecimal min, BigDecimal max, boolean whole) {}

    private static final List<Range> ROOT = List.of(new Range("trials", BigDecimal.ONE, BigDecimal.valueOf(ReplayPlan.MAX_TRIALS), true));
    private static final List<Range> SAMPLING = List.of(
            new Range("temperature", BigDecimal.ZERO, BigDecimal.valueOf(Sampling.MAX_TEMPERATURE), false),
            new Range("topP", BigDecimal.ZERO, BigDecimal.ONE, false),
            new Range("maxTokens", BigDecimal.ONE, BigDecimal.valueOf(Integer.MAX_VALUE), true),
            new Range("seed", BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE), true));
    private static final List<Range> CRITERION = List.of(new Range("textThreshold", BigDecimal.ZERO, BigDecimal.ONE, false));

    private PlanValues() {}

    static void check(JsonNode plan) {
        check(plan, "", ROOT);
        check(plan.get("sampling"), "sampling.", SAMPLING);
        check(plan.get("criterion"), "criterion.", CRITERION);
    }

    private static void check(JsonNode object, String prefix, List<Range> ranges) {
        if (object == null || !object.isObject()) return;
        for (Range r : ranges) {
            JsonNode v = object.get(r.field());
            if (v == null || !v.isNumber()) continue;
            BigDecimal value = v.decimalValue();
            boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
            if (value.compareTo(r.min()) < 0 || value.compareTo(r.max()) > 0 || (r.whole() && !whole)) {
                throw new IllegalArgumentException(prefix + r.field() + " must be " + (r.whole() && !whole ? "a whole number " : "")
                        + "between " + shown(r.min()) + " and " + shown(r.max()) + ", not " + shown(value));
            }
        }
    }

    /** 99 rather than 99.0; a number of extreme size in scientific notation rather than a thousand digits. */
    private static String shown(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return Math.abs(v.scale()) <= 20 ? v.toPlainString() : v.toString();
    }

    /** "sampling." for a value refused in the sampling object: the fields leading to it. */
    static String path(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) b.append(r.getFieldName()).append('.');
        }
        return b.toString();
    }
}
