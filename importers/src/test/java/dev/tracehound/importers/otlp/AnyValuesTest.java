package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnyValuesTest {
    /** Every shape the tree reading knows, including odd ones exporters write. */
    private static final String ATTRIBUTES = """
            [{"key":"s","value":{"stringValue":"text"}},
             {"key":"snake","value":{"string_value":"t2"}},
             {"key":"i","value":{"intValue":"9007199254740993"}},
             {"key":"n","value":{"intValue":42}},
             {"key":"d","value":{"doubleValue":0.5}},
             {"key":"b","value":{"boolValue":"true"}},
             {"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":1}]}}},
             {"key":"kv","value":{"kvlistValue":{"values":[{"key":"inner","value":{"stringValue":"y"}}]}}},
             {"key":"bytes","value":{"bytesValue":"AAEC"}},
             {"key":"empty","value":{}},
             {"key":"two","value":{"stringValue":"first","intValue":7}},
             {"key":"intFirst","value":{"intValue":7,"stringValue":"second"}},
             {"key":"nothing"},
             {"value":{"stringValue":"no key"}},
             {"key":5,"value":{"stringValue":"numeric key"}},
             {"value":{"stringValue":"key after value"},"key":"late"},
             {"key":"plain","value":"not an AnyValue"},
             {"key":"null","value":null},
             "stray",
             {"key":"s","value":{"stringValue":"last wins"}}]""";

    @Test
    void readingFromTheParserGivesWhatReadingTheTreeGives() throws IOException {
        Map<String, JsonNode> fromTree = AnyValues.keyValues(Json.MAPPER.readTree(ATTRIBUTES));
        assertEquals(fromTree, streamed(ATTRIBUTES));
        assertEquals("last wins", fromTree.get("s").asText());
        assertEquals(9007199254740993L, fromTree.get("i").longValue(), "beyond a double's precision, exact");
        assertEquals("y", fromTree.get("kv").get("inner").asText());
        assertEquals("first", fromTree.get("two").asText(), "stringValue is read first, as the tree rule does");
        assertEquals("second", fromTree.get("intFirst").asText());
        assertEquals("key after value", fromTree.get("late").asText());
    }

    @Test
    void attributesWrittenAsAnObjectAreReadToo() throws IOException {
        String object = "{\"gen_ai.request.model\":\"gpt-4o\",\"tokens\":{\"intValue\":\"12\"}}";
        Map<String, JsonNode> got = streamed(object);
        assertEquals(AnyValues.keyValues(Json.MAPPER.readTree(object)), got);
        assertEquals("gpt-4o", got.get("gen_ai.request.model").asText());
        assertEquals(12, got.get("tokens").asInt());
    }

    private static Map<String, JsonNode> streamed(String json) throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            p.nextToken();
            Map<String, JsonNode> out = AnyValues.keyValues(p);
            assertEquals(null, p.nextToken(), "the whole value was read, nothing more");
            return out;
        }
    }
}
