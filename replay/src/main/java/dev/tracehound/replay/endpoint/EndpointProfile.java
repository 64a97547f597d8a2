package dev.tracehound.replay.endpoint;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A model endpoint an investigator replays against. Holds the NAME of the environment variable with the key,
 * never the key itself: profiles are plain files, and keys are read from the environment at call time only.
 *
 * @param apiKeyEnv environment variable holding the key; null for endpoints without auth (local Ollama, vLLM)
 * @param timeoutSeconds per request, from sending to the whole body received
 * @param concurrency trials in flight at once
 * @param requestsPerMinute rate limit; 0 means none
 * @param maxRetries retries on 429 and 5xx
 */
public record EndpointProfile(String name, EndpointKind kind, String baseUrl, String model, String apiKeyEnv,
        int timeoutSeconds, int concurrency, int requestsPerMinute, int maxRetries) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public EndpointProfile {
        if (name == null || !PROFILE_NAME.matcher(name).matches())
            throw new IllegalArgumentException("endpoint name '" + name + "' must be letters, digits, '.', '_' or '-'");
        if (kind == null) throw new IllegalArgumentException("endpoint " + name + ": kind missing (openai, anthropic or ollama)");
        if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("endpoint " + name + ": --url missing");
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint " + name + ": '" + baseUrl + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
            throw new IllegalArgumentException("endpoint " + name + ": URL must start with http:// or https://");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null)
            throw new IllegalArgumentException("endpoint " + name + ": the base URL takes no query string (keys belong in an environment variable, --api-key-env)");
        if (uri.getUserInfo() != null)
            throw new IllegalArgumentException("endpoint " + name + ": put credentials in an environment variable (--api-key-env), not in the URL");
        baseUrl = stripSlash(baseUrl.strip());
        if (model == null || model.isBlank()) throw new IllegalArgumentException("endpoint " + name + ": --model missing");
        if (apiKeyEnv != null && apiKeyEnv.isBlank()) apiKeyEnv = null;
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches())
            throw new IllegalArgumentException("endpoint " + name + ": --api-key-env takes the NAME of an environment variable (like OPENAI_API_KEY), not the key");
        if (timeoutSeconds <= 0) timeoutSeconds = 120;
        if (concurrency <= 0) concurrency = 4;
        if (requestsPerMinute < 0) requestsPerMinute = 0;
        if (maxRetries < 0) maxRetries = 3;
    }

    public static EndpointProfile of(String name, EndpointKind kind, String baseUrl, String model, String apiKeyEnv) {
        return new EndpointProfile(name, kind, baseUrl, model, apiKeyEnv, 120, 4, 0, 3);
    }

    public EndpointProfile withModel(String other) {
        return new EndpointProfile(name, kind, baseUrl, other, apiKeyEnv, timeoutSeconds, concurrency, requestsPerMinute, maxRetries);
    }

    private static String stripSlash(String s) {
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
