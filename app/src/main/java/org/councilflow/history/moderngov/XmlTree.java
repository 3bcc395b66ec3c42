package org.councilflow.history.moderngov;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read from untrusted XML with StAX, hardened: no DTD at all (a DOCTYPE is refused, so no entity
 * can be declared, expanded or fetched), no external anything, and limits on size, depth, element count and text.
 * Names are local names (a SOAP envelope's prefixes are ignored) in lower case, as ModernGov's consumers match them.
 */
public final class XmlTree {

    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 2_000_000;
    static final int MAX_TEXT = 1_000_000;

    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlTree> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlTree(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /** Reads a whole document of at most {@code maxBytes}; anything unsafe or malformed is a {@link ModernGovFormatException}. */
    public static XmlTree parse(byte[] xml, long maxBytes) {
        if (xml.length > maxBytes) {
            throw new ModernGovFormatException("The XML is " + xml.length + " bytes; at most " + maxBytes + " are read");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("External resources are not read: " + systemId);
        });
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            List<XmlTree> stack = new ArrayList<>();
            XmlTree root = null;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ModernGovFormatException(
                            "The XML declares a DOCTYPE; documents with a DTD are refused");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ModernGovFormatException(
                            "The XML uses an undeclared entity '&" + reader.getLocalName() + ";'");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new ModernGovFormatException("The XML has more than " + MAX_ELEMENTS + " elements");
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw new ModernGovFormatException("The XML nests deeper than " + MAX_DEPTH + " elements");
                        }
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(lower(reader.getAttributeLocalName(i)), reader.getAttributeValue(i));
                        }
                        XmlTree node = new XmlTree(lower(reader.getLocalName()), attributes);
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.get(stack.size() - 1).children.add(node);
                        }
                        stack.add(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            StringBuilder text = stack.get(stack.size() - 1).text;
                            if (text.length() + reader.getTextLength() > MAX_TEXT) {
                                throw new ModernGovFormatException("An element's text is longer than " + MAX_TEXT + " characters");
                            }
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing we read
                    }
                }
            }
            if (root == null) {
                throw new ModernGovFormatException("The XML has no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new ModernGovFormatException("The XML is not well-formed: " + firstLine(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text.toString();
    }

    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    public List<XmlTree> children() {
        return children;
    }

    public Optional<XmlTree> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    public List<XmlTree> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The stripped text of a child element, or of an attribute of that name; null when absent or blank. */
    public String value(String childName) {
        String value = child(childName).map(XmlTree::text).or(() -> attribute(childName)).orElse(null);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every element of that name below this one, in document order (not below a match). */
    public List<XmlTree> descendants(String elementName) {
        List<XmlTree> found = new ArrayList<>();
        collect(elementName, found);
        return found;
    }

    private void collect(String elementName, List<XmlTree> found) {
        for (XmlTree child : children) {
            if (child.name.equals(elementName)) {
                found.add(child);
            } else {
                child.collect(elementName, found);
            }
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
