package dev.tracehound.app.ui.search;

import dev.tracehound.timeline.event.Event;

/**
 * One row of the event table: an event, or a placeholder while its page is being fetched.
 *
 * @param event null while loading
 */
public record EventRow(int index, Event event) {

    public static EventRow loading(int index) {
        return new EventRow(index, null);
    }

    public boolean isLoading() {
        return event == null;
    }
}
