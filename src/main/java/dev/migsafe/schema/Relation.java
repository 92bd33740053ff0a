package dev.migsafe.schema;

import java.util.List;

/** Something the application can SELECT from by name: a table or a view. */
public sealed interface Relation permits Table, View {
    String name();

    long lineage();

    /** Output column names in order. */
    List<String> columnNames();

    /** Lineage of the data behind an output column, or -1 when the column is computed or unknown. */
    long columnLineage(String column);
}
