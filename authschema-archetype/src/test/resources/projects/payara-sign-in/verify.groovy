// The generated project is built with its Payara profile (goal.txt: -Ppayara package; exec:help only resolves the
// exec plugin for the offline run below). This script runs the profile's own command, mvn -Ppayara exec:exec@payara
// (Payara Micro in the foreground of that Maven), signs in by e-mail link over HTTP (../sign-in.groovy), and ends
// the Maven process and Payara.
File it = basedir instanceof File ? basedir : new File(basedir.toString())
File project = new File(it, 'project/shop')
File log = new File(project, 'target/payara/server.log')
File itRepo = new File(it, '../../../it-repo').canonicalFile
String port = '9584' // the archetype module's it.payara.port (its pom; Liberty's IT has 9580 and 9581)
String base = "http://localhost:${port}"

assert new File(project, 'target/payara/payara-micro.jar').exists()
assert new File(project, 'target/payara/lib').list().findAll { it.endsWith('.jar') }.size() == 3

// Offline, on the repository the build filled; Maven accepts what it cached only with the repository id it came
// from, so the settings name local.central (../../it-settings.xml) again, on the outer build's local repository.
String outerRepo = System.getProperty('maven.repo.local') ?: new File(System.getProperty('user.home'), '.m2/repository').path
File settings = new File(project, 'target/payara/settings.xml')
settings.text = new File(it, '../../it-settings.xml').text.replace('@localRepositoryUrl@', new File(outerRepo).toURI().toString())
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
def command = [mvn, '-o', '-B', '-ntp', '-s', settings.path, "-Dmaven.repo.local=${itRepo}", "-Dpayara.port=${port}",
               '-Ppayara', 'exec:exec@payara']*.toString()
println "[archetype IT] ${command.join(' ')}"
long started = System.currentTimeMillis()
Process payara = new ProcessBuilder(command).directory(project).redirectErrorStream(true)
        .redirectOutput(log).start()
try {
    long deadline = started + 240_000
    while (true) {
        String text = log.exists() ? log.text : ''
        if (text.contains('Exception while loading the app') || text.contains('Deployment failed')
                || text.contains('DeploymentCheckException') || text.contains('BUILD FAILURE')) {
            throw new AssertionError('the application did not start; server.log:\n' + text)
        }
        if (text =~ /Payara Micro .* ready in/) {
            break
        }
        if (!payara.alive || System.currentTimeMillis() > deadline) {
            throw new AssertionError('Payara Micro did not start within 240 s; server.log:\n' + text)
        }
        Thread.sleep(500)
    }
    println "[archetype IT] Payara Micro and the application started in ${(System.currentTimeMillis() - started) / 1000} s"
    assert log.text.contains('AuthSchema schema synchronisation') : 'development mode creates the tables'
    // The runtime's start-up work ran when the web application started: the engine and the hourly clean-up.
    assert log.text.contains('[auth] periodic clean-up of expired rows every') : 'the clean-up is scheduled at start-up'

    def binding = new Binding(base: base, serverLog: log, logText: { log.text })
    new GroovyShell(getClass().classLoader, binding).evaluate(new File(it, '../sign-in.groovy'))
    println "[archetype IT] signed in by e-mail link on Payara Micro; ${(System.currentTimeMillis() - started) / 1000} s since the start"
} finally {
    // Payara first (a child of Maven's exec), then Maven.
    payara.toHandle().descendants().forEach { it.destroy() }
    payara.destroy()
    if (!payara.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        payara.toHandle().descendants().forEach { it.destroyForcibly() }
        payara.destroyForcibly()
    }
    println "[archetype IT] Payara Micro stopped"
}
return true
