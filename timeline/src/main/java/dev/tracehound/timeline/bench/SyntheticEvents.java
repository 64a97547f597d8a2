package dev.tracehound.timeline.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes realistic-looking agent telemetry as JSONL: sessions of 10 to 500 events (one of exactly
 * {@link #BIG_SESSION_EVENTS}), several kinds, tools and models, texts of 200 B to 4 KB drawn from a word list with
 * entity-like tokens (emails, hosts, ticket ids, paths) mixed in. Deterministic for a given seed.
 */
final class SyntheticEvents {
    static final int BIG_SESSION_EVENTS = 10_000;
    static final String BIG_SESSION = "session-big";
    static final long T0 = 1_735_689_600_000_000_000L; // 2025-01-01T00:00:00Z

    static final String[] WORDS = ("""
            the a to of and in for is on that with as this it be are by from at or an was your will can we you not have
            please user assistant tool call result search document report email send file read write update delete list
            customer order invoice payment refund account password reset login session token request response error retry
            timeout model prompt instruction ignore previous system policy summary analysis data table query database index
            network server client upload download attachment message thread reply forward calendar meeting schedule note task
            project deadline review approve reject escalate ticket incident alert monitor log trace span agent workflow step
            plan execute observe reason answer question context memory retrieve embed vector chunk source citation link page
            website browse fetch url content html json yaml config secret key access permission role admin manager finance
            quarterly revenue forecast budget expense travel booking flight hotel weather news price stock market product
            shipping delivery address phone contact support feedback survey rating issue bug fix deploy release version test
            """).trim().split("\\s+");
    static final String[] KINDS = {"USER_MESSAGE", "MODEL_CALL", "MODEL_RESPONSE", "TOOL_CALL", "TOOL_RESULT", "RETRIEVAL", "AGENT_STEP"};
    static final String[] TOOLS = {"send_email", "search_web", "read_file", "write_file", "query_db", "fetch_url", "create_ticket", "calendar"};
    static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "llama3.1:8b", "gemini-2.0-flash"};
    static final String[] PROVIDERS = {"openai", "openai", "anthropic", "ollama", "gcp.vertex_ai"};

    record Summary(long events, long textBytes, long fileBytes) {}

    static Summary write(Path file, int events, long seed, ProgressListener progress) throws IOException {
        Random r = new Random(seed);
        long textBytes = 0;
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g = factory.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            int sessionNo = 0;
            int left = 0;
            int seqInSession = 0;
            String session = null;
            int bigAt = events > BIG_SESSION_EVENTS ? events / 3 : -1;
            int bigLeft = 0;
            StringBuilder text = new StringBuilder(4200);
            for (int i = 0; i < events; i++) {
                if (i == bigAt) {
                    bigLeft = BIG_SESSION_EVENTS;
                    session = BIG_SESSION;
                    seqInSession = 0;
                } else if (bigLeft == 0 && left == 0) {
                    session = "session-" + (sessionNo++);
                    left = 10 + r.nextInt(491);
                    seqInSession = 0;
                }
                if (bigLeft > 0 && --bigLeft == 0) left = 0; else if (bigLeft == 0) left--;
                int k = r.nextInt(KINDS.length);
                int m = r.nextInt(MODELS.length);
                String tool = KINDS[k].startsWith("TOOL") ? TOOLS[r.nextInt(TOOLS.length)] : null;
                text.setLength(0);
                fillText(r, text, 200 + r.nextInt(3801));
                textBytes += text.length(); // ASCII only: chars == bytes
                g.writeStartObject();
                g.writeStringField("session", session);
                g.writeNumberField("seq", seqInSession++);
                g.writeNumberField("ts", T0 + i * 1_000_000L + r.nextInt(1000));
                g.writeStringField("kind", KINDS[k]);
                g.writeStringField("actor", k == 0 ? "user" : tool != null ? tool : "assistant");
                g.writeStringField("model", MODELS[m]);
                g.writeStringField("provider", PROVIDERS[m]);
                if (tool != null) g.writeStringField("tool", tool);
                g.writeNumberField("input_tokens", 50 + r.nextInt(4000));
                g.writeNumberField("output_tokens", 10 + r.nextInt(800));
                g.writeStringField("text", text.toString());
                g.writeEndObject();
                g.writeRaw('\n');
                if ((i + 1) % 50_000 == 0) progress.progress("generate", i + 1, events);
            }
        }
        return new Summary(events, textBytes, java.nio.file.Files.size(file));
    }

    private static void fillText(Random r, StringBuilder sb, int length) {
        while (sb.length() < length) {
            int roll = r.nextInt(40);
            if (roll == 0) sb.append("user").append(r.nextInt(5000)).append("@example.com");
            else if (roll == 1) sb.append("https://docs").append(r.nextInt(50)).append(".example.org/page/").append(r.nextInt(100_000));
            else if (roll == 2) sb.append("TICKET-").append(10_000 + r.nextInt(90_000));
            else if (roll == 3) sb.append("/srv/data/").append(WORDS[r.nextInt(WORDS.length)]).append('/').append(r.nextInt(1000)).append(".json");
            else if (roll == 4) sb.append("10.").append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256));
            else sb.append(WORDS[r.nextInt(WORDS.length)]);
            sb.append(r.nextInt(12) == 0 ? ". " : " ");
        }
        sb.setLength(length);
    }
}
