package dev.tracehound.app.cli;

import dev.tracehound.replay.client.Exchange;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracehound endpoints add|list|test}: the model endpoints replays run against. Profiles live outside
 * cases (see {@link EndpointProfiles}) and name the environment variable holding the key, never the key.
 */
@Command(name = "endpoints", mixinStandardHelpOptions = true, description = "Manage model endpoints for replay (keys stay in environment variables).",
        subcommands = {EndpointsCommand.Add.class, EndpointsCommand.ListEndpoints.class, EndpointsCommand.Test.class})
public final class EndpointsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace an endpoint profile.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--kind", required = true, description = "openai (also vLLM, llama.cpp, LM Studio, Ollama /v1), anthropic or ollama") String kind;
        @Option(names = "--url", required = true, description = "Base URL, e.g. https://api.openai.com/v1, https://api.anthropic.com, http://127.0.0.1:11434") String url;
        @Option(names = "--model", required = true) String model;
        @Option(names = "--api-key-env", paramLabel = "VAR", description = "NAME of the environment variable with the key (the key itself is never stored)") String apiKeyEnv;
        @Option(names = "--concurrency", defaultValue = "4") int concurrency;
        @Option(names = "--rpm", defaultValue = "0", description = "Requests per minute; 0 = no limit") int rpm;
        @Option(names = "--timeout", defaultValue = "120", paramLabel = "S", description = "Seconds per request") int timeout;
        @Option(names = "--retries", defaultValue = "3", description = "Retries on 429 and 5xx") int retries;
        @Mixin OutputOptions output;

        @Override
        public Integer call() {
            if (concurrency < 1) throw new CliException("--concurrency must be at least 1");
            if (timeout < 1) throw new CliException("--timeout must be at least 1 second");
            EndpointProfile p = new EndpointProfile(name, EndpointKind.parse(kind), url, model, apiKeyEnv, timeout, concurrency, rpm, retries);
            EndpointProfiles profiles = EndpointProfiles.userDefault();
            profiles.put(p);
            if (output.json()) output.printJson(view(p));
            else output.out().println("saved endpoint " + p.name() + " (" + p.kind().wireName() + ", " + p.model() + ") in " + profiles.file()
                    + (p.apiKeyEnv() == null ? "; no key" : "; key read from $" + p.apiKeyEnv() + " at call time"));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List endpoint profiles.")
    static final class ListEndpoints implements Callable<Integer> {
        @Mixin OutputOptions output;

        @Override
        public Integer call() {
            List<EndpointProfile> all = EndpointProfiles.userDefault().list();
            if (output.json()) {
                output.printJson(all.stream().map(EndpointsCommand::view).toList());
                return 0;
            }
            PrintWriter out = output.out();
            if (all.isEmpty()) {
                out.println("no endpoints yet; add one with: tracehound endpoints add NAME --kind openai --url URL --model MODEL --api-key-env VAR");
                return 0;
            }
            out.printf("%-16s %-9s %-40s %-28s %-20s %5s %5s %7s%n", "NAME", "KIND", "URL", "MODEL", "KEY VARIABLE", "CONC", "RPM", "TIMEOUT");
            for (EndpointProfile p : all) {
                out.printf("%-16s %-9s %-40s %-28s %-20s %5d %5s %6ds%n", p.name(), p.kind().wireName(), p.baseUrl(), p.model(),
                        p.apiKeyEnv() == null ? "-" : "$" + p.apiKeyEnv(), p.concurrency(), p.requestsPerMinute() == 0 ? "-" : p.requestsPerMinute(), p.timeoutSeconds());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send a tiny request and report latency and model.")
    static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "NAME") String name;
        @Mixin OutputOptions output;

        @Override
        public Integer call() throws InterruptedException {
            EndpointProfile p = EndpointProfiles.userDefault().require(name);
            ModelClient client = new ModelClient(p, ApiKeys.fromEnvironment());
            ModelContext ping = new ModelContext(null, null, null, p.model(),
                    List.of(new ContextPart("user", "Reply with the single word: ok", List.of(), null, null, null, null)), List.of(), null, List.of());
            Exchange e = client.send(p.kind().format().build(ping, p.model(), new Sampling(0.0, null, null, 5), false));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("endpoint", p.name());
            result.put("ok", e.ok());
            result.put("latencyMillis", e.durationMillis());
            result.put("status", e.status());
            if (e.ok()) {
                result.put("model", e.reply().modelId());
                result.put("reply", e.reply().text());
            } else {
                result.put("error", e.error());
            }
            if (output.json()) output.printJson(result);
            else if (e.ok()) output.out().printf("%s: ok in %d ms, model %s, replied \"%s\"%n", p.name(), e.durationMillis(), e.reply().modelId(), e.reply().text().strip());
            else output.out().printf("%s: FAILED after %d ms: %s%n", p.name(), e.durationMillis(), e.error());
            output.out().flush();
            return e.ok() ? 0 : 1;
        }
    }

    static Map<String, Object> view(EndpointProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("kind", p.kind().wireName());
        m.put("baseUrl", p.baseUrl());
        m.put("model", p.model());
        m.put("apiKeyEnv", p.apiKeyEnv());
        m.put("concurrency", p.concurrency());
        m.put("requestsPerMinute", p.requestsPerMinute());
        m.put("timeoutSeconds", p.timeoutSeconds());
        m.put("maxRetries", p.maxRetries());
        return m;
    }
}
