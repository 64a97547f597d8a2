package dev.tracehound.timeline.search;

import dev.tracehound.timeline.event.Event;
import java.util.List;

/**
 * One page of results, in order.
 *
 * @param totalHits how many events match in all when {@code totalIsExact}; otherwise at least this many (counting
 *     every match of a phrase or wildcard query over a large case would cost more than finding the page, so the
 *     search stops counting; {@link EventSearch#count(String)} gives the exact number when it is needed)
 * @param nextCursor pass to {@link SearchRequest#next(String)} for the following page; null on the last page
 * @param totalIsExact false when {@code totalHits} is a lower bound
 */
public record SearchPage(List<Event> events, long totalHits, String nextCursor, boolean totalIsExact) {

    /** A page whose total is exact. */
    public SearchPage(List<Event> events, long totalHits, String nextCursor) {
        this(events, totalHits, nextCursor, true);
    }
}
