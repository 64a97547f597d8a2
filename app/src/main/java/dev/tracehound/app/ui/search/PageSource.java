package dev.tracehound.app.ui.search;

import dev.tracehound.timeline.search.SearchPage;

/** Fetches one page of a fixed query, after a cursor (null for the first page). Called off the UI thread. */
@FunctionalInterface
public interface PageSource {
    SearchPage fetch(String cursor, int limit);
}
