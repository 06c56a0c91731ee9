// A valid schema that uses what the generator cannot produce yet: refused at its line, nothing generated.
def log = new File(basedir, "build.log").text
assert log.contains("BUILD FAILURE")
assert log.contains("auth.prisma:10:9: error: The schema is valid, but AuthSchema cannot generate scalar lists (`String[]`) yet")
assert log.contains("auth.prisma uses 1 feature that AuthSchema cannot generate yet (listed above); nothing was generated.")
assert !log.contains("at dev.authschema")
assert !new File(basedir, "target/generated-sources/authschema/dev").exists()
return true
