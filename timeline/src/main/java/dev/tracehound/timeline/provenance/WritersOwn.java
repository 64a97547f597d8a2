package dev.tracehound.timeline.provenance;

import java.util.regex.Pattern;

/**
 * Signs that an ask found in third-party text belongs to the correspondence itself rather than to a model reading
 * it: the writer asking for themselves, an ask attributed to its asker, an order addressed to people in a role, a
 * step of the reader's work. {@link TaskHijack}'s translation and sentiment rules use them as vetoes: "how do you say
 * 'thank you' in German?" in a customer's ticket is the customer's question, "determine the sentiment of this review
 * and flag it" in a moderation note is the moderator's job. An injected task stands alone (BIPIA puts each on its
 * own line) with nothing of the writer around it.
 *
 * <p>All signs are read on the line of the ask (and the line just before, where an ask continues it): a paragraph
 * of an e-mail is full of first person, and an order slipped between two of its lines is not the writer's for that.
 */
final class WritersOwn {
    private WritersOwn() {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** The writer in the first person: "I", "I'd", "my", "we're", "our", "us" (not "US"). Lowercase "i" is left out. */
    private static final Pattern FIRST_PERSON = Pattern.compile("(?<![\\w'’])(?:(?-i:I)(?:['’](?:m|d|ve|ll))?|me|my|mine|myself|we(?:['’](?:re|ve|ll|d))?"
            + "|our|ours|ourselves|(?-i:us))(?![\\w'’])", FLAGS);
    /** First person that orders the reader ("I want you to…", "we need the assistant to…"): the writer is not asking for themselves. */
    private static final Pattern ORDERING_READER = Pattern.compile("\\b(?:I|we)(?:['’]d|\\s+would)?\\s+(?:want|need|like|ask|order|command|instruct|require|expect)\\s+"
            + "(?:you|the\\s+(?:assistant|ai|model|agent|bot))\\b", FLAGS);
    /** The ask attributed to whoever asked it: "Customer wrote:", "Question from the client:". */
    private static final Pattern ATTRIBUTED = Pattern.compile("\\b(?:(?:customer|client|caller|guest|patient|buyer|shopper|requester|submitter|visitor)s?(?:['’]s)?"
            + "(?:\\s+(?:question|message|request|comment|asks?|asked|wrote|writes|says|said))?"
            + "|(?:question|message|request|comment)\\s+from\\s+(?:the\\s+|a\\s+|our\\s+)?(?:customer|client|caller|guest|patient|buyer|requester|visitor))"
            + "\\s*[:\\-–—]\\s*$", FLAGS);
    /** People a note or mail gives work or asks things of. Not "agent": that is the model too. */
    private static final String PEOPLE = "(?:moderat(?:ors?|ion(?:\\s+(?:team|queue))?)|mods|reviewers?|translators?|annotators?|raters?|labell?ers?|analysts?"
            + "|editors?|staff|volunteers?|interns?|support(?:\\s+team)?|team|readers|students|class|everyone|members|subscribers|participants|entrants"
            + "|kids|children|parents)";
    /**
     * Addressed just before the ask ("Moderators:", "Hi team,"), or under a label naming them ("Moderation note:", "Note
     * for reviewers -"). The address opens its line and ends in punctuation: a signature ("The Mercury Team") is no
     * address.
     */
    private static final Pattern ADDRESSED = Pattern.compile("(?:^\\s*(?:(?:hi|hello|hey|dear|attention|attn)\\s+)?(?:the\\s+|all\\s+|our\\s+)?" + PEOPLE
            + "\\s*[,:!\\-–—]\\s*$"
            + "|\\b(?:" + PEOPLE + "\\s+(?:note|notes|instructions?|comment|task|memo|guidelines?)"
            + "|(?:note|notes|instructions?|memo|task)\\s+(?:for|to)\\s+(?:the\\s+|all\\s+|our\\s+)?" + PEOPLE + ")\\s*[:\\-–—])", FLAGS);
    /**
     * Words an ask begins with ("how do you say", "translate", "please translate"): only where the match opens the ask
     * does the text before it say whether the ask continues a sentence ("Provide the Spanish equivalent for…" is
     * matched from "Spanish").
     */
    private static final Pattern OPENS_THE_ASK = Pattern.compile("[\\s\\-*>•]*(?:how|what|translate|please|kindly|also|then|now|and|can|could|would|will|you)\\b", FLAGS);
    /**
     * A step of the reader's work in the ask's sentence: what is done with the result ("and flag it", "before approving
     * it", "then add it to the ticket"). An answer is not a step: "translate it and reply" still asks the model.
     */
    private static final Pattern WORK_STEP = Pattern.compile("^[^.!?\\n]{0,120}?\\b(?:and|then|before|after|so\\s+(?:that\\s+)?(?:we|you|they)\\s+can|to\\s+decide)\\b"
            + "[^.!?\\n]{0,60}?\\b(?:flag|escalat|approv|reject|remov|hid(?:e|ing)|publish|rout|tag|mark|record|log|fil(?:e|ing)|queue|assign|clos|archiv"
            + "|add(?:ing)?\\s+(?:it|them|this)\\s+to\\s+(?:the\\s+)?(?:ticket|record|crm|notes?|file|sheet|spreadsheet|report|case))\\w*\\b", FLAGS);

    /**
     * The writer's own question: it continues the writer's sentence (after a greeting or clause, not a sentence end or
     * a label), or the writer speaks in the first person on its line, or it is attributed to its asker.
     */
    static boolean question(String text, int start, int end) {
        start = firstVisible(text, start, end);
        int lineStart = lineStart(text, start);
        String before = text.substring(lineStart, start);
        String after = text.substring(end, lineEnd(text, end));
        if (OPENS_THE_ASK.matcher(text.substring(start, end)).lookingAt() && continuesSentence(text, before.strip(), lineStart, start)) return true;
        if (ATTRIBUTED.matcher(before).find()) return true;
        return firstPerson(before) || firstPerson(after);
    }

    /** Addressed to people in a role on its line, or by the line before it when it opens its line. */
    static boolean addressedToPeople(String text, int start) {
        start = firstVisible(text, start, text.length());
        int lineStart = lineStart(text, start);
        String before = text.substring(lineStart, start);
        if (ADDRESSED.matcher(before).find()) return true;
        return before.isBlank() && ADDRESSED.matcher(previousLine(text, lineStart)).find();
    }

    /** The sentence after the ask names a step of the reader's work. */
    static boolean workStep(String text, int end) {
        return WORK_STEP.matcher(text.substring(end, lineEnd(text, end))).find();
    }

    private static boolean continuesSentence(String text, String before, int lineStart, int start) {
        int first = firstLetter(text, start);
        if (!before.isEmpty()) {
            char last = before.charAt(before.length() - 1);
            return Character.isLetterOrDigit(last) || last == ',' || last == '-' || last == '–' || last == '—' || last == '(';
        }
        // "Hello,⏎how do you say…": a lowercase ask under a line that has not ended its sentence
        if (first < 0 || !Character.isLowerCase(text.charAt(first))) return false;
        String previous = previousLine(text, lineStart).strip();
        if (previous.isEmpty()) return false;
        char last = previous.charAt(previous.length() - 1);
        return Character.isLetterOrDigit(last) || last == ',';
    }

    /** Where the ask's words begin: a match may open with the blanks (a line break too) after the sentence before it. */
    private static int firstVisible(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        return start;
    }

    private static boolean firstPerson(String s) {
        return FIRST_PERSON.matcher(ORDERING_READER.matcher(s).replaceAll(" ")).find();
    }

    private static int firstLetter(String text, int from) {
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) if (Character.isLetter(text.charAt(i))) return i;
        return -1;
    }

    private static int lineStart(String text, int at) {
        return text.lastIndexOf('\n', at - 1) + 1;
    }

    private static int lineEnd(String text, int at) {
        int n = text.indexOf('\n', at);
        return n < 0 ? text.length() : n;
    }

    /** The nearest non-blank line above {@code lineStart}, or "". */
    private static String previousLine(String text, int lineStart) {
        int end = lineStart - 1;
        while (end > 0) {
            int start = lineStart(text, end);
            String line = text.substring(start, end);
            if (!line.isBlank()) return line;
            end = start - 1;
        }
        return "";
    }
}
