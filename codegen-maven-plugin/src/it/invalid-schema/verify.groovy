// The build failed on the schema, said exactly where, and left nothing half-generated.
def log = new File(basedir, "build.log").text
assert log.contains("BUILD FAILURE")
assert log.contains("auth.prisma:8:9: error: Type \"Strin\" is neither a built-in type, nor refers to another model or enum.")
assert log.contains("^^^^^ did you mean `String`?")
assert log.contains("auth.prisma has 1 error (listed above); nothing was generated.")
assert !log.contains("at dev.authschema")
assert !new File(basedir, "target/generated-sources/authschema/dev").exists()
return true
