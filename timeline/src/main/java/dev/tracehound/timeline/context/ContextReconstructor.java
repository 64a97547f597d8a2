package dev.tracehound.timeline.context;

import java.util.List;
import java.util.Optional;

/** Rebuilds, for any model call in a case, the ordered input the model saw. */
public interface ContextReconstructor {

    Optional<ModelContext> contextOf(String callEventId);

    /** Every model call of a session, in order. */
    List<ModelContext> contextsOf(String sessionId);
}
