package dev.tracehound.replay.client;

import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.wire.ModelReply;
import dev.tracehound.replay.wire.ReplyParseException;
import dev.tracehound.replay.wire.WireFormat;
import dev.tracehound.replay.wire.WireRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends wire requests to one endpoint with the JDK's HttpClient: adds the key (read from the environment for
 * each request, never kept), enforces the profile's timeout over the whole exchange, respects its rate limit and
 * retries 429/5xx as {@link RetryPolicy} says. Failures come back as an {@link Exchange} with an error, never as
 * an exception, so one bad trial does not end a run. Only interruption (cancellation) is thrown.
 */
public final class ModelClient {
    private final EndpointProfile profile;
    private final WireFormat format;
    private final ApiKeys keys;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Clock clock;

    public ModelClient(EndpointProfile profile, ApiKeys keys) {
        this(profile, keys, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(30, profile.timeoutSeconds())))
                .followRedirects(HttpClient.Redirect.NEVER).build(), RetryPolicy.standard(profile.maxRetries()), Clock.systemUTC());
    }

    public ModelClient(EndpointProfile profile, ApiKeys keys, HttpClient http, RetryPolicy retry, Clock clock) {
        this.profile = profile;
        this.format = profile.kind().format();
        this.keys = keys;
        this.http = http;
        this.limiter = new RateLimiter(profile.requestsPerMinute());
        this.retry = retry;
        this.clock = clock;
    }

    public EndpointProfile profile() {
        return profile;
    }

    public WireFormat format() {
        return format;
    }

    public Exchange send(WireRequest request) throws InterruptedException {
        String url = profile.baseUrl() + request.path();
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        List<String> waits = new ArrayList<>();
        Optional<String> key;
        try {
            key = keys.keyFor(profile);
        } catch (IllegalArgumentException e) {
            return failed(url, request, 0, null, started, t0, 0, waits, e.getMessage());
        }
        KeyRedaction redaction = KeyRedaction.of(key.orElse(null), profile.apiKeyEnv());
        int attempt = 0;
        while (true) {
            attempt++;
            limiter.acquire();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(profile.timeoutSeconds()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(b::header);
            if (request.stream()) b.header("accept", profile.kind().name().equals("OLLAMA") ? "application/x-ndjson" : "text/event-stream");
            key.ifPresent(k -> {
                String[] h = profile.kind().authHeader(k);
                b.header(h[0], h[1]);
            });
            HttpResponse<byte[]> response;
            CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            try {
                response = future.get(profile.timeoutSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return failed(url, request, 0, null, started, t0, attempt, waits, timeoutMessage());
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException) return failed(url, request, 0, null, started, t0, attempt, waits, timeoutMessage());
                String why = cause instanceof ConnectException
                        ? "cannot connect to " + profile.baseUrl() + " (is the server running and the URL right?)"
                        : "request to " + url + " failed: " + describe(cause);
                return failed(url, request, 0, null, started, t0, attempt, waits, redaction.apply(why));
            }
            int status = response.statusCode();
            byte[] body = redaction.apply(response.body());
            if (RetryPolicy.retryable(status) && attempt <= retry.maxRetries()) {
                Optional<Duration> asked = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), clock);
                Duration wait = asked.orElse(retry.backoff(attempt - 1));
                if (wait.compareTo(retry.maxWait()) > 0)
                    return failed(url, request, status, body, started, t0, attempt, waits, "HTTP " + status
                            + ": the server asked to wait " + wait.toSeconds() + " s before retrying; run again later or lower --rpm");
                waits.add("HTTP " + status + ": waited " + wait.toMillis() + " ms" + (asked.isPresent() ? " (Retry-After)" : " (backoff)"));
                Thread.sleep(wait.toMillis());
                continue;
            }
            if (status >= 400) {
                String m = format.errorMessage(body);
                String why = "HTTP " + status + (m == null ? "" : ": " + m)
                        + (RetryPolicy.retryable(status) ? " (after " + attempt + " attempts)" : "")
                        + (status == 401 || status == 403 ? " (check the key in $" + profile.apiKeyEnv() + ")" : "");
                return failed(url, request, status, body, started, t0, attempt, waits, why);
            }
            try {
                ModelReply reply = request.stream() ? format.parseStream(body) : format.parse(body);
                return new Exchange(url, request.headers(), request.body(), status, body, started, millisSince(t0), attempt,
                        List.copyOf(waits), reply, null);
            } catch (ReplyParseException e) {
                return failed(url, request, status, body, started, t0, attempt, waits, e.getMessage());
            }
        }
    }

    private String timeoutMessage() {
        return "no complete response from " + profile.baseUrl() + " within " + profile.timeoutSeconds()
                + " s (raise the profile's --timeout if the model is slow)";
    }

    private static String describe(Throwable t) {
        if (t instanceof IOException && t.getMessage() != null) return t.getMessage();
        return t == null ? "unknown error" : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static Exchange failed(String url, WireRequest request, int status, byte[] body, Instant started, long t0,
            int attempts, List<String> waits, String error) {
        return new Exchange(url, request.headers(), request.body(), status, body == null ? new byte[0] : body, started,
                millisSince(t0), attempts, List.copyOf(waits), null, error);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
