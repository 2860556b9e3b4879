package org.lectern.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The frab schemas of {@code ../shared/schemas}, as the tests check served exports against them:
 * schedule.xml against the XSD (the JDK's validator, no external fetches), schedule.json against
 * the JSON schema (draft 6, with formats such as date-time and uri asserted).
 */
final class FrabSchemas {

    static final Path SCHEMAS = Path.of("..", "..", "shared", "schemas");

    private static final Schema XSD = xsd(SCHEMAS.resolve("schedule.xml.xsd"));
    private static final JsonSchema JSON = jsonSchema(SCHEMAS.resolve("schedule.json-schema.json"));

    private FrabSchemas() {
    }

    /** What is wrong with a schedule.xml, one line per error; empty when it is valid. */
    static List<String> xmlErrors(String xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = XSD.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (SAXException e) {
            errors.add("not well-formed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors.size() > 20 ? errors.subList(0, 20) : errors;
    }

    /** What is wrong with a schedule.json, one line per error; empty when it is valid. */
    static List<String> jsonErrors(String json) {
        return JSON.validate(json, InputFormat.JSON).stream().map(Object::toString).sorted().limit(20).toList();
    }

    private static Schema xsd(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, file.toUri().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the XSD " + file + " does not load", e);
        }
    }

    private static JsonSchema jsonSchema(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
