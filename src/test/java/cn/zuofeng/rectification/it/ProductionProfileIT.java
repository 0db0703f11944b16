package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on PostgreSQL, configured only through the environment variables the
 * deployment sets: no demo users, HTTPS-only cookies behind the TLS proxy, HSTS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProductionProfileIT {

  static final String ADMIN_PASSWORD = "Prod-Keeper-Secret-2026";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, "rectification_prod_it");
    registry.add("DB_URL", () -> EmbeddedPostgres.server().getJdbcUrl("postgres", "rectification_prod_it"));
    registry.add("DB_USER", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "postgres");
    registry.add("ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
  }

  @org.springframework.beans.factory.annotation.Autowired
  void keepDatabaseUntilClosed(org.springframework.context.ConfigurableApplicationContext context) {
    EmbeddedPostgres.usedBy(context);
  }

  @Test
  void noDemoUsersAndTheAdministratorFromTheEnvironment() {
    assertThat(Http.as(port, "supervisor").get("/api/problems").status()).isEqualTo(401);
    assertThat(new Http.Builder(port, "admin", ADMIN_PASSWORD).build().get("/api/problems").status()).isEqualTo(200);
    assertThat(new Http.Builder(port, "admin", ADMIN_PASSWORD).build().get("/api/problems").json().path("total").asInt()).isZero();
  }

  @Test
  void sessionCookiesAreSecureHttpOnlyAndStrictAndHstsIsSentOverHttps() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    // as the TLS-terminating proxy forwards it
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("X-Forwarded-Proto", "https").header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Strict");
    assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));

    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
    assertThat(csrf.find()).isTrue();
    String session = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("X-Forwarded-Proto", "https").header("Cookie", session)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD + "&_csrf="
            + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
        assertThat(c).startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Strict"));
  }
}
