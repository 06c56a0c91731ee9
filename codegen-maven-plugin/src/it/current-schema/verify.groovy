// What the build must have produced besides passing the conformance kit.
def sources = new File(basedir, "target/generated-sources/authschema/com/example/current")
assert new File(sources, "JpaAuthAdapter.java").isFile()
assert new File(sources, "JpaAuthAdapterProducer.java").isFile()
assert new File(sources, "Authenticator.java").isFile()
for (dialect in ["derby", "postgresql", "mysql", "mariadb", "sqlserver"]) {
    assert new File(basedir, "target/generated-resources/authschema/ddl/" + dialect + ".sql").isFile()
}
assert new File(basedir, "target/classes/META-INF/authschema/ddl/derby.sql").isFile()
def log = new File(basedir, "build.log").text
assert log.contains("Tests run: 92, Failures: 0, Errors: 0")
assert log.contains("Running dev.authschema.codegen.harness.InvokerProjectConformance")

return true
