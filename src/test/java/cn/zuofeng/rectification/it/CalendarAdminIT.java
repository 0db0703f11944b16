package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 工作日历 over HTTP on PostgreSQL: everyone sees which years are loaded, administrators add next
 * year's days (or a local day off) without a release, bad input is refused naming the field.
 * Dates are in 2098 so that no other test's deadlines move.
 */
class CalendarAdminIT extends ApplicationIT {

  private static final LocalDate WEDNESDAY = LocalDate.of(2098, 2, 5);
  private static final LocalDate SATURDAY = LocalDate.of(2098, 2, 8);

  @Autowired WorkingDayCalendar calendar;

  @Test
  void everyoneSeesTheLoadedYearsAndTheYearsCountedMondayToFriday() {
    var overview = as("fgw-zhao").get("/api/calendar");
    assertThat(overview.status()).isEqualTo(200);
    List<Integer> loaded = ints(overview.json().path("loadedYears"));
    assertThat(loaded).contains(2024, 2025, 2026);
    List<Integer> expectedUnloaded = new ArrayList<>(List.of(TODAY.getYear(), TODAY.getYear() + 1));
    expectedUnloaded.removeAll(loaded);
    assertThat(ints(overview.json().path("unloadedYears"))).isEqualTo(expectedUnloaded);

    String page = as("fgw-zhao").page("/calendar").body();
    assertThat(page).contains("工作日历", "已载入节假日安排的年份", "2024", "2026").doesNotContain("补充或修改一天");
    for (int year : expectedUnloaded) {
      assertThat(page).contains(year + " 年尚无节假日安排，暂按周一至周五计算工作日");
    }
    assertThat(as("admin").page("/calendar").body()).contains("补充或修改一天");
    assertThat(Http.anonymous(port).get("/api/calendar").status()).isEqualTo(401);
  }

  @Test
  void anAdministratorAddsDaysThatCountAtOnceAndRemovesThem() {
    assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
    try {
      var off = as("admin").send("PUT", "/api/calendar/days/" + WEDNESDAY, Map.of("working", false, "name", "春节"));
      assertThat(off.status()).as(off.body()).isEqualTo(200);
      assertThat(off.json().path("name").asText()).isEqualTo("春节");
      assertThat(as("admin").send("PUT", "/api/calendar/days/" + SATURDAY, Map.of("working", true, "name", "春节调休上班"))
          .status()).isEqualTo(200);

      assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();
      assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
      assertThat(calendar.plusWorkingDays(WEDNESDAY.minusDays(1), 1)).isEqualTo(WEDNESDAY.plusDays(1));
      var overview = as("supervisor").get("/api/calendar").json();
      assertThat(ints(overview.path("loadedYears"))).contains(2098);
      assertThat(overview.path("days").toString()).contains(WEDNESDAY.toString(), "春节调休上班");
      assertThat(as("supervisor").page("/calendar").body()).contains(WEDNESDAY.toString(), "星期三", "放假", "春节调休上班");

      assertThat(as("admin").send("DELETE", "/api/calendar/days/" + WEDNESDAY, null).status()).isEqualTo(204);
      assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
      var again = as("admin").send("DELETE", "/api/calendar/days/" + WEDNESDAY, null);
      assertThat(again.status()).isEqualTo(404);
      assertThat(again.json().path("detail").asText()).contains("没有单独设置 " + WEDNESDAY);
    } finally {
      calendar.removeOverride(WEDNESDAY);
      calendar.removeOverride(SATURDAY);
    }
  }

  @Test
  void onlyAdministratorsChangeTheCalendar() {
    for (String user : List.of("supervisor", "leader", "auditor", "fgw-zhao")) {
      assertThat(as(user).send("PUT", "/api/calendar/days/" + WEDNESDAY, Map.of("working", false)).status())
          .as(user).isEqualTo(403);
      assertThat(as(user).send("DELETE", "/api/calendar/days/" + WEDNESDAY, null).status()).as(user).isEqualTo(403);
      assertThat(as(user).post("/api/calendar/reload", Map.of()).status()).as(user).isEqualTo(403);
      assertThat(as(user).form("/calendar/days", "date=" + WEDNESDAY + "&working=false").status()).as(user).isEqualTo(403);
    }
    assertThat(Http.anonymous(port).send("PUT", "/api/calendar/days/" + WEDNESDAY, Map.of("working", false)).status())
        .isIn(401, 403);
    assertThat(calendar.isWorkingDay(WEDNESDAY)).as("nothing changed").isTrue();
    assertThat(as("admin").post("/api/calendar/reload", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
    int before = as("admin").get("/api/calendar").json().path("days").size();

    var badDate = as("admin").send("PUT", "/api/calendar/days/2098-13-40", Map.of("working", false));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(fields(badDate.json())).containsExactly("date");
    assertThat(badDate.json().path("detail").asText()).contains("日期「2098-13-40」不是有效日期");

    var farAway = as("admin").send("PUT", "/api/calendar/days/1999-10-01", Map.of("working", false));
    assertThat(farAway.status()).isEqualTo(400);
    assertThat(farAway.json().path("detail").asText()).contains("日期应在 2000 年至 2099 年之间");

    var script = as("admin").send("PUT", "/api/calendar/days/" + WEDNESDAY, Map.of("name", "<script>alert(1)</script>"));
    assertThat(script.status()).isEqualTo(400);
    assertThat(fields(script.json())).containsExactlyInAnyOrder("working", "name");
    assertThat(script.json().path("detail").asText()).contains("请选择该日是上班", "名称不能包含");

    var tooLong = as("admin").send("PUT", "/api/calendar/days/" + WEDNESDAY, Map.of("working", false, "name", "节".repeat(101)));
    assertThat(fields(tooLong.json())).containsExactly("name");

    var malformed = as("admin").send("PUT", "/api/calendar/days/" + WEDNESDAY, "{\"working\": fals");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("detail").asText()).contains("不是有效的 JSON");

    assertThat(as("admin").get("/api/calendar").json().path("days").size()).isEqualTo(before);
    assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
  }

  @Test
  void theCalendarPageSavesAndRemovesADayForAnAdministrator() {
    Http admin = as("admin");
    try {
      var saved = admin.form("/calendar/days", "date=" + WEDNESDAY + "&working=false&name="
          + URLEncoder.encode("本地放假", StandardCharsets.UTF_8));
      assertThat(saved.status()).isEqualTo(302);
      assertThat(admin.page("/calendar").body()).contains("已保存：" + WEDNESDAY + " 放假（本地放假）", WEDNESDAY.toString());
      assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();

      admin.form("/calendar/days", "date=&working=false");
      assertThat(admin.page("/calendar").body()).contains("请填写日期");

      assertThat(admin.form("/calendar/days/" + WEDNESDAY + "/delete", "").status()).isEqualTo(302);
      assertThat(admin.page("/calendar").body()).contains("已删除 " + WEDNESDAY);
      assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
    } finally {
      calendar.removeOverride(WEDNESDAY);
    }
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asInt()));
    return values;
  }

  private static List<String> fields(JsonNode problem) {
    return texts(problem.path("errors"), "field");
  }
}
