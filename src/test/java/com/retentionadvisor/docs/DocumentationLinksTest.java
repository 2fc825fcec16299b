package com.retentionadvisor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The repository's Markdown pages (the README, docs/, the analysts' guides, the benchmarks) link to each other and
 * into the code. Every relative link and image — {@code [text](target)}, {@code <a href>}, {@code <img src>} — must
 * lead to a file that exists, relative to the page, and a {@code #fragment} to a heading of the target page with that
 * anchor, as GitHub makes it: lower case, everything but letters (Cyrillic too), digits, spaces, {@code -} and
 * {@code _} dropped, spaces turned into {@code -}, a repeated heading suffixed {@code -1}, {@code -2}. Web addresses,
 * mail and localhost are not followed; links in fenced code blocks and code spans are not links. And the README stays
 * a first screen.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of(".");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`)[\\s\\S]*?[^`]\\1(?!`)");
    private static final Pattern LINK =
            Pattern.compile("!?\\[[^\\[\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML = Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_IN_HEADING = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern EXTERNAL = Pattern.compile("(?i)(https?:|mailto:|(//)?localhost\\b)");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    private record Link(int position, String target) {
    }

    @Test
    void shouldLeadEveryLinkOfEveryMarkdownPageToAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : markdownPages()) {
            String text = prose(Files.readString(page));
            List<Link> links = new ArrayList<>();
            for (Pattern pattern : List.of(LINK, HTML)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    links.add(new Link(m.start(1), m.group(1)));
                }
            }
            links.sort(Comparator.comparingInt(Link::position));
            for (Link link : links) {
                if (EXTERNAL.matcher(link.target()).lookingAt()) {
                    continue;
                }
                checked++;
                int line = text.substring(0, link.position()).split("\n", -1).length;
                String where = ROOT.relativize(page) + ":" + line + ": " + link.target();
                String[] fileAndFragment = link.target().split("#", 2);
                String file = fileAndFragment[0];
                String fragment = fileAndFragment.length > 1 ? fileAndFragment[1] : "";
                Path target = (file.isEmpty() ? page : page.getParent().resolve(file)).normalize();
                if (!Files.exists(target)) {
                    broken.add(where + " (no such file)");
                } else if (!fragment.isEmpty() && target.toString().endsWith(".md")
                        && !anchorsOf(target).contains(fragment)) {
                    broken.add(where + " (no heading with that anchor)");
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " links found: is the working directory the project's root?");
        assertTrue(broken.isEmpty(),
                checked + " links checked, " + broken.size() + " broken:\n" + String.join("\n", broken));
    }

    @Test
    void shouldKeepTheReadmeToAFirstScreen() throws IOException {
        int lines = Files.readAllLines(ROOT.resolve("README.md")).size();
        assertTrue(lines <= 200, "README.md has " + lines + " lines; move details into docs/ and link them");
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean skipped = dir.getFileName() != null && SKIPPED_FOLDERS.contains(dir.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getFileName().toString().endsWith(".md")) {
                    pages.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        pages.sort(Comparator.naturalOrder());
        return pages;
    }

    /** The lines of a page with those of fenced code blocks, fences included, emptied. */
    private static String[] outsideFences(String markdown) {
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            boolean fenceLine = m.lookingAt();
            if (fence == null && fenceLine) {
                fence = m.group(1);
                lines[i] = "";
            } else if (fence != null) {
                boolean closing = fenceLine && m.group(1).charAt(0) == fence.charAt(0)
                        && m.group(1).length() >= fence.length() && lines[i].strip().equals(m.group(1));
                fence = closing ? null : fence;
                lines[i] = "";
            }
        }
        return lines;
    }

    /** The page without code: fenced blocks and code spans blanked, line breaks kept, so positions keep their line. */
    private static String prose(String markdown) {
        return CODE_SPAN.matcher(String.join("\n", outsideFences(markdown)))
                .replaceAll(span -> span.group().replaceAll("[^\n]", " "));
    }

    /** The anchors GitHub gives a page's headings; a repeated one gets -1, -2, … */
    private Set<String> anchorsOf(Path page) throws IOException {
        if (!anchors.containsKey(page)) {
            Map<String, Integer> seen = new HashMap<>();
            Set<String> result = new HashSet<>();
            for (String line : outsideFences(Files.readString(page))) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String anchor = anchor(heading.group(1));
                    int before = seen.merge(anchor, 1, Integer::sum) - 1;
                    result.add(before == 0 ? anchor : anchor + "-" + before);
                }
            }
            anchors.put(page, result);
        }
        return anchors.get(page);
    }

    /** Lower case; letters (any script), digits, spaces, - and _ kept, the rest dropped; spaces turned into -. */
    private static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        LINK_IN_HEADING.matcher(heading).replaceAll("$1").toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetter(c) || Character.isDigit(c) || c == ' ' || c == '-' || c == '_')
                .forEach(c -> anchor.appendCodePoint(c == ' ' ? '-' : c));
        return anchor.toString();
    }
}
