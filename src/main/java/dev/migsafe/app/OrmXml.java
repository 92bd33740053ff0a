package dev.migsafe.app;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * JPA mappings written in XML ({@code META-INF/orm.xml} and other {@code <entity-mappings>} files): each
 * {@code <entity>}'s table and the columns of its attributes — {@code <id>}, {@code <basic>},
 * {@code <version>} (their {@code <column name>} or the attribute's name), {@code <many-to-one>} and
 * {@code <one-to-one>} ({@code <join-column name>} or {@code attribute_id}), {@code <element-collection>}
 * ({@code <collection-table name>}), {@code <many-to-many>} ({@code <join-table name>}); {@code <transient>}
 * maps nothing. Names follow the project's naming like annotations do. A {@code <mapped-superclass>}'s
 * attributes are not tied to its subclasses' tables (not read).
 */
final class OrmXml {
    private final String file;
    private final String text;
    private final Naming names;
    private final List<Use> uses = new ArrayList<>();

    private OrmXml(String file, String text, Naming names) {
        this.file = file;
        this.text = text;
        this.names = names;
    }

    /** The uses an entity-mappings file declares; a file that is not one declares none. */
    static List<Use> read(String file, String text, Naming names, List<Unresolved> unresolved) {
        Document doc;
        try {
            doc = CodeXml.parse(text);
        } catch (Exception e) {
            unresolved.add(new Unresolved(file, 0, Use.ENTITY, "", "orm.xml not read: " + e.getMessage()));
            return List.of();
        }
        Element root = doc.getDocumentElement();
        if (!"entity-mappings".equals(local(root))) {
            return List.of();
        }
        OrmXml orm = new OrmXml(file, text, names);
        for (Element entity : children(root, "entity")) {
            orm.entity(entity);
        }
        return orm.uses;
    }

    /** The use that stands for an entity as a whole (one per {@code <entity>}). */
    static boolean isEntity(Use use) {
        return use.column() == null && use.text().startsWith("<entity ");
    }

    private void entity(Element entity) {
        String className = entity.getAttribute("class");
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String entityName = entity.getAttribute("name").isEmpty() ? simple : entity.getAttribute("name");
        Element tableElement = first(entity, "table");
        String table = qualified(tableElement, entityName);
        String classAttribute = "class=\"" + className + "\"";
        int at = text.indexOf(classAttribute);
        int line = CodeXml.lineOf(text, classAttribute, 0);
        uses.add(new Use(table, null, Use.ENTITY, file, line, "<entity class=\"" + className + "\">", true));
        Element attributes = first(entity, "attributes");
        if (attributes == null) {
            return;
        }
        for (Element a : children(attributes, null)) {
            String name = a.getAttribute("name");
            String kind = local(a);
            String column = switch (kind) {
                case "id", "basic", "version" -> named(first(a, "column"), name);
                case "many-to-one", "one-to-one" -> named(first(a, "join-column"), name + "_id");
                default -> null;
            };
            int attributeLine = CodeXml.lineOf(text, "name=\"" + name + "\"", at);
            String shown = "<" + kind + " name=\"" + name + "\">";
            if (column != null) {
                uses.add(new Use(table, column, Use.ENTITY, file, attributeLine, shown, true));
            } else if (kind.equals("element-collection") || kind.equals("many-to-many")) {
                Element joinTable = first(a, kind.equals("many-to-many") ? "join-table" : "collection-table");
                String other = qualified(joinTable, entityName + "_" + name);
                uses.add(new Use(other, null, Use.ENTITY, file, attributeLine, shown, true));
                Element valueColumn = first(a, "column");
                if (valueColumn != null) {
                    uses.add(new Use(other, names.physical(valueColumn.getAttribute("name")), Use.ENTITY, file,
                            attributeLine, shown, true));
                }
            }
        }
    }

    /** {@code schema.name} of a table element, or the default name when it names none. */
    private String qualified(Element table, String defaultName) {
        String name = table == null || table.getAttribute("name").isEmpty() ? defaultName : table.getAttribute("name");
        String schema = table == null ? "" : table.getAttribute("schema");
        return (schema.isEmpty() ? "" : names.physical(schema) + ".") + names.physical(name);
    }

    private String named(Element column, String defaultName) {
        return names.physical(column == null || column.getAttribute("name").isEmpty() ? defaultName
                : column.getAttribute("name"));
    }

    private static String local(Node n) {
        return n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements named {@code name} (any when null). */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(local(e)))) {
                out.add(e);
            }
        }
        return out;
    }
}
