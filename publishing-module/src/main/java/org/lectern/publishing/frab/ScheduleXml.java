package org.lectern.publishing.frab;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code schedule.xml}: the JDK's own StAX writer does all escaping (including "]]>" in
 * text); there is no DOCTYPE and no namespace, as the XSD has no target namespace. Elements are
 * indented so the file can be read and diffed; the whitespace is allowed by the XSD.
 */
final class ScheduleXml {

    // the JDK's built-in writer, never whatever else is on the class path: the same bytes everywhere
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter xml;
    private final String page;
    private int depth;

    private ScheduleXml(XMLStreamWriter xml, String page) {
        this.xml = xml;
        this.page = page;
    }

    static byte[] write(FrabProgram program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            new ScheduleXml(xml, program.url()).schedule(program);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("schedule.xml could not be written", e);
        }
        return out.toByteArray();
    }

    private void schedule(FrabProgram program) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        open("schedule");
        indent();
        xml.writeEmptyElement("generator");
        xml.writeAttribute("name", "Lectern");
        leaf("version", program.version());

        open("conference");
        leaf("acronym", program.acronym());
        leaf("title", program.title());
        leaf("start", program.startDate());
        leaf("end", program.endDate());
        leaf("days", Integer.toString(program.days().size()));
        leaf("timeslot_duration", program.timeslot());
        leaf("base_url", program.url());
        leaf("url", program.url());
        leaf("time_zone_name", program.zoneName());
        close();

        for (FrabProgram.Day day : program.days()) {
            open("day");
            xml.writeAttribute("index", Integer.toString(day.index()));
            xml.writeAttribute("date", day.date());
            xml.writeAttribute("start", day.start());
            xml.writeAttribute("end", day.end());
            for (FrabProgram.RoomEntries room : day.rooms()) {
                open("room");
                xml.writeAttribute("name", room.room().name());
                xml.writeAttribute("guid", room.room().guid().toString());
                for (FrabProgram.Entry entry : room.entries()) {
                    entry(entry);
                }
                close();
            }
            close();
        }
        close();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void entry(FrabProgram.Entry entry) throws XMLStreamException {
        open("event");
        xml.writeAttribute("id", Integer.toString(entry.id()));
        xml.writeAttribute("guid", entry.guid().toString());
        leaf("date", entry.date());
        leaf("start", entry.start());
        leaf("duration", entry.duration());
        leaf("room", entry.room());
        leaf("title", entry.title());
        if (entry.subtitle() != null) {
            leaf("subtitle", entry.subtitle());
        }
        leaf("track", entry.track()); // required by the XSD even when there is none: then empty
        leaf("type", entry.type());
        leaf("abstract", entry.abstractText()); // required as well
        // <slug> is left out: the XSD asks to omit slugs generated from the title, as ours are
        persons(entry);
        links(entry);
        // Lectern has no page per item: an entry's url is the event page, as in the calendar feed
        leaf("url", page);
        close();
    }

    private void persons(FrabProgram.Entry entry) throws XMLStreamException {
        if (entry.persons().isEmpty()) {
            leaf("persons", null);
            return;
        }
        open("persons");
        for (FrabProgram.Person person : entry.persons()) {
            indent();
            xml.writeStartElement("person");
            xml.writeAttribute("id", Integer.toString(person.id()));
            xml.writeAttribute("guid", person.guid().toString());
            xml.writeCharacters(person.name());
            xml.writeEndElement();
        }
        close();
    }

    private void links(FrabProgram.Entry entry) throws XMLStreamException {
        if (entry.links().isEmpty()) {
            leaf("links", null);
            return;
        }
        open("links");
        for (FrabProgram.Link link : entry.links()) {
            indent();
            xml.writeStartElement("link");
            xml.writeAttribute("href", link.url());
            xml.writeAttribute("type", link.type());
            xml.writeCharacters(link.title());
            xml.writeEndElement();
        }
        close();
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    /** An element holding only text; empty when the text is null or empty. */
    private void leaf(String name, String text) throws XMLStreamException {
        indent();
        if (text == null || text.isEmpty()) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
