package cn.zuofeng.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormInputTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Test
  void readsWhatTheFormsSubmit() {
    var in = new FormInput(Map.of("title", "  窗口推诿  ", "source", "HOTLINE", "day", "2026-12-31",
        "at", "2026-12-31T16:30:00Z"));
    assertThat(in.requiredText("title", "问题标题", 200)).isEqualTo("窗口推诿");
    assertThat(in.requiredChoice("source", "问题来源", ProblemSource.class)).isEqualTo(ProblemSource.HOTLINE);
    assertThat(in.requiredDate("day", "日期", BEIJING)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(in.requiredDate("at", "日期", BEIJING)).as("a date-time is read in Beijing time").isEqualTo(LocalDate.of(2027, 1, 1));
    in.throwIfInvalid();
  }

  @Test
  void namesEveryBadFieldInChinese() {
    Map<String, Object> values = new HashMap<>();
    values.put("title", " ");
    values.put("description", "字".repeat(4001));
    values.put("source", "RUMOUR");
    values.put("discoveredOn", "2026-02-30");
    values.put("category", 42);
    var in = new FormInput(values);
    in.requiredText("title", "问题标题", 200);
    in.requiredText("description", "问题描述", 4000);
    in.requiredChoice("source", "问题来源", ProblemSource.class);
    in.requiredDate("discoveredOn", "发现日期", BEIJING);
    in.requiredChoice("category", "问题类别", ProblemCategory.class);
    assertThatThrownBy(in::throwIfInvalid)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::message)
            .containsExactly("请填写问题标题", "问题描述不能超过4000字",
                "问题来源「RUMOUR」不是有效选项，可选：SELF_INSPECTION（自查）、SUPERVISION（督查检查）、UNANNOUNCED_VISIT（暗访）、"
                    + "PUBLIC_COMPLAINT（群众投诉/信访）、HOTLINE（热线）、FORUM（座谈征集）、INSPECTION_TOUR（巡视巡察）、SUPERIOR_ASSIGNED（上级交办）",
                "发现日期「2026-02-30」不是有效日期，应为 年-月-日，如 2026-12-31",
                "问题类别应为文本"));
  }
}
