package dev.tracehound.timeline.search;

import dev.tracehound.timeline.event.Event;
import java.util.List;

/**
 * One page of results, in order.
 *
 * @param totalHits how many events match in all
 * @param nextCursor pass to {@link SearchRequest#next(String)} for the following page; null on the last page
 */
public record SearchPage(List<Event> events, long totalHits, String nextCursor) {}
