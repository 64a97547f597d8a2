package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An incoming event whose id the case already holds with other content. Only Tracehound's JSONL keeps the ids a file
 * carries, so this is an edited or forged export, or genuine evidence whose ids a forged file claimed first. Either
 * way one of the two records is not what it says: the stored event is kept, the incoming record is quarantined
 * (never counted as a duplicate, which would hide it) and the import report warns.
 *
 * @param evidenceSha256 the incoming record's evidence file
 * @param locator the incoming record's place in that file
 * @param excerpt the incoming values of the fields that differ
 */
public record IdConflict(String eventId, String evidenceSha256, String locator, String reason, String excerpt) {
    /** The import report's warning code for these. */
    public static final String WARNING = "EVENT_ID_CONFLICT";
    /** Each differing value shown in the excerpt is cut to this many characters (a text may be a megabyte). */
    private static final int EXCERPT_VALUE_CHARS = 500;

    static IdConflict of(Event kept, Event incoming, List<ContentField> differing) {
        String fields = differing.stream().map(ContentField::key).collect(Collectors.joining(", "));
        String reason = "event id " + incoming.eventId() + " is already in the case with different content (" + fields
                + (differing.size() == 1 ? " differs" : " differ") + "; stored from evidence " + kept.evidenceSha256()
                + " at " + kept.locator() + "); kept the stored event";
        return new IdConflict(incoming.eventId(), incoming.evidenceSha256(), incoming.locator(), reason, excerpt(incoming, differing));
    }

    /**
     * An incoming event that a dedup key names as a stored event from another file, whose kind or text differs: two
     * exports of one span or message agree there, so one of the two files is not what it says (a forged export keeping
     * the genuine event's dedup key under an id of its own). Quarantined like an id conflict, not recorded as a sighting.
     */
    static IdConflict ofDedupKey(Event kept, Event incoming, List<ContentField> differing) {
        String fields = differing.stream().map(ContentField::key).collect(Collectors.joining(" and "));
        String reason = "dedup key " + incoming.dedupKey() + " names event " + kept.eventId() + ", stored from evidence "
                + kept.evidenceSha256() + " at " + kept.locator() + ", whose " + fields + (differing.size() == 1 ? " differs" : " differ")
                + "; kept the stored event";
        return new IdConflict(incoming.eventId(), incoming.evidenceSha256(), incoming.locator(), reason, excerpt(incoming, differing));
    }

    /** The incoming values of the fields that differ, each cut to {@link #EXCERPT_VALUE_CHARS}. */
    private static String excerpt(Event incoming, List<ContentField> differing) {
        return differing.stream().map(f -> f.key() + "=" + cut(String.valueOf(f.valueOf(incoming)))).collect(Collectors.joining("; "));
    }

    private static String cut(String s) {
        return s.length() <= EXCERPT_VALUE_CHARS ? s : s.substring(0, EXCERPT_VALUE_CHARS) + "…";
    }
}
