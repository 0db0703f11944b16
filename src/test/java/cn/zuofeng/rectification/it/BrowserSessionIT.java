package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The browser side of the one login: sign-in, CSRF, headers, logout, throttling, passwords. */
class BrowserSessionIT extends ApplicationIT {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

  /** Signs in through the Chinese login form, as a person does. */
  private Http signIn(String user, String password) {
    Http browser = Http.anonymous(port);
    var login = browser.page("/login");
    assertThat(login.status()).isEqualTo(200);
    String before = browser.sessionId();
    String token = find(CSRF_FIELD, login.body());
    var posted = browser.form("/login", "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(posted.status()).isEqualTo(302);
    if (posted.raw().headers().firstValue("Location").orElse("").endsWith("/")) {
      assertThat(browser.sessionId()).as("a new session id after login").isNotNull().isNotEqualTo(before);
    }
    return browser;
  }

  @Test
  void sessionRequestsNeedTheCsrfTokenOfTheirPage() {
    Http browser = signIn("supervisor", Http.PASSWORD);
    var ledger = browser.page("/ledger");
    assertThat(ledger.status()).isEqualTo(200);
    assertThat(ledger.body()).contains("问题台账");
    String token = find(CSRF_META, ledger.body());

    var forged = browser.post("/api/problems", problem("跨站伪造的登记"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().path("title").asText()).isEqualTo("缺少安全令牌");
    var genuine = browser.post("/api/problems", problem("页面内脚本的登记"), "X-CSRF-TOKEN", token);
    assertThat(genuine.status()).isEqualTo(201);
  }

  @Test
  void ourPagesSendSecurityHeaders() {
    Http browser = signIn("auditor", Http.PASSWORD);
    var headers = browser.page("/ledger").raw().headers();
    assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(browser.page("/login").raw().headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void wrongPasswordIsRefusedInChineseAndTheWebappsLogoutEndsTheWholeSession() {
    Http stranger = Http.anonymous(port);
    var login = stranger.page("/login");
    var refused = stranger.form("/login", "username=no-such-user&password=wrong&_csrf="
        + URLEncoder.encode(find(CSRF_FIELD, login.body()), StandardCharsets.UTF_8));
    assertThat(refused.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    assertThat(stranger.page("/login?error").body()).contains("用户名或密码错误");

    Http browser = signIn("fgw-qian", Http.PASSWORD);
    assertThat(browser.page("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo("fgw-qian");
    // the logout button of Tasklist
    browser.send("POST", "/camunda/api/admin/auth/user/default/logout", null);
    assertThat(browser.page("/ledger").status()).as("signed out of our pages too").isEqualTo(302);
    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
  }

  @Test
  void repeatedFailedLoginsAreThrottled() {
    Http admin = as("admin");
    assertThat(admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "throttled", "firstName", "限流"),
        "credentials", Map.of("password", "Throttle@2026x"))).status()).isEqualTo(204);
    assertThat(Http.as(port, "throttled").get("/api/units").status()).as("wrong password").isEqualTo(401);
    Http right = new Http.Builder(port, "throttled", "Throttle@2026x").build();
    assertThat(right.get("/api/units").status()).as("the right password right after a failure waits").isEqualTo(401);
  }

  @Test
  void weakPasswordsAreRefusedByThePolicy() {
    var weak = as("admin").post("/engine-rest/user/create", Map.of("profile", Map.of("id", "weakling"),
        "credentials", Map.of("password", "123456")));
    assertThat(weak.status()).isIn(400, 500);
    assertThat(weak.body()).containsIgnoringCase("policy");
    assertThat(as("admin").get("/engine-rest/user/count?id=weakling").json().path("count").asInt()).isZero();
  }

  private static String find(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html);
    assertThat(matcher.find()).as("%s in page", pattern).isTrue();
    return matcher.group(1);
  }
}
