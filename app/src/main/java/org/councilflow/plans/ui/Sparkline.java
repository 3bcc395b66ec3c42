package org.councilflow.plans.ui;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.councilflow.common.ui.Words;
import org.councilflow.plans.Indicator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.vaadin.flow.component.html.Image;

/**
 * An indicator's trend as a small SVG line drawn on the server: no chart library, nothing to download or build, free,
 * and accessible (an image whose alternative text spells out the values). The dashed line is the target. The SVG is
 * built as a DOM (the XML serialiser escapes the label), never from strings.
 */
final class Sparkline {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final int WIDTH = 160;
    private static final int HEIGHT = 40;
    private static final String LINE_COLOUR = "#1f5fa8";

    private Sparkline() {
    }

    static Image of(Indicator indicator) {
        String label = label(indicator);
        Image image = new Image("data:image/svg+xml;base64," + Base64.getEncoder()
                .encodeToString(svg(indicator, label).getBytes(StandardCharsets.UTF_8)), label);
        image.setWidth(WIDTH + "px");
        image.setHeight(HEIGHT + "px");
        return image;
    }

    static String label(Indicator indicator) {
        List<Indicator.Value> values = indicator.values();
        return indicator.name() + ": " + (values.isEmpty() ? Words.t("plans.noValues") : String.join(", ",
                values.stream().map(v -> v.period() + " " + v.value().stripTrailingZeros().toPlainString()).toList()))
                + (indicator.target() == null ? "" : "; " + Words.t("plans.targetLower") + " " + indicator.target().stripTrailingZeros().toPlainString());
    }

    /** The drawing as an SVG document. */
    static String svg(Indicator indicator, String label) {
        Document document = newDocument();
        Element svg = document.createElementNS(SVG, "svg");
        document.appendChild(svg);
        svg.setAttribute("role", "img");
        svg.setAttribute("width", Integer.toString(WIDTH));
        svg.setAttribute("height", Integer.toString(HEIGHT));
        svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        svg.appendChild(document.createElementNS(SVG, "title")).setTextContent(label);
        List<Indicator.Value> values = indicator.values();
        if (!values.isEmpty()) {
            double min = values.stream().map(Indicator.Value::value).mapToDouble(BigDecimal::doubleValue).min().orElse(0);
            double max = values.stream().map(Indicator.Value::value).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
            if (indicator.target() != null) {
                min = Math.min(min, indicator.target().doubleValue());
                max = Math.max(max, indicator.target().doubleValue());
            }
            double span = max - min == 0 ? 1 : max - min;
            if (indicator.target() != null) {
                String y = number(y(indicator.target().doubleValue(), min, span));
                Element target = child(svg, "line");
                target.setAttribute("x1", "0");
                target.setAttribute("x2", Integer.toString(WIDTH));
                target.setAttribute("y1", y);
                target.setAttribute("y2", y);
                target.setAttribute("stroke", "#6b7280");
                target.setAttribute("stroke-dasharray", "3 3");
            }
            StringBuilder points = new StringBuilder();
            String lastX = "";
            String lastY = "";
            for (int i = 0; i < values.size(); i++) {
                lastX = number(values.size() == 1 ? WIDTH / 2.0 : 4 + i * (WIDTH - 8.0) / (values.size() - 1));
                lastY = number(y(values.get(i).value().doubleValue(), min, span));
                points.append(i == 0 ? "" : " ").append(lastX).append(',').append(lastY);
            }
            Element line = child(svg, "polyline");
            line.setAttribute("fill", "none");
            line.setAttribute("stroke", LINE_COLOUR);
            line.setAttribute("stroke-width", "2");
            line.setAttribute("points", points.toString());
            Element latest = child(svg, "circle");
            latest.setAttribute("r", "3");
            latest.setAttribute("fill", LINE_COLOUR);
            latest.setAttribute("cx", lastX);
            latest.setAttribute("cy", lastY);
        }
        return serialise(document);
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(SVG, name);
        parent.appendChild(child);
        return child;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double y(double value, double min, double span) {
        return HEIGHT - 4 - (value - min) / span * (HEIGHT - 8);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
