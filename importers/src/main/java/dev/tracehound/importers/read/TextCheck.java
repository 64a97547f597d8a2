package dev.tracehound.importers.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells text from binary garbage by the head of a file: every importer reads text (JSON, JSONL, CSV),
 * so a file full of NUL bytes or invalid UTF-8 is the wrong file, and saying so beats quarantining a
 * million "records".
 */
public final class TextCheck {
    private TextCheck() {}

    /** Empty when the head looks like text; otherwise the reason it does not. */
    public static Optional<String> whyNotText(byte[] head) {
        if (head.length == 0) return Optional.empty();
        int nul = 0;
        for (byte b : head) if (b == 0) nul++;
        Optional<String> utf16 = utf16(head, nul);
        if (utf16.isPresent()) return utf16;
        if (nul > 0 && nul * 100L >= head.length) {
            return Optional.of(String.format("it is binary, not text (%d NUL bytes in the first %d bytes)", nul, head.length));
        }
        int invalid = invalidUtf8Sequences(head);
        // A stray bad byte is a record problem (quarantined later); a high rate means the file is not UTF-8 text.
        if (invalid > 16 && invalid * 20L >= head.length) {
            return Optional.of(String.format("it is not UTF-8 text (%d invalid byte sequences in the first %d bytes)", invalid, head.length));
        }
        return Optional.empty();
    }

    /**
     * UTF-16 text (Windows tools and PowerShell redirects write it): a byte-order mark, or a NUL in every other byte of
     * ASCII-range text. Named, with the conversion, rather than called binary.
     */
    private static Optional<String> utf16(byte[] head, int nul) {
        boolean bom = head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < head.length; i++) if (head[i] == 0) { if (i % 2 == 0) evenNul++; else oddNul++; }
        int half = head.length / 2;
        boolean alternating = head.length >= 8 && (evenNul * 10L >= half * 9L || oddNul * 10L >= half * 9L) && nul * 10L <= head.length * 6L;
        if (!bom && !alternating) return Optional.empty();
        return Optional.of("it is UTF-16 text, and Tracehound reads UTF-8; convert it first, for example with"
                + " `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`");
    }

    static int invalidUtf8Sequences(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(head.length + 1);
        int invalid = 0;
        while (in.hasRemaining()) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                // A multi-byte character cut at the end of the head is not an error of the file.
                if (in.remaining() < 4 && result.isMalformed() && in.position() + result.length() >= head.length) break;
                invalid++;
                in.position(in.position() + result.length());
            } else {
                break;
            }
        }
        return invalid;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
