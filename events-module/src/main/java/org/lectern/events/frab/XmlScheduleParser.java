package org.lectern.events.frab;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;
import static org.lectern.events.frab.ScheduleDraft.clean;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code schedule.xml} with StAX:
 * {@code <schedule><conference/><day date= start= end=><room name=><event id= guid=>...}.
 * Unknown elements are skipped whole, wherever they are.
 */
final class XmlScheduleParser {

    /** Handles one child element and leaves the reader on that child's end tag. */
    private interface ChildHandler {
        void element(String name) throws XMLStreamException;
    }

    private final XMLStreamReader xml;
    private final int skippedLines;
    private final ScheduleDraft draft = new ScheduleDraft();

    private XmlScheduleParser(XMLStreamReader xml, int skippedLines) {
        this.xml = xml;
        this.skippedLines = skippedLines;
    }

    /**
     * @param offset       where the XML starts (after a byte-order mark and leading whitespace)
     * @param skippedLines line breaks before {@code offset}, so reported lines match the document
     */
    static ScheduleDraft parse(byte[] document, int offset, int skippedLines) {
        XMLStreamReader xml = null;
        try {
            xml = secureFactory().createXMLStreamReader(
                    new ByteArrayInputStream(document, offset, document.length - offset));
            return new XmlScheduleParser(xml, skippedLines).schedule();
        } catch (XMLStreamException e) {
            throw new FrabFormatException("malformed XML" + at(e.getLocation(), skippedLines) + ": " + reason(e), e);
        } finally {
            close(xml);
        }
    }

    /**
     * The JDK's own StAX implementation (not whatever the class path offers), with DTDs and external
     * entities off and no external access: a DOCTYPE then arrives as a DTD event, which is refused.
     * A new factory per document, as factories are not promised to be thread-safe.
     */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never resolved: " + systemId);
        });
        return factory;
    }

    private ScheduleDraft schedule() throws XMLStreamException {
        toRootElement();
        if (!"schedule".equals(xml.getLocalName())) {
            throw new FrabFormatException("not a frab schedule: the root element is <" + xml.getLocalName()
                    + "> at line " + line() + ", expected <schedule>");
        }
        eachChild(name -> {
            switch (name) {
                case "conference" -> conference();
                case "day" -> day();
                default -> skip();
            }
        });
        while (xml.hasNext()) {
            xml.next(); // lets the parser check the rest of the document is well-formed
        }
        return draft;
    }

    private void toRootElement() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == DTD) {
                throw new FrabFormatException("DOCTYPE is not allowed (line " + line() + "): frab schedules have"
                        + " none, and refusing it rules out entity expansion and external entities");
            }
            if (event == START_ELEMENT) {
                return;
            }
        }
        throw new FrabFormatException("not a frab schedule: the XML has no root element");
    }

    private void conference() throws XMLStreamException {
        draft.conferenceAt("<conference> at line " + line());
        eachChild(name -> {
            if (ScheduleDraft.CONFERENCE_FIELDS.contains(name)) {
                draft.conference(name, text());
            } else if ("rooms".equals(name)) {
                eachChild(room -> draft.addRoom(nameOrText()));
            } else if ("tracks".equals(name)) {
                eachChild(track -> draft.addTrack(nameOrText()));
            } else {
                skip();
            }
        });
    }

    private void day() throws XMLStreamException {
        DayDraft day = new DayDraft(attribute("date"), attribute("start"), attribute("end"), "<day> at line " + line());
        draft.addDay(day);
        eachChild(name -> {
            if ("room".equals(name)) {
                room(day);
            } else {
                skip();
            }
        });
    }

    private void room(DayDraft day) throws XMLStreamException {
        String room = attribute("name");
        draft.addRoom(room);
        eachChild(name -> {
            if ("event".equals(name)) {
                event(day, room);
            } else {
                skip();
            }
        });
    }

    private void event(DayDraft day, String room) throws XMLStreamException {
        String id = attribute("id");
        String where = (id == null ? "<event>" : "event id=\"" + id + "\"") + " at line " + line();
        TalkDraft talk = new TalkDraft(id, attribute("guid"), where, day, room);
        eachChild(name -> {
            if ("persons".equals(name)) {
                eachChild(person -> person(talk));
            } else if (TalkDraft.FIELDS.contains(name)) {
                talk.put(name, text());
            } else {
                skip();
            }
        });
        draft.addTalk(talk);
    }

    /** {@code <person id= guid=>Public Name</person>}; a {@code <public_name>} or {@code <name>} child is accepted too. */
    private void person(TalkDraft talk) throws XMLStreamException {
        String id = attribute("id");
        String guid = attribute("guid");
        StringBuilder text = new StringBuilder();
        Map<String, String> children = new HashMap<>();
        for (int event = xml.next(); event != END_ELEMENT; event = xml.next()) {
            if (event == CHARACTERS || event == CDATA || event == SPACE) {
                text.append(xml.getText());
            } else if (event == START_ELEMENT) {
                String name = xml.getLocalName();
                children.put(name, text());
            }
        }
        talk.addPerson(id, guid, TalkDraft.firstOf(children.get("public_name"), children.get("name"), clean(text.toString())));
    }

    /** Calls the handler for each child element of the current element; ends on its end tag. */
    private void eachChild(ChildHandler handler) throws XMLStreamException {
        for (int event = xml.next(); event != END_ELEMENT; event = xml.next()) {
            if (event == START_ELEMENT) {
                handler.element(xml.getLocalName());
            }
        }
    }

    /** The cleaned text of the current element and all it contains; ends on its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0;) {
            switch (xml.next()) {
                case CHARACTERS, CDATA, SPACE -> text.append(xml.getText());
                case START_ELEMENT -> depth++;
                case END_ELEMENT -> depth--;
                default -> {
                    // comments and processing instructions carry no schedule data
                }
            }
        }
        return clean(text.toString());
    }

    /** Skips the current element; a loop, not recursion, so deep nesting cannot overflow the stack. */
    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0;) {
            int event = xml.next();
            if (event == START_ELEMENT) {
                depth++;
            } else if (event == END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A room or track of the conference, given as {@code name="..."} or as text. */
    private String nameOrText() throws XMLStreamException {
        String name = attribute("name");
        String text = text();
        return name != null ? name : text;
    }

    private String attribute(String name) {
        return clean(xml.getAttributeValue(null, name));
    }

    private int line() {
        return xml.getLocation().getLineNumber() + skippedLines;
    }

    private static String at(Location location, int skippedLines) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " at line " + (location.getLineNumber() + skippedLines) + ", column " + location.getColumnNumber();
    }

    /** The JDK prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; the location is reported separately. */
    private static String reason(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        return start < 0 ? message : message.substring(start + "Message: ".length());
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing to release: the document is an in-memory array
            }
        }
    }
}
