package dev.tracehound.app.ui.search;

import dev.tracehound.timeline.search.EventSearch;
import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.search.SearchSort;

/** The pages of one fixed query. Called off the UI thread. */
public interface PageSource {

    /** One page after a cursor (null for the first page). */
    SearchPage fetch(String cursor, int limit);

    /** The cursor of the page that starts at hit {@code position}, found without fetching the pages before it. */
    String cursorAt(long position);

    static PageSource of(EventSearch search, String query, SearchSort sort) {
        return new PageSource() {
            @Override
            public SearchPage fetch(String cursor, int limit) {
                return search.search(new SearchRequest(query, limit, cursor, sort));
            }

            @Override
            public String cursorAt(long position) {
                return search.cursorAt(new SearchRequest(query, 1, null, sort), position);
            }
        };
    }
}
