package dev.authschema.bench.http;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.authschema.engine.crypto.Hkdf;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * The bare reference for JWT sessions: opens the session cookie (JWE {@code dir} + {@code A256CBC-HS512}) with Nimbus
 * and writes the engine's JSON. The key comes from {@code AUTH_SECRET} by the runtime's own {@link Hkdf} (the one
 * class of the runtime this WAR carries) with Auth.js's salt and info, derived once at start-up.
 */
@WebServlet(urlPatterns = "/api/auth/bench-session-jwt", loadOnStartup = 1)
public class BareJwtSession extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient DirectDecrypter decrypter;

    @Override
    public void init() throws ServletException {
        String secret = System.getenv("AUTH_SECRET");
        if (secret == null || secret.isEmpty()) {
            throw new ServletException("AUTH_SECRET is not set in the server's environment (run-http.sh sets it)");
        }
        byte[] key = Hkdf.derive(
                secret.getBytes(StandardCharsets.UTF_8),
                SessionJson.COOKIE.getBytes(StandardCharsets.UTF_8),
                ("Auth.js Generated Encryption Key (" + SessionJson.COOKIE + ")").getBytes(StandardCharsets.UTF_8),
                64);
        try {
            decrypter = new DirectDecrypter(key);
        } catch (KeyLengthException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JWTClaimsSet claims = open(SessionJson.token(request));
        if (claims == null) {
            SessionJson.write(response, null, null, null, null);
            return;
        }
        SessionJson.write(
                response,
                text(claims.getClaim("name")),
                text(claims.getClaim("email")),
                text(claims.getClaim("picture")),
                claims.getExpirationTime().toInstant());
    }

    private JWTClaimsSet open(String compact) {
        if (compact == null) {
            return null;
        }
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(compact);
            if (!JWEAlgorithm.DIR.equals(jwt.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256CBC_HS512.equals(jwt.getHeader().getEncryptionMethod())) {
                return null;
            }
            jwt.decrypt(decrypter);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(Instant.now()) || claims.getSubject() == null) {
                return null;
            }
            return claims;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
