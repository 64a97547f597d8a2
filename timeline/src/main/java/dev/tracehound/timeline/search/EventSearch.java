package dev.tracehound.timeline.search;

import java.util.List;
import java.util.Map;

/** Full-text and field search over a case's events. Implemented by the local Lucene index. */
public interface EventSearch {

    /** @throws QuerySyntaxException when the query cannot be parsed */
    SearchPage search(SearchRequest request);

    long count(String query);

    /** Top values of a keyword field ({@code kind}, {@code actor}, {@code tool}, {@code model}, {@code evidence}) among the query's hits. */
    Map<String, Long> facet(String query, String field, int max);

    /** The field names a query may use, for completion in the query bar. */
    List<String> fieldNames();
}
