package dev.tracehound.timeline.provenance;

/** How text reached the model: in plain sight, or hidden from a human reader. */
public enum Carrier {
    PLAIN(false),
    HTML_COMMENT(true),
    HIDDEN_HTML(true),
    ZERO_WIDTH(true),
    UNICODE_TAGS(true),
    BIDI_CONTROLS(true),
    BASE64(true),
    HEX(true);

    private final boolean hidden;

    Carrier(boolean hidden) {
        this.hidden = hidden;
    }

    /** True when a person reading the rendered text would not see this content. */
    public boolean hidden() {
        return hidden;
    }
}
