package dev.tracehound.replay.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.wire.Sampling;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans with values no provider accepts are refused, naming the field, the value and the range. */
class ReplayPlanValuesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"sampling": {"temperature": 99}}        | sampling.temperature must be between 0 and 2, not 99
            {"sampling": {"temperature": -0.1}}      | sampling.temperature must be between 0 and 2, not -0.1
            {"sampling": {"topP": 2}}                | sampling.topP must be between 0 and 1, not 2
            {"sampling": {"topP": -0.5}}             | sampling.topP must be between 0 and 1, not -0.5
            {"sampling": {"maxTokens": -5}}          | sampling.maxTokens must be between 1 and 2147483647, not -5
            {"sampling": {"maxTokens": 0}}           | sampling.maxTokens must be between 1 and 2147483647, not 0
            {"sampling": {"maxTokens": 10000000000}} | sampling.maxTokens must be between 1 and 2147483647, not 10000000000
            {"sampling": {"maxTokens": 12.5}}        | sampling.maxTokens must be a whole number between 1 and 2147483647, not 12.5
            {"sampling": {"seed": 1.5}}              | sampling.seed must be a whole number between -9223372036854775808 and 9223372036854775807, not 1.5
            {"trials": 0}                            | trials must be between 1 and 1000, not 0
            {"trials": 1000000}                      | trials must be between 1 and 1000, not 1000000
            {"trials": 2.5}                          | trials must be a whole number between 1 and 1000, not 2.5
            {"trials": -3}                           | trials must be between 1 and 1000, not -3
            {"trials": "0"}                          | trials must be between 1 and 1000, not 0
            {"sampling": {"temperature": "99"}}      | sampling.temperature must be between 0 and 2, not 99
            {"criterion": {"textThreshold": 7}}      | criterion.textThreshold must be between 0 and 1, not 7
            {"sampling": {"temperature": 1e999}}     | sampling.temperature must be between 0 and 2, not 1E+999
            {"sampling": {"temperature": "hot"}}     | sampling.temperature must be a number
            {"sampling": {"temperature": [1]}}       | sampling.temperature must be a number
            {"sampling": [1]}                        | sampling must be an object
            {"sampling": {"seed": "x"}}              | sampling.seed must be a whole number
            {"stream": "yes"}                        | stream must be true or false
            """)
    void impossibleValuesAreRefused(String json, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("plan.json"), json);
        var e = assertThrows(IllegalArgumentException.class, () -> ReplayPlan.read(file));
        assertEquals("plan " + file + ": " + message, e.getMessage());
    }

    @Test
    void minusZeroIsSentAsZero() {
        assertEquals("0.0", String.valueOf(new dev.tracehound.replay.wire.Sampling(-0.0, null, null, null).temperature()));
    }

    @Test
    void notJsonIsReportedWithItsPlaceAndWithoutJacksonsAdvice() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.json"), "{\"sampling\": {\"temperature\": NaN}}");
        var e = assertThrows(IllegalArgumentException.class, () -> ReplayPlan.read(file));
        assertTrue(e.getMessage().startsWith("cannot read plan " + file + ": Non-standard token 'NaN'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 1, column 33)"), e.getMessage());
        assertFalse(e.getMessage().contains("enable") || e.getMessage().contains("JsonReadFeature"), e.getMessage());
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.json"), """
                {"trials": 1000, "sampling": {"temperature": 2, "topP": 1, "maxTokens": 1, "seed": -7},
                 "criterion": {"textThreshold": 0}}
                """);
        ReplayPlan plan = ReplayPlan.read(file);
        assertEquals(new Sampling(2.0, 1.0, -7L, 1), plan.sampling());
        assertEquals(1000, plan.trialCount());
        Files.writeString(file, "{\"trials\": 1.0, \"sampling\": {\"temperature\": 0, \"topP\": 0.0}}");
        assertEquals(1, ReplayPlan.read(file).trialCount());
    }

    @Test
    void plansMadeInCodeAreCheckedToo() {
        assertEquals("temperature must be between 0 and 2, not NaN",
                assertThrows(IllegalArgumentException.class, () -> new Sampling(Double.NaN, null, null, null)).getMessage());
        assertEquals("--max-tokens must be at least 1, not -1",
                assertThrows(IllegalArgumentException.class, () -> Sampling.checkMaxTokens("--max-tokens", -1)).getMessage());
        assertEquals("trials must be between 1 and 1000, not 0",
                assertThrows(IllegalArgumentException.class, () -> ReplayPlan.baseline("ev", 0)).getMessage());
        assertEquals("--temperature must be between 0 and 1 for anthropic endpoints, not 1.01",
                assertThrows(IllegalArgumentException.class, () -> EndpointKind.ANTHROPIC.checkTemperature("--temperature", 1.01)).getMessage());
        EndpointKind.OPENAI.checkTemperature("--temperature", 2.0); // OpenAI's range, and the other kinds', is unchanged
        EndpointKind.OLLAMA.checkTemperature("--temperature", 2.0);
        assertEquals("textThreshold must be between 0 and 1, not 1.5",
                assertThrows(IllegalArgumentException.class, () -> new CriterionSettings(1.5, null, null)).getMessage());
    }
}
