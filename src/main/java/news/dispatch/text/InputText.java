package news.dispatch.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

import java.text.Normalizer;

/**
 * The rules every text a client writes goes through (docs/decisions/090-input-text.md): it is stored in
 * Unicode normalisation form C, must consist of valid characters, counts as blank when nothing in it is
 * visible, and, in single-line fields, carries no explicit bidirectional embedding, override or isolate.
 * The zero-width non-joiner (U+200C) and joiner (U+200D) that Sorani and Arabic words use inside words are
 * fine: they only make a text blank when nothing else is in it.
 */
public final class InputText {

    private InputText() {
    }

    /** The text in NFC, so that the same words written on two keyboards are one string (slugs, search, equality). */
    public static String normalise(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Why the text cannot be stored, or null when it can: an unpaired surrogate (not a character, and
     * strict JSON parsers reject the whole document that carries one), a control character other than
     * tab, line feed and carriage return (NUL among them; XML feeds cannot carry them either), or a
     * noncharacter (U+FFFE, U+FFFF and the like).
     */
    public static String invalid(String text) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (isNoncharacter(cp)) {
                    return "must not contain noncharacters (U+" + Integer.toHexString(cp).toUpperCase() + ")";
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogates (invalid UTF-16)";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + ")";
            }
            if (isNoncharacter(c)) {
                return "must not contain noncharacters (U+" + String.format("%04X", (int) c) + ")";
            }
            i++;
        }
        return null;
    }

    /**
     * Whether nothing of the text is visible: every character is white space or default-ignorable
     * (zero-width spaces and joiners, bidi marks, the word joiner, soft hyphens, Hangul fillers...).
     */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!UCharacter.isUWhiteSpace(cp) && !UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    && cp != 0x2800) { // the braille blank renders as nothing too
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * Whether the text holds an explicit bidirectional embedding, override or isolate (U+202A..U+202E,
     * U+2066..U+2069): in a headline or a name they can make the text read differently from what it
     * is, and an unclosed one spills over the text shown after it. The marks (LRM, RLM, ALM) that
     * right-to-left text needs around numbers and Latin words are fine.
     */
    public static boolean hasBidiControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
