package dev.tracehound.replay.wire;

import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import java.util.HashMap;
import java.util.Map;

/**
 * What a request builder needs beyond the messages: the sampling actually used (plan values win, then the
 * values recorded on the original call) and the tool name behind each tool call id.
 */
record RequestParams(Double temperature, Double topP, Long seed, Integer maxTokens, Map<String, String> toolNamesById) {

    static RequestParams of(ModelContext context, Sampling sampling) {
        Map<String, Object> recorded = context.params();
        Sampling s = sampling == null ? Sampling.DEFAULTS : sampling;
        Map<String, String> names = new HashMap<>();
        for (ContextPart p : context.input()) {
            for (ContextPart.ToolCall c : p.toolCalls()) {
                if (c.id() != null && c.name() != null) names.put(c.id(), c.name());
            }
        }
        return new RequestParams(
                s.temperature() != null ? s.temperature() : recordedTemperature(context),
                s.topP() != null ? s.topP() : asDouble(recorded.get("top_p")),
                s.seed() != null ? s.seed() : asLong(recorded.get("seed")),
                s.maxTokens() != null ? s.maxTokens() : asInt(firstOf(recorded, "max_tokens", "max_completion_tokens", "max_output_tokens")),
                names);
    }

    /** The temperature recorded on the original call, sent when a plan sets none; null when none was recorded. */
    static Double recordedTemperature(ModelContext context) {
        return asDouble(context.params().get("temperature"));
    }

    String toolName(ContextPart toolPart) {
        if (toolPart.name() != null && !toolPart.name().isBlank()) return toolPart.name();
        return toolNamesById.get(toolPart.toolCallId());
    }

    private static Object firstOf(Map<String, Object> m, String... keys) {
        for (String k : keys) if (m.get(k) != null) return m.get(k);
        return null;
    }

    private static Double asDouble(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) try { return Double.parseDouble(s.strip()); } catch (NumberFormatException e) { return null; }
        return null;
    }

    private static Long asLong(Object o) {
        Double d = asDouble(o);
        return d == null ? null : d.longValue();
    }

    private static Integer asInt(Object o) {
        Double d = asDouble(o);
        return d == null ? null : d.intValue();
    }
}
