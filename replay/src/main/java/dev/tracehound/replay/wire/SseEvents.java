package dev.tracehound.replay.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Server-Sent Events body into events (per the WHATWG rules: blank line ends an event, {@code data:}
 * lines join with newlines, comments start with a colon, CRLF or LF line ends).
 */
public final class SseEvents {
    private SseEvents() {}

    public record SseEvent(String event, String data) {}

    public static List<SseEvent> read(byte[] body) {
        List<SseEvent> events = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        String event = null;
        StringBuilder data = null;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            if (line.isEmpty()) {
                if (data != null) events.add(new SseEvent(event, data.toString()));
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "event" -> event = value;
                case "data" -> {
                    if (data == null) data = new StringBuilder();
                    else data.append('\n');
                    data.append(value);
                }
                default -> { /* id, retry: not needed to rebuild a reply */ }
            }
        }
        if (data != null) events.add(new SseEvent(event, data.toString()));
        return events;
    }
}
