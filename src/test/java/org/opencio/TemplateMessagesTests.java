package org.opencio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencio.platform.security.Role;

/**
 * Every word a person reads comes from messages.properties, so that the application can be translated: templates have
 * no text of their own, and every message key they (or the code that fills them) use exists.
 */
class TemplateMessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}");
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9._-]+)");
    private static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg(?:WithParams)?\\('([a-zA-Z0-9._-]+)'");
    private static final Pattern KEY_PREFIX = Pattern.compile("#\\{'([a-zA-Z0-9._-]+)'\\s*\\+");

    private static Properties messages;
    private static List<Path> templates;

    @BeforeAll
    static void load() throws IOException {
        messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).isNotEmpty();
    }

    @Test
    void templatesHaveNoTextOfTheirOwn() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path template : templates) {
            Document document = parse(template);
            for (TextNode text : document.getAllElements().stream()
                    .flatMap(e -> e.textNodes().stream())
                    .toList()) {
                if (LETTERS.matcher(text.text()).find() && !replaced(text)) {
                    violations.add(name(template) + ": text \"" + text.text().strip() + "\" in <" + text.parent().nodeName() + ">");
                }
            }
            for (Element element : document.getAllElements()) {
                for (String attribute : TEXT_ATTRIBUTES) {
                    String value = element.attr(attribute);
                    if (!value.isBlank() && !translated(element, attribute)) {
                        violations.add(name(template) + ": " + attribute + "=\"" + value + "\" on <" + element.nodeName() + ">");
                    }
                }
            }
        }
        assertThat(violations).as("hard-coded text in templates; move it to messages.properties").isEmpty();
    }

    @Test
    void everyMessageKeyInTemplatesExists() throws IOException {
        var missing = new TreeSet<String>();
        for (Path template : templates) {
            String source = Files.readString(template);
            for (Pattern pattern : List.of(KEY, MSG_CALL)) {
                Matcher keys = pattern.matcher(source);
                while (keys.find()) {
                    if (!messages.containsKey(keys.group(1))) {
                        missing.add(name(template) + ": " + keys.group(1));
                    }
                }
            }
            Matcher prefixes = KEY_PREFIX.matcher(source);
            while (prefixes.find()) {
                String prefix = prefixes.group(1);
                if (messages.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(name(template) + ": " + prefix + "*");
                }
            }
        }
        assertThat(missing).as("message keys used in templates but missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyTheCodeHandsToTemplatesExists() throws IOException {
        var missing = new TreeSet<String>();
        for (Role role : Role.values()) {
            requireKey(missing, "Role", role.messageKey());
        }
        Pattern flash = Pattern.compile("Flash\\.success\\(\\s*\\w+,\\s*\"([^\"]+)\"(\\s*,)?");
        Pattern nav = Pattern.compile("new NavItem\\(\\s*\"([^\"]+)\",\\s*\\d+,\\s*\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher flashes = flash.matcher(code);
                while (flashes.find()) {
                    String key = flashes.group(1);
                    requireKey(missing, source.getFileName().toString(), key);
                    // A message shown with arguments must use them, or it is the wrong message.
                    if (flashes.group(2) != null && messages.containsKey(key) && !messages.getProperty(key).contains("{0}")) {
                        missing.add(source.getFileName() + ": " + key + " is given arguments but does not show them");
                    }
                }
                Matcher items = nav.matcher(code);
                while (items.find()) {
                    requireKey(missing, source.getFileName().toString(), "nav.section." + items.group(1));
                    requireKey(missing, source.getFileName().toString(), items.group(2));
                }
            }
        }
        assertThat(missing).as("message keys used by the code but missing from messages.properties").isEmpty();
    }

    private static void requireKey(TreeSet<String> missing, String where, String key) {
        if (!messages.containsKey(key)) {
            missing.add(where + ": " + key);
        }
    }

    /**
     * Whether Thymeleaf replaces this text before anyone sees it: it sits in an element whose body is replaced
     * (th:text, th:utext) or that is itself replaced (th:replace, th:insert), short of a fragment that another
     * template includes.
     */
    private static boolean replaced(TextNode text) {
        for (Element e = (Element) text.parent(); e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext")) {
                return true;
            }
            if (e.hasAttr("th:fragment")) {
                return false;
            }
            if (e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
                return true;
            }
        }
        return false;
    }

    private static boolean translated(Element element, String attribute) {
        return element.hasAttr("th:" + attribute)
                || Pattern.compile("(^|[\\s,])" + Pattern.quote(attribute) + "\\s*=").matcher(element.attr("th:attr")).find();
    }

    private static Document parse(Path template) throws IOException {
        // The XML parser keeps elements where the template has them (the HTML parser moves th:block out of tables).
        return Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
    }

    private static String name(Path template) {
        return TEMPLATES.relativize(template).toString();
    }
}
