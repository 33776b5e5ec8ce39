package org.opencio.platform.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Opens an .xlsx as a spreadsheet program would: unzips it and parses every part as XML (no external entities). */
public final class XlsxCheck {

    private XlsxCheck() {}

    /** Every part of the workbook by name, parsed. */
    public static Map<String, Document> parts(byte[] xlsx) throws Exception {
        Map<String, Document> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), parse(zip.readAllBytes()));
            }
        }
        return parts;
    }

    /** The text of every cell of the first sheet, row by row: inline strings and number values. */
    public static List<String> cells(byte[] xlsx) throws Exception {
        Document sheet = parts(xlsx).get("xl/worksheets/sheet1.xml");
        List<String> values = new ArrayList<>();
        NodeList cells = sheet.getElementsByTagNameNS("*", "c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            values.add(c.getTextContent());
        }
        return values;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        try {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new AssertionError("not XML", e);
        }
    }
}
