package org.councilflow.plans.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.councilflow.plans.Indicator;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.Html;

/**
 * An indicator's trend as a small SVG line drawn on the server: no chart library, nothing to download or build, free,
 * and accessible (an image with the values spelled out as its name). The dashed line is the target.
 */
final class Sparkline {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 40;

    private Sparkline() {
    }

    static Html of(Indicator indicator) {
        List<Indicator.Value> values = indicator.values();
        String label = indicator.name() + ": " + (values.isEmpty() ? Words.t("plans.noValues") : String.join(", ",
                values.stream().map(v -> v.period() + " " + v.value().stripTrailingZeros().toPlainString()).toList()))
                + (indicator.target() == null ? "" : "; " + Words.t("plans.targetLower") + " " + indicator.target().stripTrailingZeros().toPlainString());
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"><title>" + escape(label) + "</title>");
        if (!values.isEmpty()) {
            double min = values.stream().map(Indicator.Value::value).mapToDouble(BigDecimal::doubleValue).min().orElse(0);
            double max = values.stream().map(Indicator.Value::value).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
            if (indicator.target() != null) {
                min = Math.min(min, indicator.target().doubleValue());
                max = Math.max(max, indicator.target().doubleValue());
            }
            double span = max - min == 0 ? 1 : max - min;
            if (indicator.target() != null) {
                double y = y(indicator.target().doubleValue(), min, span);
                svg.append(String.format(Locale.ROOT, "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#6b7280\" stroke-dasharray=\"3 3\"/>", WIDTH, y, y));
            }
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                double x = values.size() == 1 ? WIDTH / 2.0 : 4 + i * (WIDTH - 8.0) / (values.size() - 1);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(values.get(i).value().doubleValue(), min, span)));
            }
            svg.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"").append(points.toString().strip()).append("\"/>");
            String[] last = points.toString().strip().split(" ");
            String[] xy = last[last.length - 1].split(",");
            svg.append("<circle r=\"3\" fill=\"#1f5fa8\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\"/>");
        }
        svg.append("</svg>");
        return new Html(svg.toString());
    }

    private static double y(double value, double min, double span) {
        return HEIGHT - 4 - (value - min) / span * (HEIGHT - 8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
