package dev.tracehound.timeline.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.evidence.Hashing;
import java.util.List;

/**
 * How an audit entry's hash is computed: SHA-256 (hex) of the previous hash followed by a canonical
 * serialization of the entry's own fields (a JSON array, so no field can bleed into the next).
 */
public final class AuditChain {
    private AuditChain() {}

    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String canonical(long seq, String time, String actor, String action, String details) {
        try {
            return JSON.writeValueAsString(List.of(seq, time, actor, action, details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an audit entry", e);
        }
    }

    public static String hash(String prevHash, long seq, String time, String actor, String action, String details) {
        return Hashing.sha256Hex(prevHash + canonical(seq, time, actor, action, details));
    }

    public static String hash(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.time().toString(), e.actor(), e.action(), e.details());
    }
}
