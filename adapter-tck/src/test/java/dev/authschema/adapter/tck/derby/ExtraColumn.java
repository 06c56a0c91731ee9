package dev.authschema.adapter.tck.derby;

import dev.authschema.adapter.tck.ExtraField;

/**
 * An extra field of the reference schema: its column definition, how its values cross JDBC, and the samples the kit
 * stores in it.
 *
 * @param name  the field and column name
 * @param ddl   the column's type in Derby DDL
 * @param type  how values are read and written
 * @param field the field as described to the kit
 */
record ExtraColumn(String name, String ddl, SqlType type, ExtraField field) {}
