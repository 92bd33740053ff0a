package dev.migsafe.app;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/**
 * XML files of the older release's code (MyBatis mappers, JPA {@code orm.xml}), read without DTDs or
 * external entities: the code is as untrusted as the migrations. Elements keep their namespaces so
 * that a prefixed document reads like an unprefixed one ({@code getLocalName}).
 */
final class CodeXml {

    private CodeXml() {
    }

    /** The document, or an exception whose message says why it could not be read. */
    static Document parse(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The line of the first {@code needle} at or after {@code from} in {@code text}, or the line of {@code from}. */
    static int lineOf(String text, String needle, int from) {
        int at = text.indexOf(needle, Math.max(0, from));
        int upTo = at < 0 ? Math.max(0, Math.min(from, text.length())) : at;
        return (int) text.substring(0, upTo).chars().filter(c -> c == '\n').count() + 1;
    }
}
