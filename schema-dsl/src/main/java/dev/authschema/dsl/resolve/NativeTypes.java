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
import java.util.List;
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
        for (String name : new String[] {
            "Text", "LongText", "MediumText", "TinyText", "NText", "Uuid", "Xml", "Citext", "Inet", "UniqueIdentifier"
        }) {
            ALL.put(name, new Spec(EnumSet.of(STRING), 0, 0));
        }
        for (String name : new String[] {"VarChar", "Char", "NVarChar", "NChar", "Bit", "VarBit"}) {
            ALL.put(name, new Spec(name.equals("Bit") ? EnumSet.of(STRING, BOOLEAN) : EnumSet.of(STRING), 0, 1));
        }
        for (String name :
                new String[] {"Timestamp", "Timestamptz", "Time", "Timetz", "DateTime", "DateTime2", "DateTimeOffset"
                }) {
            ALL.put(name, new Spec(EnumSet.of(DATETIME), 0, 1));
        }
        ALL.put("Date", new Spec(EnumSet.of(DATETIME), 0, 0));
        ALL.put("SmallDateTime", new Spec(EnumSet.of(DATETIME), 0, 0));
        for (String name : new String[] {
            "Integer",
            "Int",
            "SmallInt",
            "MediumInt",
            "UnsignedInt",
            "UnsignedSmallInt",
            "UnsignedMediumInt",
            "UnsignedTinyInt",
            "Oid",
            "Year"
        }) {
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
        ALL.put("ByteA", new Spec(EnumSet.of(BYTES), 0, 0));
        // CockroachDB's names.
        ALL.put("String", new Spec(EnumSet.of(STRING), 0, 1));
        ALL.put("CatalogSingleChar", new Spec(EnumSet.of(STRING), 0, 0));
        ALL.put("Bool", new Spec(EnumSet.of(BOOLEAN), 0, 0));
        ALL.put("Int2", new Spec(EnumSet.of(INT), 0, 0));
        ALL.put("Int4", new Spec(EnumSet.of(INT), 0, 0));
        ALL.put("Int8", new Spec(EnumSet.of(BIGINT), 0, 0));
        ALL.put("Float4", new Spec(EnumSet.of(FLOAT), 0, 0));
        ALL.put("Float8", new Spec(EnumSet.of(FLOAT), 0, 0));
        ALL.put("Bytes", new Spec(EnumSet.of(BYTES), 0, 0));
        ALL.put("Json", new Spec(EnumSet.of(JSON), 0, 0));
        ALL.put("JsonB", new Spec(EnumSet.of(JSON), 0, 0));
    }

    private NativeTypes() {}

    /**
     * Prisma's limits on a native type's arguments for the connector, or null when they are within them:
     * lengths, precisions and scales as each database allows.
     */
    static String checkArguments(Connector connector, String type, List<String> arguments) {
        for (String argument : arguments) {
            if (argument.startsWith("-")) {
                return "Expected a nonnegative integer, but found (" + argument + ").";
            }
        }
        List<Long> numbers = arguments.stream()
                .filter(a -> a.matches("\\d+"))
                .map(a -> a.length() > 18 ? Long.MAX_VALUE : Long.parseLong(a))
                .toList();
        if (numbers.isEmpty()) {
            if (arguments.contains("Max")
                    && !(connector == Connector.SQLSERVER
                            && List.of("VarChar", "NVarChar", "VarBinary").contains(type))
                    && connector != Connector.NONE
                    && connector != Connector.DERBY) {
                return "Native type `" + type
                        + "(Max)` is not supported: only SQL Server's VarChar, NVarChar and VarBinary take `Max`.";
            }
            return null;
        }
        String written = type + "(" + String.join(",", arguments) + ")";
        String where = "native type `" + written + "` of " + connector.displayName();
        if (List.of("Decimal", "Numeric").contains(type)) {
            long precision = numbers.get(0);
            long scale = numbers.size() > 1 ? numbers.get(1) : 0;
            long maxPrecision = connector.isMysql() ? 65 : connector == Connector.SQLSERVER ? 38 : 1000;
            if (precision < 1 || precision > maxPrecision) {
                return "Argument M is out of range for " + where + ": Precision can range from 1 to " + maxPrecision
                        + ".";
            }
            if (connector.isMysql() && scale > 30) {
                return "Argument M is out of range for " + where + ": Scale can range from 0 to 30.";
            }
            if (scale > precision) {
                return "The scale must not be larger than the precision for the " + type + "("
                        + String.join(",", arguments) + ") native type in " + connector.displayName() + ".";
            }
            return null;
        }
        long value = numbers.get(0);
        long max = maximum(connector, type);
        long min = connector == Connector.SQLSERVER
                        && !List.of("Time", "DateTime2", "DateTimeOffset").contains(type)
                ? 1
                : 0;
        if (value < min || value > max) {
            String what = connector == Connector.SQLSERVER && min == 1 ? "Length" : "M";
            return "Argument M is out of range for " + where + ": " + what + " can range from " + min + " to "
                    + String.format(java.util.Locale.ROOT, "%,d", max) + ".";
        }
        return null;
    }

    private static long maximum(Connector connector, String type) {
        boolean time = List.of("Time", "Timetz", "Timestamp", "Timestamptz", "DateTime", "DateTime2", "DateTimeOffset")
                .contains(type);
        if (time && connector.isPostgres()) {
            return 6;
        }
        if (time) {
            return connector == Connector.SQLSERVER ? 7 : Long.MAX_VALUE; // Prisma does not check MySQL's 6
        }
        if (connector.isMysql()) {
            return switch (type) {
                case "VarChar", "VarBinary" -> 65_535;
                case "Char", "Binary" -> 255;
                case "Bit" -> 64;
                case "Float" -> 53;
                default -> Long.MAX_VALUE;
            };
        }
        if (connector == Connector.SQLSERVER) {
            return switch (type) {
                case "VarChar", "Char", "VarBinary", "Binary" -> 8_000;
                case "NVarChar", "NChar" -> 4_000;
                case "Float" -> 53;
                default -> Long.MAX_VALUE;
            };
        }
        if (connector.isPostgres()) {
            return switch (type) {
                case "VarChar", "Char", "Bit", "VarBit" -> 10_485_760;
                default -> Long.MAX_VALUE;
            };
        }
        return Long.MAX_VALUE;
    }
}
