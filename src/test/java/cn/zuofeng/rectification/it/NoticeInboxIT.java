package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zuofeng.rectification.notice.NoticeDraft;
import cn.zuofeng.rectification.notice.NoticeKind;
import cn.zuofeng.rectification.notice.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 站内通知 over HTTP: each user sees the notices of their own units and themselves, and marks them read. */
class NoticeInboxIT extends ApplicationIT {

  @Autowired Notices notices;

  String publish(String addressee, NoticeKind kind, String title) {
    String key = kind + ":WT-2026-000777:" + UUID.randomUUID();
    assertThat(notices.publish(new NoticeDraft(key, kind, "WT-2026-000777", addressee, title, title + "，请及时处理。"))).isTrue();
    return key;
  }

  static List<JsonNode> items(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(response.json().path("items").spliterator(), false).toList();
  }

  static JsonNode find(List<JsonNode> items, String key) {
    return items.stream().filter(n -> n.path("key").asText().equals(key)).findFirst().orElse(null);
  }

  static List<String> keys(List<JsonNode> items) {
    return items.stream().map(n -> n.path("key").asText()).toList();
  }

  long unread(String user) {
    return as(user).get("/api/notices?size=1").json().path("unread").asLong();
  }

  @Test
  void aUnitMemberSeesTheUnitsAndOwnNoticesNewestFirstAndReadsThemForHimself() {
    String warning = publish("unit-fgw", NoticeKind.WARNING, "问题即将到期（预警）");
    String overdue = publish("unit-fgw", NoticeKind.OVERDUE, "问题已逾期");
    String otherUnit = publish("unit-zjj", NoticeKind.OVERDUE, "住建局的问题已逾期");
    String personal = publish("fgw-qian", NoticeKind.REMINDER, "请钱规划本人办理");

    List<JsonNode> zhao = items(as("fgw-zhao").get("/api/notices?size=100"));
    assertThat(keys(zhao)).contains(warning, overdue).doesNotContain(otherUnit, personal);
    assertThat(keys(zhao).indexOf(overdue)).as("newest first").isLessThan(keys(zhao).indexOf(warning));
    JsonNode notice = find(zhao, overdue);
    assertThat(notice.path("kindLabel").asText()).isEqualTo("逾期");
    assertThat(notice.path("title").asText()).isEqualTo("问题已逾期");
    assertThat(notice.path("read").asBoolean()).isFalse();
    assertThat(keys(items(as("fgw-qian").get("/api/notices?size=100")))).contains(warning, overdue, personal).doesNotContain(otherUnit);

    long zhaoUnread = unread("fgw-zhao");
    long qianUnread = unread("fgw-qian");
    var read = as("fgw-zhao").post("/api/notices/" + notice.path("id").asLong() + "/read", "");
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().path("unread").asLong()).isEqualTo(zhaoUnread - 1);
    assertThat(as("fgw-zhao").post("/api/notices/" + notice.path("id").asLong() + "/read", "").status())
        .as("reading twice changes nothing").isEqualTo(200);
    assertThat(unread("fgw-zhao")).isEqualTo(zhaoUnread - 1);
    assertThat(find(items(as("fgw-zhao").get("/api/notices?size=100")), overdue).path("read").asBoolean()).isTrue();
    assertThat(unread("fgw-qian")).as("read state is per user, not per unit").isEqualTo(qianUnread);
    assertThat(find(items(as("fgw-qian").get("/api/notices?size=100")), overdue).path("read").asBoolean()).isFalse();
  }

  @Test
  void anotherUnitNeitherSeesNorMarksTheNotice() {
    String key = publish("unit-fgw", NoticeKind.SUPERVISION, "督办〔2026〕7号");
    long id = find(items(as("fgw-zhao").get("/api/notices?size=100")), key).path("id").asLong();

    assertThat(keys(items(as("zjj-sun").get("/api/notices?size=100")))).doesNotContain(key);
    var denied = as("zjj-sun").post("/api/notices/" + id + "/read", "");
    assertThat(denied.status()).as("as if it did not exist").isEqualTo(404);
    assertThat(denied.body()).doesNotContain("督办〔2026〕7号");
    assertThat(as("zjj-sun").form("/notices/" + id + "/read", "").status()).isEqualTo(404);
    assertThat(as("supervisor").post("/api/notices/" + id + "/read", "").status()).isEqualTo(404);
    assertThat(as("fgw-zhao").post("/api/notices/999999999/read", "").status()).isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/notices").status()).isEqualTo(401);
    assertThat(find(items(as("fgw-zhao").get("/api/notices?size=100")), key).path("read").asBoolean())
        .as("unit A's read state untouched").isFalse();
  }

  @Test
  void pagesOfTheInbox() {
    // other tests' problems also notify this unit (with clocks moved ahead): look at this test's own notices
    String token = "分页" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      publish("xzfw-wu", NoticeKind.REMINDER, token + " 第 " + i + " 次催办");
    }
    var all = as("xzfw-wu").get("/api/notices?page=0&size=100").json();
    List<String> titles = new java.util.ArrayList<>();
    all.path("items").forEach(n -> titles.add(n.path("title").asText()));
    assertThat(titles.stream().filter(t -> t.startsWith(token)).toList()).as("newest first")
        .containsExactly(token + " 第 2 次催办", token + " 第 1 次催办", token + " 第 0 次催办");
    var first = as("xzfw-wu").get("/api/notices?page=0&size=2").json();
    var second = as("xzfw-wu").get("/api/notices?page=1&size=2").json();
    assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(first.path("items").size()).isEqualTo(2);
    assertThat(first.path("items").get(0).path("title").asText()).isEqualTo(titles.get(0));
    assertThat(second.path("items").get(0).path("title").asText()).as("page 2 goes on where page 1 ended")
        .isEqualTo(titles.get(2));
    assertThat(as("xzfw-wu").get("/api/notices?size=1000").json().path("size").asInt()).as("page size capped").isEqualTo(100);
  }

  @Test
  void theNoticePageShowsTheInboxAndTheHeaderCountsUnread() {
    String key = publish("unit-scj", NoticeKind.ESCALATION, "督办升级为挂牌督办");
    var page = as("scj-zhou").page("/notices");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("督办升级为挂牌督办", "督办升级", "标为已读", "class=\"badge\"");
    assertThat(as("scj-zhou").page("/calendar").body()).as("every page's header counts them").contains("class=\"badge\"");
    assertThat(as("zjj-sun").page("/notices").body()).doesNotContain("督办升级为挂牌督办");

    long id = find(items(as("scj-zhou").get("/api/notices?size=100")), key).path("id").asLong();
    long unread = unread("scj-zhou");
    var marked = as("scj-zhou").form("/notices/" + id + "/read", "");
    assertThat(marked.status()).isEqualTo(302);
    assertThat(unread("scj-zhou")).isEqualTo(unread - 1);
    String ledger = as("scj-zhou").page("/ledger").body();
    assertThat(ledger).contains("通知");
    if (unread - 1 == 0) {
      assertThat(ledger).doesNotContain("class=\"badge\"");
    } else {
      assertThat(ledger).contains(">" + (unread - 1) + "</span>");
    }
  }

  @Test
  void administratorsSeeDeliveryStatus() {
    assertThat(as("admin").get("/api/notices/deliveries").status()).isEqualTo(200);
    assertThat(as("admin").page("/notices").body()).contains("投递状态");
    assertThat(as("supervisor").get("/api/notices/deliveries").status()).isEqualTo(403);
    assertThat(as("supervisor").page("/notices").body()).doesNotContain("投递状态");
  }
}
