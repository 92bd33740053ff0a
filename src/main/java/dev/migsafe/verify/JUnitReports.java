package dev.migsafe.verify;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads JUnit XML reports (Surefire, Gradle, pytest, go-junit-report all write this shape). */
final class JUnitReports {

    /**
     * @param files   the report files read
     * @param tests   test cases seen
     * @param failing "Class.method: first line of the message" for each failed or errored test
     */
    record Summary(List<Path> files, int tests, List<String> failing) {
    }

    private JUnitReports() {
    }

    /** The reports matching the globs under {@code dir}, written at or after {@code since}. */
    static Summary read(Path dir, List<String> globs, FileTime since) throws IOException {
        FileSystem fs = FileSystems.getDefault();
        List<Path> files = new ArrayList<>();
        for (String glob : globs) {
            PathMatcher matcher = fs.getPathMatcher("glob:" + glob);
            Path base = Files.isRegularFile(dir.resolve(glob)) ? dir.resolve(glob).getParent()
                    : dir.resolve(staticPrefix(glob));
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(base)) {
                all.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(dir.relativize(p)))
                        .filter(p -> modifiedSince(p, since))
                        .filter(p -> !files.contains(p))
                        .forEach(files::add);
            }
        }
        files.sort(null);
        int tests = 0;
        List<String> failing = new ArrayList<>();
        for (Path file : files) {
            tests += parse(file, failing);
        }
        return new Summary(files, tests, failing);
    }

    private static int parse(Path file, List<String> failing) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            NodeList cases = builder.parse(file.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                Element problem = firstChild(testcase, "failure", "error");
                if (problem != null) {
                    String name = testcase.getAttribute("classname").isEmpty() ? testcase.getAttribute("name")
                            : testcase.getAttribute("classname") + "." + testcase.getAttribute("name");
                    String message = problem.getAttribute("message");
                    if (message.isEmpty()) {
                        message = problem.getTextContent().strip().lines().findFirst().orElse(problem.getTagName());
                    }
                    failing.add(name + ": " + Errors.oneLine(message));
                }
            }
            return cases.getLength();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read JUnit report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The directories of a glob before its first wildcard: only they need walking. */
    private static String staticPrefix(String glob) {
        StringBuilder prefix = new StringBuilder();
        for (String segment : glob.split("/")) {
            if (segment.matches(".*[*?\\[{].*")) {
                break;
            }
            prefix.append(segment).append('/');
        }
        return prefix.toString();
    }

    private static Element firstChild(Element parent, String... names) {
        for (String name : names) {
            NodeList found = parent.getElementsByTagName(name);
            if (found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        return null;
    }

    private static boolean modifiedSince(Path p, FileTime since) {
        try {
            return Files.getLastModifiedTime(p).compareTo(since) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
