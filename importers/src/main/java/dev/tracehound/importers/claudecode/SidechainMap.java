package dev.tracehound.importers.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.read.GzipDamageException;
import dev.tracehound.importers.read.JsonArrayRecords;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonLines;
import dev.tracehound.importers.read.Times;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A first pass over a session file that works out which sub-agent each sidechain line belongs to and
 * which Task call launched it. Needed because Claude Code writes {@code agentId} on some sidechain lines
 * only, and the Task's tool_result (which names the agent) may come before or after the sub-agent's lines.
 * Holds a few strings per sidechain line and per Task call, never message content.
 *
 * <p>Resolution: a sidechain line takes the {@code agentId} of the nearest ancestor (by parentUuid) that
 * has one; a chain with none is attributed to the latest Task call made before its root's timestamp.
 */
final class SidechainMap {
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, String> agentOfLine = new HashMap<>();
    private final Map<String, Long> timeOfLine = new HashMap<>();
    private final Map<String, String> agentOfTaskCall = new HashMap<>();
    private final Map<String, String> taskCallOfAgent = new HashMap<>();
    private final List<TaskCall> taskCalls = new ArrayList<>();
    private final Map<String, String> resolved = new HashMap<>();
    String firstSessionId;
    Long firstTime;

    record TaskCall(String sessionId, long time, String toolUseId) {}

    static SidechainMap scan(ImportSource source, boolean webExport) throws IOException {
        SidechainMap map = new SidechainMap();
        if (webExport) {
            try {
                JsonArrayRecords.readField(source, SILENT, "loglines", (node, pointer) -> map.add(node));
            } catch (IOException e) {
                // the export breaks off: the second pass quarantines the line and says where; map what came before
            }
            return map;
        }
        try (JsonLines lines = new JsonLines(source.open())) {
            JsonLines.Line line;
            while ((line = lines.next()) != null) {
                if (line.blank() || line.oversized()) continue;
                try {
                    map.add(Json.parse(line.bytes(), 0, line.length()));
                } catch (IOException | RuntimeException e) {
                    // the second pass quarantines it
                }
            }
        } catch (GzipDamageException e) {
            // the lines before the damage are mapped; the second pass quarantines the damage
        }
        return map;
    }

    /** The first pass reports nothing: the second pass counts and quarantines. */
    private static final EventSink SILENT = new EventSink() {
        @Override public void accept(dev.tracehound.timeline.event.Event event) {}
        @Override public void quarantine(String locator, String reason, String excerpt) {}
        @Override public void warn(String code, String message, String locator) {}
        @Override public void recordRead(long bytesConsumedSoFar) {}
        @Override public boolean cancelled() { return false; }
    };

    private void add(JsonNode n) {
        if (!n.isObject()) return;
        String session = Json.text(n, "sessionId");
        Long time = Times.nanos(n.get("timestamp"));
        if (firstSessionId == null && session != null) firstSessionId = session;
        if (firstTime == null && time != null) firstTime = time;
        String uuid = Json.text(n, "uuid");
        String agent = Json.text(n, "agentId");
        if (n.path("isSidechain").asBoolean(false) && uuid != null) {
            parentOf.put(uuid, Json.text(n, "parentUuid"));
            if (agent != null) agentOfLine.put(uuid, agent);
            if (time != null) timeOfLine.put(uuid, time);
        }
        String resultAgent = agent != null ? agent : Json.text(n.path("toolUseResult"), "agentId");
        for (JsonNode block : n.path("message").path("content")) {
            String type = Json.text(block, "type");
            if ("tool_result".equals(type) && resultAgent != null && !n.path("isSidechain").asBoolean(false)) {
                String callId = Json.text(block, "tool_use_id");
                if (callId != null) {
                    agentOfTaskCall.put(callId, resultAgent);
                    taskCallOfAgent.put(resultAgent, callId);
                }
            } else if ("tool_use".equals(type) && isTaskTool(Json.text(block, "name")) && time != null) {
                taskCalls.add(new TaskCall(session, time, Json.text(block, "id")));
            }
        }
    }

    static boolean isTaskTool(String name) {
        return "Task".equals(name) || "Agent".equals(name);
    }

    /** The sub-agent id of a sidechain line ({@code "sidechain"} when nothing names one). */
    String agentOf(String uuid, String sessionId) {
        if (uuid == null) return "sidechain";
        String known = resolved.get(uuid);
        if (known != null) return known;
        Set<String> seen = new HashSet<>();
        String cursor = uuid;
        String root = uuid;
        String agent = null;
        while (cursor != null && seen.add(cursor)) {
            agent = agentOfLine.get(cursor);
            if (agent != null) break;
            root = cursor;
            cursor = parentOf.get(cursor);
        }
        if (agent == null) agent = agentByTime(timeOfLine.get(root), sessionId);
        if (agent == null) agent = "sidechain";
        resolved.put(uuid, agent);
        return agent;
    }

    private String agentByTime(Long rootTime, String sessionId) {
        if (rootTime == null) return null;
        TaskCall best = null;
        for (TaskCall t : taskCalls) {
            if (t.time() <= rootTime && (sessionId == null || sessionId.equals(t.sessionId())) && (best == null || t.time() > best.time())) best = t;
        }
        if (best == null) return null;
        String agent = agentOfTaskCall.get(best.toolUseId());
        if (agent == null) {
            agent = "task-" + best.toolUseId();
            taskCallOfAgent.putIfAbsent(agent, best.toolUseId());
        }
        return agent;
    }

    /** The tool_use id of the Task call that launched the agent, or null. */
    String taskCallOf(String agentId) {
        return taskCallOfAgent.get(agentId);
    }
}
