package dev.migsafe.report;

import java.net.URI;
import java.net.URISyntaxException;

import dev.migsafe.BadInputException;

/**
 * How reports are rendered beyond their model.
 *
 * @param color        ANSI colour in the text report (a terminal only)
 * @param rulesBaseUri absolute URL of the folder holding the rule pages ({@code .../rules/}), for links
 *                     from SARIF, Markdown and HTML; null when unknown (then the page text is embedded
 *                     in SARIF and the other formats name the rule without a link)
 * @param pathPrefix   prefix that turns the report's project-relative paths into paths relative to the
 *                     working directory (the repository root in CI): "" or e.g. {@code "services/db/"};
 *                     used where a CI system resolves files itself (SARIF, GitHub annotations)
 */
public record RenderOptions(boolean color, String rulesBaseUri, String pathPrefix) {

    public RenderOptions {
        if (rulesBaseUri != null) {
            rulesBaseUri = checkedBase(rulesBaseUri);
        }
        pathPrefix = pathPrefix == null || pathPrefix.isEmpty() || pathPrefix.equals(".") ? ""
                : pathPrefix.replace('\\', '/').replaceAll("/+$", "") + "/";
    }

    /** No colour, no links, paths as in the report. */
    public static RenderOptions plain() {
        return new RenderOptions(false, null, "");
    }

    public RenderOptions withColor(boolean c) {
        return new RenderOptions(c, rulesBaseUri, pathPrefix);
    }

    /** Link to a rule's page, or null when no base URL is known. */
    public String ruleUri(String ruleId) {
        return rulesBaseUri == null ? null : rulesBaseUri + ruleId + ".md";
    }

    /** A report path as seen from the working directory. */
    public String ciPath(String reportPath) {
        return reportPath == null || reportPath.isEmpty() || reportPath.startsWith("/") ? reportPath
                : pathPrefix + reportPath;
    }

    private static String checkedBase(String uri) {
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getHost() == null && !"file".equals(parsed.getScheme())) {
                throw new URISyntaxException(uri, "not an absolute URL");
            }
        } catch (URISyntaxException e) {
            throw new BadInputException("--rules-url " + uri + ": give the absolute URL of the rules/ folder, e.g. "
                    + "https://github.com/ORG/migsafe/blob/main/rules/");
        }
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
