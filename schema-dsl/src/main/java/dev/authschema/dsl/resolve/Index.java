package dev.authschema.dsl.resolve;

import java.util.List;

/**
 * {@code @@index([..])}.
 *
 * @param columns the indexed fields in order, each with its sort order and prefix length
 * @param dbName  the index's name in the database, or {@code null}
 * @param type    the access method other than the default B-tree ({@code Hash}, {@code Gin}, {@code Gist},
 *                {@code SpGist}, {@code Brin}: PostgreSQL only), or {@code null}
 */
public record Index(List<Column> columns, String dbName, String type) {

    /**
     * One indexed field.
     *
     * @param field      the field's name
     * @param descending {@code sort: Desc}
     * @param length     {@code length: n}, the indexed prefix of a string or bytes column (MySQL), or {@code null}
     */
    public record Column(String field, boolean descending, Integer length) {

        /** A field in ascending order, indexed whole. */
        public static Column of(String field) {
            return new Column(field, false, null);
        }
    }

    public Index {
        columns = List.copyOf(columns);
    }

    /** An ascending B-tree index over whole fields. */
    public Index(List<String> fields, String dbName) {
        this(fields.stream().map(Column::of).toList(), dbName, null);
    }

    /** The indexed fields' names, in order. */
    public List<String> fields() {
        return columns.stream().map(Column::field).toList();
    }
}
