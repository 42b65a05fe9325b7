package dev.vigil.safety.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.safety.report.ReportDocument.Figure;
import dev.vigil.safety.report.ReportDocument.Paragraph;
import dev.vigil.safety.report.ReportDocument.Section;
import dev.vigil.safety.report.ReportDocument.Table;
import dev.vigil.safety.report.ReportDocument.Tone;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    private static byte[] png(int width, int height, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static ReportDocument document(int rows) throws Exception {
        List<List<String>> body = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            body.add(List.of("rule-" + i, String.valueOf(i * 0.5), i % 2 == 0 ? "pass" : "fail"));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("Data hash", "ab12");
        provenance.put("Rule set", "sepsis-bedside 1.0.0");
        return new ReportDocument("Safety report <run 7>", "Policy ogsrl", provenance, List.of(
                new Section("Verdict", List.of(new Paragraph("FAIL: cost above budget", Tone.BAD),
                        new Paragraph("Plain & simple"))),
                new Section("Rules", List.of(new Table("Per rule", List.of("Rule", "Cost", "Status"), body))),
                new Section("Figures", List.of(new Figure("cost", "Cost by rule", png(400, 200, Color.BLUE)),
                        new Figure("ood", "OOD rate", png(300, 300, Color.RED))))));
    }

    @Test
    void htmlIsSelfContainedEscapedAndCarriesEveryFigure() throws Exception {
        String html = HtmlReportWriter.write(document(3));
        assertThat(html).contains("<title>Safety report &lt;run 7&gt;</title>")
                .contains("Plain &amp; simple")
                .contains("<p class=\"bad\">FAIL: cost above budget</p>")
                .contains("<dt>Rule set</dt><dd>sepsis-bedside 1.0.0</dd>")
                .doesNotContain("<run 7>").doesNotContain("<script").doesNotContain("http://")
                .doesNotContain("https://");
        Matcher images = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        List<int[]> sizes = new ArrayList<>();
        while (images.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            sizes.add(new int[] {image.getWidth(), image.getHeight()});
        }
        assertThat(sizes).containsExactly(new int[] {400, 200}, new int[] {300, 300});
        assertThat(html).contains("<td>rule-2</td><td>1.0</td><td>pass</td>");
    }

    @Test
    void pdfHasItsPagesTextImagesAndFooters() throws Exception {
        byte[] pdf = PdfReportWriter.write(document(120));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Safety report <run 7>");
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Safety report <run 7>").contains("FAIL: cost above budget")
                    .contains("sepsis-bedside 1.0.0").contains("rule-119").contains("Cost by rule")
                    .contains("page 1").contains("page " + doc.getNumberOfPages());
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(2);
            // The last page holds the red figure: render it and find red pixels.
            BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 36);
            boolean red = false;
            for (int y = 0; y < rendered.getHeight() && !red; y++) {
                for (int x = 0; x < rendered.getWidth() && !red; x++) {
                    Color c = new Color(rendered.getRGB(x, y));
                    red = c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
                }
            }
            assertThat(red).as("the red figure is drawn on the last page").isTrue();
        }
    }

    @Test
    void refusesATableRowThatDoesNotMatchItsHeader() {
        assertThatThrownBy(() -> new Table("t", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Row 0").hasMessageContaining("2");
    }
}
