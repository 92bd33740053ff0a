package dev.migsafe.source.liquibase;

import liquibase.Scope;
import liquibase.change.ChangeFactory;
import liquibase.change.CheckSum;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;

/**
 * A {@code <customChange class="...">} read without loading its class. Liquibase's own wrapper loads
 * and instantiates the class while parsing: the application's classes are not on migsafe's
 * classpath (the whole changelog failed with ClassNotFoundException), and a pull request must not
 * make migsafe run a constructor of its choosing. Its effect is unknown, so the analysis reports it
 * as not understood (PS501) and reads the rest; it changes nothing when a changeSet runs.
 */
@DatabaseChange(name = "customChange", description = "A customChange whose Java class migsafe does not load",
        priority = ChangeMetaData.PRIORITY_DEFAULT + 100)
public final class OpaqueCustomChange extends CustomChangeWrapper {

    private String className;

    /** Makes Liquibase create this instead of its own wrapper for every customChange; once per JVM. */
    static void register() {
        Holder.REGISTERED.hashCode();
    }

    private static final class Holder {
        static final Object REGISTERED = registerOnce();

        private static Object registerOnce() {
            Scope.getCurrentScope().getSingleton(ChangeFactory.class).register(new OpaqueCustomChange());
            return Boolean.TRUE;
        }
    }

    @Override
    public void load(ParsedNode node, ResourceAccessor accessor) throws ParsedNodeException {
        className = node.getChildValue(null, "class", String.class);
        for (ParsedNode child : node.getChildren()) {
            if (child.getName().equals("param")) { // XML: <param name="..." value="..."/>
                setParam(String.valueOf(child.getChildValue(null, "name", String.class)),
                        String.valueOf(child.getChildValue(null, "value", String.class)));
            } else if (!child.getName().equals("class") && child.getValue() != null) { // YAML/JSON: key: value
                setParam(child.getName(), String.valueOf(child.getValue()));
            }
        }
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }

    @Override
    public Warnings warn(Database database) {
        return new Warnings();
    }

    /** What Liquibase stores for the changeSet: from the class name and parameters, as its own wrapper does without the class. */
    @Override
    public CheckSum generateCheckSum() {
        StringBuilder text = new StringBuilder(String.valueOf(className));
        getParams().forEach(p -> text.append(':').append(p).append('=').append(getParamValue(p)));
        return CheckSum.compute(text.toString());
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[0];
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) {
        return new SqlStatement[0];
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public String getConfirmationMessage() {
        return "customChange " + className + " not run by migsafe";
    }
}
