package dev.migsafe.schema;

import dev.migsafe.change.Change;

/**
 * Applies change events to a schema model, in place. Lenient like a reader of real histories must
 * be: a change to an object the model does not know (created by a Java migration, or outside
 * migrations) creates what is needed or is ignored, never fails.
 */
public final class SchemaReplayer {

    private SchemaReplayer() {
    }

    public static void apply(Schema schema, Change change) {
        throw new UnsupportedOperationException("TODO: implemented by the schema stage");
    }
}
