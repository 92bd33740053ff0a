package dev.migsafe.source;

/** Turns a folder of one format into its migrations in execution order. */
public interface MigrationReader {

    /**
     * @throws dev.migsafe.BadInputException when the folder holds no migration, a file cannot be read
     *                                       or two migrations claim the same version
     */
    MigrationSet read(MigrationFiles files);
}
