package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportsTest {

    @Test
    void listsFailedAndErroredTestsOfFreshReportsOnly(@TempDir Path dir) throws Exception {
        Path surefire = Files.createDirectories(dir.resolve("target/surefire-reports"));
        Path gradle = Files.createDirectories(dir.resolve("build/test-results/test"));
        Files.writeString(surefire.resolve("TEST-a.AppTest.xml"), "<testsuite>"
                + "<testcase classname=\"a.AppTest\" name=\"ok\"/>"
                + "<testcase classname=\"a.AppTest\" name=\"bad\"><failure message=\"expected 1\">trace</failure></testcase>"
                + "</testsuite>");
        Files.writeString(gradle.resolve("TEST-b.DaoTest.xml"), "<testsuites><testsuite>"
                + "<testcase classname=\"b.DaoTest\" name=\"boom\"><error>java.sql.SQLException: no column\n at x</error></testcase>"
                + "</testsuite></testsuites>");
        Path stale = surefire.resolve("TEST-old.xml");
        Files.writeString(stale, "<testsuite><testcase classname=\"old\" name=\"x\"><failure/></testcase></testsuite>");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));

        JUnitReports.Summary summary = JUnitReports.read(dir, VerifySettings.DEFAULT_JUNIT_REPORTS,
                FileTime.from(Instant.now().minusSeconds(60)));

        assertEquals(2, summary.files().size());
        assertEquals(3, summary.tests());
        assertEquals(List.of("b.DaoTest.boom: java.sql.SQLException: no column", "a.AppTest.bad: expected 1"), summary.failing());
    }

    @Test
    void acceptsAPlainPathAsWellAsGlobs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("junit.xml"), "<testsuite><testcase name=\"t\"/></testsuite>");
        JUnitReports.Summary summary = JUnitReports.read(dir, List.of("junit.xml"), FileTime.fromMillis(0));
        assertEquals(1, summary.tests());
    }
}
