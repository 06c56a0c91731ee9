// The sign-in both servers' ITs run against a started server, as a browser without JavaScript would: the protected
// page, the CSRF token, the e-mail form, the link from the server's log, the confirmation, the protected page again.
// Binding: base (the server's URL), serverLog (the File where the server logs), logText (a closure reading it).
import java.net.URLDecoder
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.Duration

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

// Anonymous: the protected page sends the browser to the built-in sign-in page.
def anonymous = get('/account')
assert anonymous.statusCode() == 302 : "${anonymous.statusCode()} ${anonymous.body()}"
assert anonymous.headers().firstValue('location').get().contains('/api/auth/signin')

// Ask for a link (what the sign-in page's e-mail form posts).
String email = 'ada@example.com'
int logLength = logText().length()
def requested = post('/api/auth/signin/email', [csrfToken: csrf(), email: email, callbackUrl: base + '/account'])
assert requested.statusCode() == 302 : "${requested.statusCode()} ${requested.body()}"
String verifyRequest = requested.headers().firstValue('location').get()
assert verifyRequest.contains('/api/auth/verify-request') : verifyRequest

// Development without a mail server: the link is in the server's log (DevelopmentLogSender).
String link = null
long deadline = System.currentTimeMillis() + 30_000
while (link == null && System.currentTimeMillis() < deadline) {
    def m = logText().substring(logLength) =~ /the sign-in link, instead of an e-mail: (\S+)/
    link = m.find() ? m.group(1) : null
    if (link == null) {
        Thread.sleep(500)
    }
}
assert link != null : "no sign-in link in ${serverLog} within 30 s"
println "[archetype IT] link from ${serverLog.name}: ${link.replaceAll(/token=[^&]+/, 'token=...')}"
assert link.startsWith(base + '/api/auth/callback/email?')

// Opening it shows the confirmation page; its form posts the link's fields back with a CSRF token.
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
