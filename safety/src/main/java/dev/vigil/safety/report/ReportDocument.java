package dev.vigil.safety.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report as data: a title, a subtitle, provenance lines (data hash, code version, rule version ...) and
 * sections in order.
 */
public record ReportDocument(String title, String subtitle, Map<String, String> provenance, List<Section> sections) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        sections = List.copyOf(sections);
    }

    /** A heading and its blocks. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            Objects.requireNonNull(heading, "heading");
            blocks = List.copyOf(blocks);
        }
    }

    /** What a section holds. */
    public sealed interface Block permits Paragraph, Table, Figure {
    }

    /**
     * A paragraph of plain text.
     *
     * @param tone {@code NORMAL}, or {@code GOOD}/{@code BAD} for a verdict line shown in colour
     */
    public record Paragraph(String text, Tone tone) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
            tone = tone == null ? Tone.NORMAL : tone;
        }

        public Paragraph(String text) {
            this(text, Tone.NORMAL);
        }
    }

    /** How a paragraph is shown. */
    public enum Tone { NORMAL, GOOD, BAD }

    /** A table: a caption, a header row and rows of cells as text (every row as long as the header). */
    public record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != header.size()) {
                    throw new IllegalArgumentException("Row " + i + " of table '" + caption + "' has "
                            + rows.get(i).size() + " cells; the header has " + header.size());
                }
            }
        }
    }

    /** A figure: a name (file-safe), a caption and the picture as PNG bytes. */
    public record Figure(String name, String caption, byte[] png) implements Block {
        public Figure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(png, "png");
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }
    }

    /** Every figure, in document order. */
    public List<Figure> figures() {
        return sections.stream().flatMap(s -> s.blocks().stream())
                .filter(Figure.class::isInstance).map(Figure.class::cast).toList();
    }
}
