package cn.zuofeng.rectification.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for the tests: real requests to the running application, as one user. */
final class Http {

  static final String PASSWORD = "Zuofeng@2026";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port;
  private final String authorization;
  /** Each user has a cookie jar of their own, like a browser: the webapps keep state in the session. */
  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .cookieHandler(new java.net.CookieManager())
      .build();

  private Http(int port, String authorization) {
    this.port = port;
    this.authorization = authorization;
  }

  static Http as(int port, String user) {
    return new Http(port, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  /** A client with another password than the demo one. */
  record Builder(int port, String user, String password) {
    Http build() {
      return new Http(port, "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
  }

  static Http anonymous(int port) {
    return new Http(port, null);
  }

  record Response(int status, String body, HttpResponse<String> raw) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  Response get(String path) {
    return send(request(path).header("Accept", "application/json").GET());
  }

  /** Plain text, e.g. Prometheus metrics as a scraper asks for them. */
  Response text(String path) {
    return send(request(path).header("Accept", "text/plain").GET());
  }

  /** A page as a browser asks for it. */
  Response page(String path) {
    return send(request(path).header("Accept", "text/html").GET());
  }

  Response send(String method, String path, Object body) {
    try {
      String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
          .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A form post as a browser sends it. */
  Response form(String path, String urlEncoded) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(urlEncoded, StandardCharsets.UTF_8)));
  }

  /** A JSON post with extra headers (e.g. a CSRF token). */
  Response post(String path, Object body, String... headers) {
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      var builder = request(path).header("Content-Type", "application/json").header("Accept", "application/json");
      if (headers.length > 0) {
        builder.headers(headers);
      }
      return send(builder.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A download: status, headers and the body's bytes. */
  HttpResponse<byte[]> download(String path) {
    try {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The session cookie this client holds, or null. */
  String sessionId() {
    return ((java.net.CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  Response post(String path, Object body) {
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
