// What the build must have produced besides passing the conformance kit.
def sources = new File(basedir, "target/generated-sources/authschema/com/example/club/auth")
assert new File(sources, "JpaAuthAdapter.java").isFile()
assert new File(sources, "JpaAuthAdapterProducer.java").isFile()
assert new File(sources, "Member.java").text.contains("@Table(")
assert new File(sources, "MemberRole.java").isFile()
for (dialect in ["derby", "postgresql", "mysql", "mariadb", "sqlserver"]) {
    assert new File(basedir, "target/generated-resources/authschema/ddl/" + dialect + ".sql").isFile()
}
assert new File(basedir, "target/classes/META-INF/authschema/ddl/derby.sql").isFile()
// The project's own persistence.xml is kept: none generated, its own on the class path.
assert !new File(basedir, "target/generated-resources/authschema-persistence/META-INF/persistence.xml").exists()
assert new File(basedir, "target/classes/META-INF/persistence.xml").text.contains('name="club-own-unit"')
def log = new File(basedir, "build.log").text
assert log.contains("the project has its own META-INF/persistence.xml; none generated")
assert log.contains("Tests run: 92, Failures: 0, Errors: 0")
assert log.contains("Running dev.authschema.codegen.harness.InvokerProjectConformance")

return true
