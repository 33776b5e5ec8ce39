package org.opencio.platform.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A one-page A4 PDF with a line of text each, written by hand, for the demo's documents (contracts, quotes) to open. */
public final class DemoPdf {

    private DemoPdf() {}

    public static byte[] of(int fontSize, List<String> lines) {
        StringBuilder text = new StringBuilder("BT /F1 " + fontSize + " Tf 72 740 Td " + (fontSize + 4) + " TL");
        for (String line : lines) {
            // Only characters that need no escaping in a PDF string of the standard font.
            text.append(" (").append(line.replaceAll("[^A-Za-z0-9 .,:=x%+/-]", " ")).append(") Tj T*");
        }
        String stream = text.append(" ET").toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> out.append(String.format(Locale.ROOT, "%010d 00000 n \n", o)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
