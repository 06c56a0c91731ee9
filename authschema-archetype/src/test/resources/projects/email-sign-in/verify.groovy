// The generated project is built (goal.txt: package liberty:create liberty:deploy). This script starts its Liberty
// server, signs in by e-mail link over HTTP (../sign-in.groovy), and stops the server.
// basedir: this IT's folder; the archetype generated the project into project/<artifactId>.
File project = new File(basedir instanceof File ? basedir : new File(basedir.toString()), 'project/shop')
File wlp = new File(project, 'target/liberty/wlp')
File server = new File(wlp, 'usr/servers/defaultServer')
File messages = new File(server, 'logs/messages.log')
String script = new File(wlp, 'bin/server').absolutePath

// The port liberty:create wrote from -Dliberty.var.http.port (the archetype module's pom).
def variables = new File(server, 'configDropins/overrides/liberty-plugin-variable-config.xml').text
def port = (variables =~ /name="http.port" value="(\d+)"/)[0][1]
String base = "http://localhost:${port}"

// Derby's jars in the shared library, as server.xml expects them.
assert new File(wlp, 'usr/shared/resources/derby').list().findAll { it.endsWith('.jar') }.size() == 3

// What the user writes: the schema and the one configuration class (counted for the report).
def written = [new File(project, 'src/main/authschema/auth.prisma'),
               new File(project, 'src/main/java/com/example/shop/AuthSetup.java')]
written.each { println "[archetype IT] user-written: ${project.toPath().relativize(it.toPath())}: ${it.readLines().size()} lines" }
assert new File(project, 'README.md').exists() && new File(project, '.gitignore').exists()
// Nothing a generator writes is in the generated project's sources.
assert !new File(project, 'src/main/resources/META-INF/persistence.xml').exists()
assert new File(project, 'target/classes/META-INF/persistence.xml').exists()
// Development mode is the development server's (server.env), never the WAR's: deployed elsewhere it is in production.
assert !written[1].text.contains('.development(true)')
assert new File(server, 'server.env').text.contains('AUTH_DEVELOPMENT=true')
def war = new java.util.zip.ZipFile(new File(project, 'target/shop.war'))
try {
    assert war.entries().toList().every { !it.name.endsWith('server.env') } : 'the WAR carries no server settings'
} finally {
    war.close()
}

def run = { String... command ->
    def process = new ProcessBuilder(command).redirectErrorStream(true).start()
    def output = process.inputStream.text
    process.waitFor()
    println "[archetype IT] ${command.join(' ')}: exit ${process.exitValue()}"
    output
}

def waitFor = { String what, long seconds, Closure<Boolean> condition ->
    long deadline = System.currentTimeMillis() + seconds * 1000
    while (System.currentTimeMillis() < deadline) {
        if (condition()) {
            return
        }
        Thread.sleep(500)
    }
    throw new AssertionError("${what} not within ${seconds} s; messages.log:\n" + (messages.exists() ? messages.text : '(none)'))
}

long started = System.currentTimeMillis()
run(script, 'stop', 'defaultServer') // a server left over from an interrupted run
try {
    println run(script, 'start', 'defaultServer')
    waitFor('the application start (CWWKZ0001I)', 240) {
        def log = messages.exists() ? messages.text : ''
        if (log.contains('CWWKZ0002E') || log.contains('CWWKZ0004E') || log.contains('DeploymentCheckException')) {
            throw new AssertionError('the application did not start; messages.log:\n' + log)
        }
        log.contains('CWWKZ0001I')
    }
    println "[archetype IT] server and application started in ${(System.currentTimeMillis() - started) / 1000} s"
    assert messages.text.contains('AuthSchema schema synchronisation') : 'development mode creates the tables'
    // The runtime's start-up work ran when the web application started: the engine and the hourly clean-up.
    assert messages.text.contains('[auth] periodic clean-up of expired rows every') : 'the clean-up is scheduled at start-up'

    def binding = new Binding(base: base, serverLog: messages, logText: { messages.text })
    new GroovyShell(getClass().classLoader, binding).evaluate(new File(basedir.toString(), '../sign-in.groovy'))
    println "[archetype IT] signed in by e-mail link; ${(System.currentTimeMillis() - started) / 1000} s since the start"
} finally {
    println run(script, 'stop', 'defaultServer')
}
return true
