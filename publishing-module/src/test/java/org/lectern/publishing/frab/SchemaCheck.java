package org.lectern.publishing.frab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The two shared schemas, loaded once; every export in the tests goes through them. */
final class SchemaCheck {

    // surefire runs in the module directory; the shared data sits next to the worktree
    static final Path SCHEMAS = Path.of("../../shared/schemas");

    private static final Schema XSD = loadXsd(SCHEMAS.resolve("schedule.xml.xsd"));
    private static final JsonSchema JSON_SCHEMA = loadJsonSchema(SCHEMAS.resolve("schedule.json-schema.json"));

    private SchemaCheck() {
    }

    static void assertValidXml(byte[] xml) {
        assertFalse(new String(xml, StandardCharsets.UTF_8).contains("<!DOCTYPE"), "no DOCTYPE");
        assertEquals(List.of(), xmlErrors(xml), () -> "schedule.xml is invalid:\n" + new String(xml, StandardCharsets.UTF_8));
    }

    static void assertValidJson(byte[] json) {
        assertEquals(Set.of(), jsonErrors(json), () -> "schedule.json is invalid:\n" + new String(json, StandardCharsets.UTF_8));
    }

    static List<String> xmlErrors(byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = XSD.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {
                }

                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            errors.add("not well-formed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    static Set<ValidationMessage> jsonErrors(byte[] json) {
        return JSON_SCHEMA.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static Schema loadXsd(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, file.toUri().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Draft-06, as the schema's $schema says; format assertions on (uri, date-time, date, uuid). */
    private static JsonSchema loadJsonSchema(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
