package dev.tracehound.app.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryBuilderTest {
    @Test
    void combinesQueryFacetsAndTimeWithQuotedValues() {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("kind", List.of("tool_call", "retrieval"));
        facets.put("tool", List.of("a\"b"));
        facets.put("model", List.of());
        String q = QueryBuilder.combine("foo OR bar", facets, 1_735_689_600_000_000_000L, 1_735_689_601_500_000_000L);
        assertEquals("(foo OR bar) AND (kind:\"tool_call\" OR kind:\"retrieval\") AND tool:\"a\\\"b\" AND "
                + "ts:[\"2025-01-01T00:00:00Z\" TO \"2025-01-01T00:00:01.500Z\"]", q);
    }

    @Test
    void nothingMeansEverything() {
        assertEquals("*:*", QueryBuilder.combine("  ", Map.of(), null, null));
    }

    @Test
    void completesTheFieldBeingTyped() {
        List<String> fields = List.of("text", "tool", "trace", "trust", "ts", "kind");
        assertEquals(List.of("tool:"), FieldCompletion.suggest("kind:x AND too", fields));
        assertEquals(List.of(), FieldCompletion.suggest("kind:x AND tool:", fields));
        assertEquals("kind:x AND -tool:", FieldCompletion.apply("kind:x AND -too", "tool:"));
    }
}
