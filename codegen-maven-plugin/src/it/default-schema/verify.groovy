// What the build must have produced besides passing the conformance kit.
def sources = new File(basedir, "target/generated-sources/authschema/dev/authschema/it/auth")
assert new File(sources, "JpaAuthAdapter.java").isFile()
assert new File(sources, "JpaAuthAdapterProducer.java").isFile()
assert new File(sources, "User.java").isFile()
for (dialect in ["derby", "postgresql", "mysql", "mariadb", "sqlserver"]) {
    assert new File(basedir, "target/generated-resources/authschema/ddl/" + dialect + ".sql").isFile()
}
assert new File(basedir, "target/classes/META-INF/authschema/ddl/derby.sql").isFile()
// The generated persistence unit, on the class path where the server looks for it.
def unit = new File(basedir, "target/classes/META-INF/persistence.xml").text
assert unit.contains('<persistence-unit name="authschema" transaction-type="JTA">')
assert unit.contains("<jta-data-source>jdbc/authschema</jta-data-source>")
assert unit.contains("<class>dev.authschema.it.auth.User</class>")
assert unit.contains("<class>dev.authschema.it.auth.UtcInstantConverter</class>")
assert unit.contains("dev.authschema.jpa.eclipselink.AuthSchemaSessionListener")
def log = new File(basedir, "build.log").text
assert log.contains("Tests run: 92, Failures: 0, Errors: 0")
assert log.contains("Running dev.authschema.codegen.harness.InvokerProjectConformance")
assert log.contains("generating the built-in canonical schema")
return true
