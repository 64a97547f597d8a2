package dev.tracehound.timeline.provenance;

/**
 * How an order to the reader sits in running text, shared by the rules that read third-party content for
 * orders ({@link ReplyTampering}, {@link TaskHijack}): where it starts, and how far its sentence runs.
 */
final class Orders {
    private Orders() {}

    /**
     * Where an order starts: a line or sentence start, or after a polite or modal lead-in. Statements ("we
     * encrypt your message") are not orders. Runs of blanks are bounded so that text of nothing but blank lines
     * cannot make the matcher rescan it from every line.
     */
    static final String START = "(?:^[ \\t\\-*>•]{0,8}|(?<=[.!?:;\"”)\\]])\\s{1,8}|\\b(?:please|kindly|also|then|now|and"
            + "|(?:can|could|would|will)\\s+you(?:\\s+please)?|you\\s+(?:must|should|need\\s+to|have\\s+to))\\s{1,4})";

    /** Up to n characters of the same sentence; a dot inside a token (example.com, e.g.) does not end it. */
    static String within(int n) {
        return "(?:[^.!?\\n]|\\.(?=\\w)){0," + n + "}?";
    }
}
