package org.opencio.procurement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders a purchase order as an A4 PDF for the vendor: who orders, from whom, what (line by line, in the currency it
 * was quoted in), the totals, and the order number to quote on the invoice. Long orders run over several pages.
 */
@Component
public class PurchaseOrderPdf {

    /** A rendered document and the name to save it under. */
    public record Document(String filename, byte[] content) {}

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final float[] COLUMNS = {MARGIN, MARGIN + 24, 360, 420, 500};

    public Document render(PurchaseOrderView order, @Nullable String contactName, String organization) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Purchase order " + order.number());
            info.setAuthor(organization);
            info.setSubject(order.title());
            info.setCreator("OpenCIO");
            new Writer(doc).write(order, contactName, organization);
            doc.save(out);
            return new Document(order.number() + ".pdf", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer {

        private final PDDocument doc;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private @Nullable PDPageContentStream page;
        private float y;
        private int pages;

        Writer(PDDocument doc) {
            this.doc = doc;
        }

        void write(PurchaseOrderView o, @Nullable String contactName, String organization) throws IOException {
            newPage(o);
            text(bold, 20, MARGIN, "Purchase order " + o.number());
            y -= 26;
            text(regular, 10, MARGIN, "From: " + organization);
            text(regular, 10, 330, "Order date: " + DAY.format(o.orderDate()));
            y -= LINE;
            text(regular, 10, MARGIN, "To: " + (o.vendorName() == null ? "?" : o.vendorName()) + (contactName == null ? "" : ", attn. " + contactName));
            if (o.expectedOn() != null) {
                text(regular, 10, 330, "Delivery expected by: " + DAY.format(o.expectedOn()));
            }
            y -= LINE;
            text(regular, 10, MARGIN, "Reference: " + o.requestNumber() + " " + o.title());
            y -= LINE * 2;
            header();
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (PurchaseOrderView.Line l : o.lines()) {
                BigDecimal amount = l.quantity().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_EVEN);
                totals.merge(l.currency(), amount, BigDecimal::add);
                List<String> description = wrap(l.description() + (l.catalogItem() == null ? "" : " (" + l.catalogItem() + ")"), 300 - COLUMNS[1], 9);
                if (y - LINE * description.size() < MARGIN + 40) {
                    newPage(o);
                    header();
                }
                text(regular, 9, COLUMNS[0], Integer.toString(l.position()));
                for (int i = 0; i < description.size(); i++) {
                    text(regular, 9, COLUMNS[1], description.get(i));
                    if (i == 0) {
                        right(regular, 9, COLUMNS[2] + 40, l.quantity().stripTrailingZeros().toPlainString());
                        right(regular, 9, COLUMNS[3] + 60, money(l.unitPrice()) + " " + l.currency());
                        right(regular, 9, COLUMNS[4] + 45, money(amount) + " " + l.currency());
                    }
                    y -= LINE;
                }
            }
            rule();
            y -= LINE;
            for (Map.Entry<String, BigDecimal> t : totals.entrySet()) {
                text(bold, 10, COLUMNS[3] - 60, "Total " + t.getKey());
                right(bold, 10, COLUMNS[4] + 45, money(t.getValue()) + " " + t.getKey());
                y -= LINE;
            }
            if (totals.size() > 1 || !totals.containsKey(o.baseCurrency())) {
                text(regular, 9, COLUMNS[3] - 60, "In " + o.baseCurrency() + " at the recorded rates");
                right(regular, 9, COLUMNS[4] + 45, money(o.totalBase()) + " " + o.baseCurrency());
                y -= LINE;
            }
            y -= LINE;
            if (o.notes() != null) {
                for (String line : wrap("Notes: " + o.notes(), PDRectangle.A4.getWidth() - 2 * MARGIN, 10)) {
                    ensureRoom(o);
                    text(regular, 10, MARGIN, line);
                    y -= LINE;
                }
                y -= LINE;
            }
            ensureRoom(o);
            text(regular, 10, MARGIN, "Please quote " + o.number() + " on your delivery note and invoice.");
            close();
        }

        private void ensureRoom(PurchaseOrderView o) throws IOException {
            if (y < MARGIN + 30) {
                newPage(o);
            }
        }

        private void newPage(PurchaseOrderView o) throws IOException {
            close();
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            pages++;
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
            if (pages > 1) {
                text(regular, 8, MARGIN, o.number() + " (continued)");
                y -= LINE * 2;
            }
            float footer = y;
            y = MARGIN - 20;
            text(regular, 8, MARGIN, o.number() + " - page " + pages);
            y = footer;
        }

        private void header() throws IOException {
            text(bold, 9, COLUMNS[0], "#");
            text(bold, 9, COLUMNS[1], "Description");
            right(bold, 9, COLUMNS[2] + 40, "Quantity");
            right(bold, 9, COLUMNS[3] + 60, "Unit price");
            right(bold, 9, COLUMNS[4] + 45, "Amount");
            y -= 6;
            rule();
            y -= LINE;
        }

        private void rule() throws IOException {
            PDPageContentStream s = current();
            s.setLineWidth(0.5f);
            s.moveTo(MARGIN, y);
            s.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
            s.stroke();
        }

        private void text(PDType1Font font, float size, float x, String text) throws IOException {
            PDPageContentStream s = current();
            s.beginText();
            s.setFont(font, size);
            s.newLineAtOffset(x, y);
            s.showText(printable(font, text));
            s.endText();
        }

        private void right(PDType1Font font, float size, float x, String text) throws IOException {
            String t = printable(font, text);
            text(font, size, x - font.getStringWidth(t) / 1000 * size, t);
        }

        private List<String> wrap(String text, float width, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : printable(regular, text).split(" ")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (regular.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private PDPageContentStream current() {
            if (page == null) {
                throw new IllegalStateException("no page");
            }
            return page;
        }

        private void close() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }
    }

    /** The text with what the standard font cannot show replaced: line breaks by spaces, other characters by "?". */
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String s = Character.isWhitespace(c) ? " " : new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String money(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }
}
