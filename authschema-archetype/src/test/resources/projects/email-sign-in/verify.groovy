// The generated project is built (goal.txt: package liberty:create liberty:deploy). This script starts its Liberty
// server, signs in by e-mail link over HTTP as a browser would, reads the account page, and stops the server.
import java.net.URLDecoder
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.Duration

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

// A browser without JavaScript: keeps cookies, follows no redirect.
Map<String, String> cookies = [:]
HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build()
def send = { HttpRequest.Builder builder ->
    if (cookies) {
        builder.header('Cookie', cookies.collect { k, v -> "${k}=${v}" }.join('; '))
    }
    HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString())
    response.headers().allValues('set-cookie').each { header ->
        def pair = header.split(';')[0]
        int eq = pair.indexOf('=')
        String name = pair.substring(0, eq)
        String value = pair.substring(eq + 1)
        if (value.isEmpty() || header.toLowerCase().contains('max-age=0')) {
            cookies.remove(name)
        } else {
            cookies[name] = value
        }
    }
    response
}
def get = { String path -> send(HttpRequest.newBuilder(URI.create(path.startsWith('http') ? path : base + path))
        .header('Accept', 'text/html')) }
def form = { Map<String, String> fields -> fields.collect { k, v ->
        URLEncoder.encode(k, StandardCharsets.UTF_8) + '=' + URLEncoder.encode(v, StandardCharsets.UTF_8) }.join('&') }
def post = { String path, Map<String, String> fields -> send(HttpRequest.newBuilder(URI.create(base + path))
        .header('Content-Type', 'application/x-www-form-urlencoded').header('Accept', 'text/html')
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))) }
def csrf = {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + '/api/auth/csrf')))
    assert response.statusCode() == 200 : response.body()
    (response.body() =~ /"csrfToken"\s*:\s*"([^"]+)"/)[0][1]
}
def query = { String link -> URI.create(link).rawQuery.split('&').collectEntries { part ->
        def kv = part.split('=', 2)
        [(URLDecoder.decode(kv[0], StandardCharsets.UTF_8)): URLDecoder.decode(kv.size() > 1 ? kv[1] : '', StandardCharsets.UTF_8)] } }

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

    // Anonymous: the protected page sends the browser to the built-in sign-in page.
    def anonymous = get('/account')
    assert anonymous.statusCode() == 302 : "${anonymous.statusCode()} ${anonymous.body()}"
    assert anonymous.headers().firstValue('location').get().contains('/api/auth/signin')

    // Ask for a link (the e-mail form of the sign-in page).
    String email = 'ada@example.com'
    int logLength = messages.text.length()
    def requested = post('/api/auth/signin/email', [csrfToken: csrf(), email: email, callbackUrl: base + '/account'])
    assert requested.statusCode() == 302 : "${requested.statusCode()} ${requested.body()}"
    String verifyRequest = requested.headers().firstValue('location').get()
    assert verifyRequest.contains('/api/auth/verify-request') : verifyRequest

    // Development without a mail server: the link is in the server log.
    String link = null
    waitFor('the sign-in link in messages.log', 30) {
        def m = messages.text.substring(logLength) =~ /the sign-in link, instead of an e-mail: (\S+)/
        link = m.find() ? m.group(1) : null
        link != null
    }
    println "[archetype IT] link from messages.log: ${link.replaceAll(/token=[^&]+/, 'token=...')}"
    assert link.startsWith(base + '/api/auth/callback/email?')

    // Opening it shows the confirmation page; its form posts the link's fields back.
    def page = get(link)
    assert page.statusCode() == 200 : "${page.statusCode()} ${page.body()}"
    assert page.body().contains('<form method="post"')
    def fields = new LinkedHashMap<String, String>(query(link))
    fields.csrfToken = csrf()
    def confirmed = post('/api/auth/callback/email', fields)
    assert confirmed.statusCode() == 302 : "${confirmed.statusCode()} ${confirmed.body()}"
    assert confirmed.headers().firstValue('location').get() == base + '/account'

    // Signed in: the protected page shows the address and the extra field's default.
    def account = get('/account')
    assert account.statusCode() == 200 : "${account.statusCode()} ${account.body()}"
    println "[archetype IT] /account: ${account.body()}"
    assert account.body().contains("<strong id=\"email\">${email}</strong>")
    assert account.body().contains('<strong id="plan">free</strong>')
    println "[archetype IT] signed in by e-mail link; ${(System.currentTimeMillis() - started) / 1000} s since the start"
} finally {
    println run(script, 'stop', 'defaultServer')
}
return true
