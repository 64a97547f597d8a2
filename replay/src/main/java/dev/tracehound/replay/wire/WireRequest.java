package dev.tracehound.replay.wire;

import java.util.Map;

/**
 * A request ready to send: path relative to the profile's base URL, the body, and the headers that carry no
 * secret. Authentication headers are added by the client at send time and never live here, so whatever is
 * stored from a {@code WireRequest} is free of keys.
 */
public record WireRequest(String path, byte[] body, Map<String, String> headers, boolean stream) {
    public WireRequest {
        headers = Map.copyOf(headers);
    }
}
