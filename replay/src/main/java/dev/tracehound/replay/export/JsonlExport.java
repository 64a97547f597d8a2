package dev.tracehound.replay.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.replay.Json;

/**
 * Writes a regression case as one JSONL line: {@code messages} and {@code tools} in OpenAI chat shape,
 * {@code not_expected} (the tool calls or text seen in the incident), {@code expected} (what a fixed system
 * should do) and {@code source} (the model call it came from).
 */
public final class JsonlExport {
    private JsonlExport() {}

    public static String line(RegressionCase rc, String caseName) {
        ObjectNode root = Json.object();
        root.put("id", rc.callEventId());
        root.set("messages", rc.messages());
        root.set("tools", rc.tools());
        ObjectNode notExpected = root.putObject("not_expected");
        notExpected.set("tool_calls", Json.MAPPER.valueToTree(rc.forbiddenTools()));
        notExpected.set("original_tool_calls", rc.originalCallsJson());
        if (rc.forbiddenText() != null) notExpected.put("text_contains", rc.forbiddenText());
        ObjectNode expected = root.putObject("expected");
        if (!rc.forbiddenTools().isEmpty()) expected.put("behaviour", "does not call " + String.join(", ", rc.forbiddenTools()));
        else if (rc.expectRefusal()) expected.put("behaviour", "refuses").put("refusal", true);
        else expected.put("behaviour", "does not answer as recorded");
        ObjectNode source = root.putObject("source").put("callEventId", rc.callEventId()).put("model", rc.model());
        if (rc.provider() != null) source.put("provider", rc.provider());
        if (caseName != null) source.put("case", caseName);
        return Json.write(root) + "\n";
    }
}
