package dev.authschema.dsl.resolve;

import static dev.authschema.dsl.resolve.ScalarType.BIGINT;
import static dev.authschema.dsl.resolve.ScalarType.BOOLEAN;
import static dev.authschema.dsl.resolve.ScalarType.BYTES;
import static dev.authschema.dsl.resolve.ScalarType.DATETIME;
import static dev.authschema.dsl.resolve.ScalarType.DECIMAL;
import static dev.authschema.dsl.resolve.ScalarType.FLOAT;
import static dev.authschema.dsl.resolve.ScalarType.INT;
import static dev.authschema.dsl.resolve.ScalarType.JSON;
import static dev.authschema.dsl.resolve.ScalarType.STRING;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code @db.X} native types of Prisma's SQL connectors, with the scalar types each fits and how
 * many arguments it takes. The generator maps each to the closest column type of the target dialect.
 */
final class NativeTypes {

    record Spec(Set<ScalarType> scalars, int minArguments, int maxArguments) {}

    static final Map<String, Spec> ALL = new LinkedHashMap<>();

    static {
        for (String name : new String[] {"Text", "LongText", "MediumText", "TinyText", "NText", "Uuid", "Xml", "Citext", "Inet", "UniqueIdentifier"}) {
            ALL.put(name, new Spec(EnumSet.of(STRING), 0, 0));
        }
        for (String name : new String[] {"VarChar", "Char", "NVarChar", "NChar", "Bit", "VarBit"}) {
            ALL.put(name, new Spec(name.equals("Bit") ? EnumSet.of(STRING, BOOLEAN) : EnumSet.of(STRING), 0, 1));
        }
        for (String name : new String[] {"Timestamp", "Timestamptz", "Time", "Timetz", "DateTime", "DateTime2", "DateTimeOffset"}) {
            ALL.put(name, new Spec(EnumSet.of(DATETIME), 0, 1));
        }
        ALL.put("Date", new Spec(EnumSet.of(DATETIME), 0, 0));
        ALL.put("SmallDateTime", new Spec(EnumSet.of(DATETIME), 0, 0));
        for (String name : new String[] {"Integer", "Int", "SmallInt", "MediumInt", "UnsignedInt", "UnsignedSmallInt", "UnsignedMediumInt",
            "UnsignedTinyInt", "Oid", "Year"}) {
            ALL.put(name, new Spec(EnumSet.of(INT), 0, 0));
        }
        ALL.put("TinyInt", new Spec(EnumSet.of(INT, BOOLEAN), 0, 0));
        ALL.put("BigInt", new Spec(EnumSet.of(BIGINT), 0, 0));
        ALL.put("UnsignedBigInt", new Spec(EnumSet.of(BIGINT), 0, 0));
        for (String name : new String[] {"DoublePrecision", "Real", "Double", "Float"}) {
            ALL.put(name, new Spec(EnumSet.of(FLOAT), 0, name.equals("Float") ? 1 : 0));
        }
        ALL.put("Decimal", new Spec(EnumSet.of(DECIMAL), 0, 2));
        ALL.put("Numeric", new Spec(EnumSet.of(DECIMAL), 0, 2));
        ALL.put("Money", new Spec(EnumSet.of(DECIMAL), 0, 0));
        ALL.put("SmallMoney", new Spec(EnumSet.of(DECIMAL), 0, 0));
        ALL.put("Boolean", new Spec(EnumSet.of(BOOLEAN), 0, 0));
        for (String name : new String[] {"Bytea", "Blob", "LongBlob", "MediumBlob", "TinyBlob", "Image"}) {
            ALL.put(name, new Spec(EnumSet.of(BYTES), 0, 0));
        }
        ALL.put("Binary", new Spec(EnumSet.of(BYTES), 0, 1));
        ALL.put("VarBinary", new Spec(EnumSet.of(BYTES), 0, 1));
        ALL.put("Json", new Spec(EnumSet.of(JSON), 0, 0));
        ALL.put("JsonB", new Spec(EnumSet.of(JSON), 0, 0));
    }

    private NativeTypes() {}
}
