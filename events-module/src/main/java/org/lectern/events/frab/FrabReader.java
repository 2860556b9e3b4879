package org.lectern.events.frab;

import java.util.Objects;

/**
 * Reads a frab schedule, XML ({@code schedule.xml}) or JSON ({@code schedule.json}), into a
 * {@link FrabSchedule}. Tolerant of what real files leave out, strict about what would make the
 * schedule wrong; XML with a DOCTYPE is refused outright.
 */
public final class FrabReader {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FrabReader() {
    }

    /**
     * Detects the format by the first character other than whitespace, after an optional UTF-8
     * byte-order mark: {@code <} is XML, <code>{</code> is JSON.
     *
     * @throws FrabFormatException if the document is neither, is malformed, or has a talk that cannot
     *                             be read; the message says what and where
     */
    public static FrabSchedule read(byte[] document) {
        return read(document, java.time.ZoneOffset.UTC);
    }

    /**
     * As {@link #read(byte[])}, placing talks that carry no date of their own in {@code fallback}
     * when the file names no time zone (FOSDEM's files do not).
     */
    public static FrabSchedule read(byte[] document, java.time.ZoneId fallback) {
        Objects.requireNonNull(document, "document");
        int afterBom = startsWithBom(document) ? UTF8_BOM.length : 0;
        int first = afterBom;
        int lineBreaks = 0;
        while (first < document.length && isWhitespace(document[first])) {
            lineBreaks += document[first] == '\n' ? 1 : 0;
            first++;
        }
        if (first == document.length) {
            throw new FrabFormatException("not a frab schedule: the document is empty");
        }
        ScheduleDraft draft = switch (document[first]) {
            // XML may not have whitespace before its declaration, so the parser starts at the '<'
            case '<' -> XmlScheduleParser.parse(document, first, lineBreaks);
            case '{' -> JsonScheduleParser.parse(document, afterBom);
            default -> throw new FrabFormatException("not a frab schedule: expected XML ('<') or JSON ('{'),"
                    + " but the document starts with " + opening(document, first));
        };
        return draft.toSchedule(fallback);
    }

    private static boolean startsWithBom(byte[] document) {
        return document.length >= UTF8_BOM.length
                && document[0] == UTF8_BOM[0] && document[1] == UTF8_BOM[1] && document[2] == UTF8_BOM[2];
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Up to 20 printable ASCII characters from {@code from}, quoted, or the first byte in hex. */
    private static String opening(byte[] document, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < document.length && i < from + 20 && document[i] >= 0x20 && document[i] < 0x7F; i++) {
            text.append((char) document[i]);
        }
        return text.length() > 0 ? "\"" + text + "\"" : String.format("byte 0x%02X", document[from] & 0xFF);
    }
}
