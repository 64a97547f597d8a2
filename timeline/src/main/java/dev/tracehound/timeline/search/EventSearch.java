package dev.tracehound.timeline.search;

import java.util.List;
import java.util.Map;

/** Full-text and field search over a case's events. Implemented by the local Lucene index. */
public interface EventSearch {

    /** @throws QuerySyntaxException when the query cannot be parsed */
    SearchPage search(SearchRequest request);

    long count(String query);

    /**
     * The cursor of the page that starts at hit number {@code position} (from 0) of the request's query and sort,
     * found without fetching the pages before it: {@code search(request.next(cursorAt(request, n)))} returns exactly
     * the hits a walk of the cursors would show from hit n on. Null for position 0 (the first page needs no cursor);
     * at or past the last hit, a cursor whose page is empty. The request's own cursor and limit are ignored.
     *
     * <p>By time this costs at most about one pass over the hits' timestamps, however deep the position (when every
     * event is a hit, not even that). By relevance ({@link SearchSort#SCORE}), which has nothing to narrow on, it
     * walks the order inside the index in up to about ten large steps, keeping only each step's last hit: slower the
     * deeper, memory bounded by one step, and no event rows fetched on the way.
     *
     * @throws QuerySyntaxException when the query cannot be parsed
     */
    String cursorAt(SearchRequest request, long position);

    /** Top values of a keyword field ({@code kind}, {@code actor}, {@code tool}, {@code model}, {@code evidence}) among the query's hits. */
    Map<String, Long> facet(String query, String field, int max);

    /** The field names a query may use, for completion in the query bar. */
    List<String> fieldNames();
}
