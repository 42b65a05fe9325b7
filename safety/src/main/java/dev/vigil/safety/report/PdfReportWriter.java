package dev.vigil.safety.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a {@link ReportDocument} as an A4 PDF with OpenPDF: title page header with provenance, each section
 * with its paragraphs, tables (header row repeated across pages) and figures scaled to the text width, and a
 * footer with the report title and page number on every page.
 */
public final class PdfReportWriter {

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font MONO = new Font(Font.COURIER, 8);
    private static final Font TABLE_HEAD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font GOOD = new Font(Font.HELVETICA, 10, Font.BOLD, new Color(0x13, 0x65, 0x3f));
    private static final Font BAD = new Font(Font.HELVETICA, 10, Font.BOLD, new Color(0xa4, 0x16, 0x1a));

    private PdfReportWriter() {
    }

    public static byte[] write(ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 42, 42, 48, 54);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(doc.title()));
            pdf.addTitle(doc.title());
            pdf.addCreator("Vigil");
            pdf.open();
            pdf.add(new Paragraph(doc.title(), TITLE));
            if (!doc.subtitle().isEmpty()) {
                pdf.add(new Paragraph(doc.subtitle(), BODY));
            }
            if (!doc.provenance().isEmpty()) {
                PdfPTable provenance = new PdfPTable(new float[] {1, 3});
                provenance.setWidthPercentage(100);
                provenance.setSpacingBefore(8);
                for (Map.Entry<String, String> e : doc.provenance().entrySet()) {
                    provenance.addCell(cell(e.getKey(), SMALL, null));
                    provenance.addCell(cell(e.getValue(), MONO, null));
                }
                pdf.add(provenance);
            }
            float width = pdf.getPageSize().getWidth() - pdf.leftMargin() - pdf.rightMargin();
            for (ReportDocument.Section section : doc.sections()) {
                Paragraph heading = new Paragraph(section.heading(), HEADING);
                heading.setSpacingBefore(14);
                heading.setSpacingAfter(4);
                pdf.add(heading);
                for (ReportDocument.Block block : section.blocks()) {
                    add(block, pdf, width);
                }
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the PDF of '" + doc.title() + "': " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void add(ReportDocument.Block block, Document pdf, float width) throws DocumentException {
        if (block instanceof ReportDocument.Paragraph p) {
            Font font = switch (p.tone()) {
                case GOOD -> GOOD;
                case BAD -> BAD;
                case NORMAL -> BODY;
            };
            Paragraph paragraph = new Paragraph(p.text(), font);
            paragraph.setSpacingAfter(4);
            pdf.add(paragraph);
        } else if (block instanceof ReportDocument.Table t) {
            if (t.caption() != null && !t.caption().isEmpty()) {
                pdf.add(new Paragraph(t.caption(), TABLE_HEAD));
            }
            PdfPTable table = new PdfPTable(t.header().size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(3);
            table.setSpacingAfter(8);
            Color shade = new Color(0xee, 0xf2, 0xf5);
            t.header().forEach(h -> table.addCell(cell(h, TABLE_HEAD, shade)));
            t.rows().forEach(row -> row.forEach(c -> table.addCell(cell(c, SMALL, null))));
            pdf.add(table);
        } else if (block instanceof ReportDocument.Figure f) {
            try {
                Image image = Image.getInstance(f.png());
                image.scaleToFit(width, 330);
                image.setAlignment(Element.ALIGN_CENTER);
                pdf.add(image);
            } catch (IOException e) {
                throw new UncheckedIOException("Figure " + f.name() + " is not a readable PNG", e);
            }
            Paragraph caption = new Paragraph(f.caption(), SMALL);
            caption.setSpacingAfter(8);
            pdf.add(caption);
        }
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(3);
        cell.setBorderColor(new Color(0xcc, 0xd3, 0xda));
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /** "title · page n" at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(new Chunk(title + " · page " + writer.getPageNumber(), SMALL)),
                    (page.getLeft() + page.getRight()) / 2, page.getBottom() + 28, 0);
        }
    }
}
