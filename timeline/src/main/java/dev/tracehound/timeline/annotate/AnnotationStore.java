package dev.tracehound.timeline.annotate;

import java.util.List;

/** Stars, tags and notes on events and sessions. Every change is audited with its actor. */
public interface AnnotationStore {

    void star(String targetId, boolean starred, String actor);

    void tag(String targetId, String tag, String actor);

    void untag(String targetId, String tag, String actor);

    void note(String targetId, String text, String actor);

    Annotations of(String targetId);

    /** Every target that carries a star, a tag or a note. */
    List<Annotations> all();
}
