package dev.tracehound.timeline.context;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.store.EventStore;
import java.util.List;
import java.util.Optional;

/** {@link ContextReconstructor} over a case's event store; the work is done by {@link ModelContexts}. */
public final class TimelineContextReconstructor implements ContextReconstructor {
    private final EventStore store;

    public TimelineContextReconstructor(EventStore store) {
        this.store = store;
    }

    @Override
    public Optional<ModelContext> contextOf(String callEventId) {
        Optional<Event> call = store.get(callEventId);
        if (call.isEmpty() || call.get().sessionId() == null) return Optional.empty();
        return contextsOf(call.get().sessionId()).stream().filter(c -> c.callEventId().equals(callEventId)).findFirst();
    }

    @Override
    public List<ModelContext> contextsOf(String sessionId) {
        return ModelContexts.of(SessionReconstructor.build(sessionId, store.session(sessionId)));
    }
}
