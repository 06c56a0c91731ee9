package dev.authschema.engine.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The application's {@code META-INF/persistence.xml} as far as start-up needs it: the unit the generated adapter uses
 * (the only one, or the one named {@code authschema}, as {@code ContainerJpaWork}'s {@code @PersistenceContext}
 * finds it) and the data source it names.
 */
final class PersistenceUnitFile {

    static final String RESOURCE = "META-INF/persistence.xml";

    /** One {@code <persistence-unit>}: its name and its data source's JNDI name (JTA, else non-JTA; null if none). */
    record Unit(String name, String dataSource) {}

    private PersistenceUnitFile() {}

    /** The units of every {@code META-INF/persistence.xml} the class loader sees; empty when there is none. */
    static List<Unit> read(ClassLoader loader) {
        List<Unit> units = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                units.addAll(read(url));
            }
        } catch (IOException e) {
            throw new DeploymentCheckException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return units;
    }

    /** The unit the container injects into an unnamed {@code @PersistenceContext}, if it can tell. */
    static Optional<Unit> adapterUnit(List<Unit> units) {
        if (units.size() == 1) {
            return Optional.of(units.get(0));
        }
        return units.stream().filter(unit -> "authschema".equals(unit.name())).findFirst();
    }

    private static List<Unit> read(URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList elements = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "persistence-unit");
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < elements.getLength(); i++) {
                Element unit = (Element) elements.item(i);
                String dataSource = text(unit, "jta-data-source");
                if (dataSource == null) {
                    dataSource = text(unit, "non-jta-data-source");
                }
                units.add(new Unit(unit.getAttribute("name"), dataSource));
            }
            return units;
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new DeploymentCheckException(
                    "Cannot read " + url + ": " + e.getMessage() + ". Fix: make it a valid"
                            + " persistence.xml, or delete it and let the authschema Maven plugin generate one.",
                    e);
        }
    }

    private static String text(Element unit, String child) {
        NodeList nodes = unit.getElementsByTagNameNS("*", child);
        if (nodes.getLength() == 0 || nodes.item(0).getTextContent().isBlank()) {
            return null;
        }
        return nodes.item(0).getTextContent().strip();
    }
}
