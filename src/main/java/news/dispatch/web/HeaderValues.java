package news.dispatch.web;

import io.netty.util.AsciiString;

/** Header values prepared once for answers that send them again and again. */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * A value as Netty's {@link AsciiString} when it is US-ASCII (they all are in practice), which is
     * written without re-encoding; as it is otherwise.
     */
    public static CharSequence encoded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 127) {
                return value;
            }
        }
        return new AsciiString(value);
    }
}
