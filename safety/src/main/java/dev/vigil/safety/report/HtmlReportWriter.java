package dev.vigil.safety.report;

import java.util.Base64;
import java.util.Map;

/**
 * Writes a {@link ReportDocument} as one self-contained HTML file: inline CSS, figures as base64 PNG, no
 * script and nothing fetched from the network, so it opens the same offline and in an archive years later.
 * Every text is escaped.
 */
public final class HtmlReportWriter {

    private HtmlReportWriter() {
    }

    public static String write(ReportDocument doc) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
                        + "color:#1d2733}h1{margin-bottom:0}.subtitle{color:#5b6773;margin-top:.3em}"
                        + "table{border-collapse:collapse;margin:.6em 0 1.2em}th,td{border:1px solid #ccd3da;"
                        + "padding:4px 8px;text-align:left;font-size:.9em}th{background:#eef2f5}"
                        + "caption{text-align:left;font-weight:600;padding:4px 0}figure{margin:1em 0}"
                        + "figcaption{color:#5b6773;font-size:.9em}.good{color:#13653f;font-weight:600}"
                        + ".bad{color:#a4161a;font-weight:600}dl.provenance{display:grid;"
                        + "grid-template-columns:max-content auto;gap:2px 12px;font-size:.9em}"
                        + "dl.provenance dd{margin:0;font-family:monospace}")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(doc.title())).append("</h1>\n");
        if (!doc.subtitle().isEmpty()) {
            html.append("<p class=\"subtitle\">").append(escape(doc.subtitle())).append("</p>\n");
        }
        if (!doc.provenance().isEmpty()) {
            html.append("<dl class=\"provenance\">\n");
            for (Map.Entry<String, String> e : doc.provenance().entrySet()) {
                html.append("<dt>").append(escape(e.getKey())).append("</dt><dd>").append(escape(e.getValue()))
                        .append("</dd>\n");
            }
            html.append("</dl>\n");
        }
        for (ReportDocument.Section section : doc.sections()) {
            html.append("<section>\n<h2>").append(escape(section.heading())).append("</h2>\n");
            for (ReportDocument.Block block : section.blocks()) {
                if (block instanceof ReportDocument.Paragraph p) {
                    String css = switch (p.tone()) {
                        case GOOD -> " class=\"good\"";
                        case BAD -> " class=\"bad\"";
                        case NORMAL -> "";
                    };
                    html.append("<p").append(css).append('>').append(escape(p.text())).append("</p>\n");
                } else if (block instanceof ReportDocument.Table t) {
                    table(t, html);
                } else if (block instanceof ReportDocument.Figure f) {
                    html.append("<figure data-figure=\"").append(escape(f.name())).append("\"><img alt=\"")
                            .append(escape(f.caption())).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>")
                            .append(escape(f.caption())).append("</figcaption></figure>\n");
                }
            }
            html.append("</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(ReportDocument.Table t, StringBuilder html) {
        html.append("<table>");
        if (t.caption() != null && !t.caption().isEmpty()) {
            html.append("<caption>").append(escape(t.caption())).append("</caption>");
        }
        html.append("<thead><tr>");
        t.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (var row : t.rows()) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Escapes the five characters that matter in element content and quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
