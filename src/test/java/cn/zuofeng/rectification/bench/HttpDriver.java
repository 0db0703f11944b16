package cn.zuofeng.rectification.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP client (java.net.http, HTTP/1.1, no cookies) talking to the application on localhost
 * as an integrator does: HTTP Basic with every request, no session.
 */
final class HttpDriver {

  static final String PASSWORD = "Zuofeng@2026";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  HttpDriver(int port) {
    this.base = "http://localhost:" + port;
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (HTTP " + status + "): " + abbreviate(body));
      }
    }
  }

  Response get(String user, String path) throws IOException, InterruptedException {
    return send(user, request(user, path).header("Accept", "application/json").GET());
  }

  Response post(String user, String path, Object body) throws IOException, InterruptedException {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(user, request(user, path).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A page as a browser asks for it (HTML). */
  Response page(String user, String path) throws IOException, InterruptedException {
    return send(user, request(user, path).header("Accept", "text/html").GET());
  }

  /** Downloads to {@code file} (to the last byte) and returns its size; fails unless 200. */
  long download(String user, String path, java.nio.file.Path file) throws IOException, InterruptedException {
    HttpResponse<java.nio.file.Path> response = client.send(request(user, path).timeout(Duration.ofMinutes(5)).GET().build(),
        // ofFile(file) alone does not truncate: a shorter download over an earlier one would keep its tail
        HttpResponse.BodyHandlers.ofFile(file, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("download " + path + ": HTTP " + response.statusCode());
    }
    return java.nio.file.Files.size(file);
  }

  /** Sends a request and fails unless the status is the expected one. */
  Response expect(int status, Response response, String what) {
    if (response.status() != status) {
      throw new IllegalStateException(what + ": HTTP " + response.status() + " (expected " + status + ") "
          + abbreviate(response.body()));
    }
    return response;
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private Response send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }

  /** The JSON of {@code POST /api/problems}: a valid problem discovered yesterday. */
  static Map<String, Object> problem(String title, LocalDate today) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("title", title);
    json.put("description", "基准测试：群众反映" + title);
    json.put("source", "HOTLINE");
    json.put("category", "SERVICE_EFFICIENCY");
    json.put("discoveredOn", today.minusDays(1).toString());
    json.put("suggestedUnit", "市发展改革委");
    return json;
  }

  /** The body of {@code POST /engine-rest/task/{id}/complete}. */
  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
