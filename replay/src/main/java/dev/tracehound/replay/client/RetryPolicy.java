package dev.tracehound.replay.client;

import java.time.Duration;

/**
 * When and how long to wait before trying again. Retries happen on 429 and 5xx only: other 4xx answers will not
 * change on their own, and a timeout already cost the whole budget. The wait is the server's Retry-After when
 * given, else exponential backoff ({@code base * 2^attempt}, capped). A Retry-After longer than
 * {@code maxWait} ends the trial with a message instead of blocking the run for minutes.
 */
public record RetryPolicy(int maxRetries, Duration base, Duration cap, Duration maxWait) {

    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120));
    }

    public static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    public Duration backoff(int attempt) {
        long ms = base.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(ms, cap.toMillis()));
    }
}
