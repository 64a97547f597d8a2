package dev.tracehound.app.cli;

import dev.tracehound.timeline.context.ContextReconstructor;
import dev.tracehound.timeline.context.TimelineContextReconstructor;
import dev.tracehound.timeline.store.Case;
import java.util.function.Function;

/**
 * Where replay commands get the {@link ContextReconstructor} of a case. One seam, so the implementation (the
 * analysis helper's) can be swapped without touching the commands, and tests can supply their own.
 */
public final class ContextReconstructorFactory {
    private static volatile Function<Case, ContextReconstructor> factory = c -> new TimelineContextReconstructor(c.events());

    private ContextReconstructorFactory() {}

    public static ContextReconstructor forCase(Case c) {
        return factory.apply(c);
    }

    public static void use(Function<Case, ContextReconstructor> f) {
        factory = f;
    }
}
