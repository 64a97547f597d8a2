package dev.tracehound.replay.client;

import dev.tracehound.replay.wire.ModelReply;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request to a model endpoint and what came back, after retries. Holds no secret: {@code requestHeaders}
 * are the non-auth headers only, so the whole record can be stored.
 *
 * @param status the last HTTP status, 0 when no response arrived
 * @param reply the parsed reply, null when the exchange failed
 * @param error why it failed, in words a user can act on; null on success
 * @param waits every wait before a retry, with its reason
 */
public record Exchange(String url, Map<String, String> requestHeaders, byte[] requestBody, int status,
        byte[] responseBody, Instant started, long durationMillis, int attempts, List<String> waits, ModelReply reply,
        String error) {

    public boolean ok() {
        return error == null && reply != null;
    }
}
