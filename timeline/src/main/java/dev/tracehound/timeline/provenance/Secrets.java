package dev.tracehound.timeline.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shapes of credentials: vendor API-key prefixes, private-key blocks, JSON Web Tokens. */
public final class Secrets {
    private Secrets() {}

    /** A credential found in text, with the shape that matched. */
    public record Match(String kind, String value) {}

    private record Shape(String kind, Pattern pattern) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape("private key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----")),
            new Shape("Anthropic API key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_-]{20,}")),
            new Shape("OpenAI API key", Pattern.compile("\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
            new Shape("AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\\b")),
            new Shape("Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Shape("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
            new Shape("Stripe key", Pattern.compile("\\b(?:sk|rk)_live_[0-9A-Za-z]{20,}")),
            new Shape("Hugging Face token", Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b")),
            new Shape("JSON Web Token", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")));

    public static List<Match> find(String text) {
        List<Match> out = new ArrayList<>();
        if (text == null) return out;
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                String v = m.group();
                // the generic OpenAI shape also matches Anthropic keys; keep the more specific name only
                if (out.stream().noneMatch(o -> o.value().contains(v) || v.contains(o.value()))) out.add(new Match(shape.kind(), v));
            }
        }
        return out;
    }
}
