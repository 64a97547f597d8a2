package dev.tracehound.timeline.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tool call does to the world, read from the words of its name: send a message, move money, destroy
 * data, run code, fetch from the network. Tools whose names say none of these only read.
 *
 * @param userWords what a user would say when asking for this action
 */
public enum ActionKind {
    SEND(Set.of("send", "email", "mail", "message", "sms", "post", "publish", "reply", "forward", "tweet", "share", "invite", "notify", "slack", "comment"),
            "\\b(?:send|e-?mail|mail|message|text|post|publish|reply|forward|tweet|share|invite|notify|tell|write to|contact)\\w*"),
    PAY(Set.of("pay", "payment", "transfer", "wire", "refund", "purchase", "buy", "order", "charge", "withdraw", "deposit", "book", "checkout"),
            "\\b(?:pay|transfer|wire|refund|purchase|buy|order|charge|withdraw|deposit|send money|book|reserve|checkout)\\w*"),
    DESTROY(Set.of("delete", "remove", "drop", "destroy", "wipe", "erase", "truncate", "purge", "cancel", "revoke", "dismiss"),
            "\\b(?:delete|remove|drop|destroy|wipe|erase|truncate|purge|cancel|revoke|clear|get rid of|dismiss)\\w*"),
    EXECUTE(Set.of("exec", "execute", "shell", "bash", "run", "command", "terminal", "script", "eval", "deploy", "install", "sudo", "powershell", "cmd"),
            "\\b(?:run|execute|exec|shell|command|terminal|script|deploy|install)\\w*"),
    WRITE(Set.of("write", "update", "edit", "modify", "upload", "create", "set", "grant", "commit", "push", "save", "change", "alter", "insert"),
            "\\b(?:write|update|edit|modify|upload|create|set|grant|commit|push|save|change|alter|add|insert|fix)\\w*"),
    FETCH(Set.of("fetch", "http", "request", "browse", "navigate", "curl", "download", "url", "web", "visit", "open", "get_url", "webhook"),
            "\\b(?:fetch|browse|navigate|download|visit|open|look up|search|check|go to|https?://)\\w*"),
    READ(Set.of(), "");

    private final Set<String> nameWords;
    private final Pattern userWords;

    ActionKind(Set<String> nameWords, String userWords) {
        this.nameWords = nameWords;
        this.userWords = Pattern.compile(userWords.isEmpty() ? "(?!)" : userWords, Pattern.CASE_INSENSITIVE);
    }

    /** The action a tool name describes; the first matching word wins, in the order of this enum. */
    public static ActionKind of(String toolName) {
        if (toolName == null) return READ;
        List<String> words = words(toolName);
        for (ActionKind k : values()) {
            for (String w : words) if (k.nameWords.contains(w)) return k;
        }
        return READ;
    }

    /** Splits {@code sendEmail}, {@code send_email}, {@code mcp__mail__send} into lowercase words. */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ");
        return List.of(spaced.toLowerCase(Locale.ROOT).strip().split("\\s+"));
    }

    public boolean changesState() {
        return this != READ && this != FETCH;
    }

    /** True when a user turn asks for this kind of action, or names the tool itself. */
    public boolean askedFor(String userText, String toolName) {
        if (userText == null) return false;
        if (userWords.matcher(userText).find()) return true;
        if (toolName == null) return false;
        String lower = userText.toLowerCase(Locale.ROOT);
        return words(toolName).stream().filter(w -> w.length() >= 4).anyMatch(lower::contains);
    }
}
