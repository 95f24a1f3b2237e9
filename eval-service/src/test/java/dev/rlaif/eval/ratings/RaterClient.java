package dev.rlaif.eval.ratings;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A rater's HTTP client for tests: a cookie jar (session, XSRF-TOKEN) and optional HTTP Basic credentials. */
public final class RaterClient {

    public static final String PASSCODE = "test-raters-passcode"; // RLAIF_RATER_PASSCODE in the surefire configuration

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private final String basic;

    private RaterClient(int port, String basic) {
        this.base = "http://localhost:" + port;
        this.basic = basic;
    }

    /** Authenticates every request with HTTP Basic, as the simulated raters do. */
    public static RaterClient basic(int port, String rater, String password) {
        return new RaterClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((rater + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A browser-like client: signs in for a session and must echo the CSRF token. */
    public static RaterClient browser(int port) {
        return new RaterClient(port, null);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String body, boolean withCsrfToken) {
        var request = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        return send(request);
    }

    public HttpResponse<String> signIn(String rater, String passcode, boolean withCsrfToken) {
        String form = "username=" + URLEncoder.encode(rater, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(passcode, StandardCharsets.UTF_8);
        var request = request("/api/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        return send(request);
    }

    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
    }

    public Map<String, String> cookieFlags(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .map(c -> Map.of("httpOnly", Boolean.toString(c.isHttpOnly()))).orElse(Map.of());
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
