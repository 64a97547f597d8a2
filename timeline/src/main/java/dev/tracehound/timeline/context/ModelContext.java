package dev.tracehound.timeline.context;

import java.util.List;
import java.util.Map;

/**
 * The exact ordered input one model call saw, and what it answered. Replay rebuilds provider requests
 * from it; detectors reason over it.
 *
 * @param callEventId the MODEL_CALL (or, for transcripts without call events, the MODEL_RESPONSE) event
 * @param input system instructions, messages and retrieved documents, in the order the model saw them
 * @param tools tool definitions offered to the model
 * @param params sampling parameters as recorded (temperature, top_p, max_tokens ...)
 * @param output the recorded response: usually one assistant part, with its tool calls
 */
public record ModelContext(
        String callEventId,
        String sessionId,
        String provider,
        String model,
        List<ContextPart> input,
        List<ToolSpec> tools,
        Map<String, Object> params,
        List<ContextPart> output) {

    public ModelContext {
        input = List.copyOf(input);
        tools = List.copyOf(tools);
        params = params == null ? Map.of() : Map.copyOf(params);
        output = List.copyOf(output);
    }
}
