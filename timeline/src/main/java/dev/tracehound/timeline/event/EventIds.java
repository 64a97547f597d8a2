package dev.tracehound.timeline.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable event ids: the same evidence file and the same record locator always give the same id, so
 * importing a file twice adds nothing the second time.
 */
public final class EventIds {
    private EventIds() {}

    /** One digest per thread: an import computes an id per event, and a fresh digest each time was an eighth of its garbage. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(EventIds::sha256);

    /** 32 hex characters (128 bits of SHA-256 over evidence hash and locator). */
    public static String of(String evidenceSha256, String locator) {
        MessageDigest md = DIGEST.get(); // digest() below resets it for the next call
        md.update(evidenceSha256.getBytes(StandardCharsets.US_ASCII));
        md.update((byte) 0);
        md.update(locator.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
