package dev.tracehound.timeline.search;

/**
 * A search in Lucene query syntax over the event fields ({@code text}, {@code kind}, {@code actor},
 * {@code tool}, {@code model}, {@code provider}, {@code session}, {@code trace}, {@code evidence},
 * {@code trust}, {@code ts}). A bare term searches {@code text}.
 *
 * @param cursor the {@link SearchPage#nextCursor()} of the previous page, or null for the first page
 */
public record SearchRequest(String query, int limit, String cursor, SearchSort sort) {

    public SearchRequest {
        if (query == null || query.isBlank()) query = "*:*";
        if (limit <= 0) limit = 100;
        if (sort == null) sort = SearchSort.TIME;
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, limit, null, SearchSort.TIME);
    }

    public SearchRequest next(String cursor) {
        return new SearchRequest(query, limit, cursor, sort);
    }
}
