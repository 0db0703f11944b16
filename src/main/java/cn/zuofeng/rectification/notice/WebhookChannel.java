package cn.zuofeng.rectification.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A 企业微信 or 钉钉 group robot: one text message per notice, as
 * {@code {"msgtype":"text","text":{"content":"..."}}}. Both answer HTTP 200 with
 * {@code {"errcode":0,...}} when they took the message; any other answer is a failure and is retried.
 * Off while {@code rectification.notice.webhook.url} is empty.
 */
@Component
@Order(2)
class WebhookChannel implements NoticeChannel {

  static final String NAME = "WEBHOOK";

  private final NoticeProperties.Webhook settings;
  private final ObjectMapper json;
  private final HttpClient client;

  WebhookChannel(NoticeProperties properties, ObjectMapper json) {
    this.settings = properties.webhook();
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean enabled() {
    return settings.enabled();
  }

  /** The robot's host only: the address carries the robot's secret key in its query. */
  @Override
  public String recipientOf(StoredNotice notice) {
    URI uri = URI.create(settings.url().trim());
    return uri.getHost() == null ? "webhook" : uri.getHost();
  }

  @Override
  public String send(StoredNotice notice) throws IOException, InterruptedException {
    String content = "【" + notice.kind().label() + "】" + notice.title() + "\n" + notice.body()
        + (notice.problemNumber() == null ? "" : "\n问题编号：" + notice.problemNumber());
    String payload = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url().trim()))
        .timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook answered HTTP " + response.statusCode());
    }
    JsonNode answer = parse(response.body());
    if (answer != null && answer.has("errcode") && answer.path("errcode").asInt() != 0) {
      throw new IOException("webhook refused the message: errcode " + answer.path("errcode").asText() + " "
          + answer.path("errmsg").asText());
    }
    return recipientOf(notice);
  }

  private JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
