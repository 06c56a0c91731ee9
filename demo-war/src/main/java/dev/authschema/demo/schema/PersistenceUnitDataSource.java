package dev.authschema.demo.schema;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The JNDI name of the persistence unit's JTA data source, read from {@code META-INF/persistence.xml}: the one place
 * that names it (the build fills it in; a deployment may replace the file), so the schema goes where JPA reads.
 */
final class PersistenceUnitDataSource {

    private PersistenceUnitDataSource() {}

    static String jndiName(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream("META-INF/persistence.xml")) {
            if (in == null) {
                throw new IllegalStateException("The application has no META-INF/persistence.xml");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList names = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "jta-data-source");
            if (names.getLength() == 0 || names.item(0).getTextContent().isBlank()) {
                throw new IllegalStateException("META-INF/persistence.xml names no <jta-data-source>");
            }
            return names.item(0).getTextContent().strip();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read META-INF/persistence.xml: " + e.getMessage(), e);
        }
    }
}
