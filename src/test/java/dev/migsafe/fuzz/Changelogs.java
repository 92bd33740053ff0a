package dev.migsafe.fuzz;

/** Small Liquibase changelog texts for the hostile cases. */
final class Changelogs {
    static final String MASTER_XML = "db/changelog/db.changelog-master.xml";
    static final String MASTER_YAML = "db/changelog/db.changelog-master.yaml";

    private Changelogs() {
    }

    static String xml(String body) {
        return xml("", body);
    }

    /** A changelog with an optional DOCTYPE (for entity cases) before the root element. */
    static String xml(String doctype, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n"
                + body + "</databaseChangeLog>\n";
    }

    static String changeSet(String id, String changes) {
        return "  <changeSet id=\"" + id + "\" author=\"fuzz\">\n    " + changes + "\n  </changeSet>\n";
    }

    /** A table the later changeSets can rename and drop from, so that findings print names. */
    static String baseTable() {
        return changeSet("base", "<createTable tableName=\"fuzz_t\"><column name=\"a\" type=\"int\"/>"
                + "<column name=\"b\" type=\"text\"/></createTable>");
    }
}
