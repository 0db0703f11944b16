package cn.zuofeng.rectification.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what a person or an integrator submitted (form variables, JSON fields) and collects every
 * problem with it, so one answer names all the fields to fix. Nothing is written while reading.
 */
public final class FormInput {

  private final Map<String, ?> values;
  private final List<FieldError> errors = new ArrayList<>();

  public FormInput(Map<String, ?> values) {
    this.values = values;
  }

  /** Text that must be present, trimmed, at most {@code maxLength} characters. */
  public String requiredText(String field, String label, int maxLength) {
    String text = optionalText(field, label, maxLength);
    if (text == null && !hasError(field)) {
      reject(field, "请填写" + label);
    }
    return text;
  }

  /** Text that may be absent (null), trimmed, at most {@code maxLength} characters. */
  public String optionalText(String field, String label, int maxLength) {
    Object raw = values.get(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String string)) {
      reject(field, label + "应为文本");
      return null;
    }
    String text = string.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      reject(field, label + "不能超过" + maxLength + "字");
      return null;
    }
    return text;
  }

  /** One of the enum's codes; the message lists the valid choices in Chinese. */
  public <E extends Enum<E> & Labelled> E requiredChoice(String field, String label, Class<E> type) {
    String code = optionalText(field, label, 64);
    if (code == null) {
      if (!hasError(field)) {
        reject(field, "请选择" + label);
      }
      return null;
    }
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      reject(field, label + "「" + code + "」不是有效选项，可选：" + choices(type));
      return null;
    }
  }

  /** One of the enum's codes, or null when absent. */
  public <E extends Enum<E> & Labelled> E optionalChoice(String field, String label, Class<E> type) {
    return values.get(field) == null ? null : requiredChoice(field, label, type);
  }

  /** A calendar date as {@code yyyy-MM-dd} (a date-time or {@link Date} is cut to its date). */
  public LocalDate requiredDate(String field, String label, java.time.ZoneId zone) {
    Object raw = values.get(field);
    if (raw instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    if (raw instanceof LocalDate date) {
      return date;
    }
    String text = optionalText(field, label, 40);
    if (text == null) {
      if (!hasError(field)) {
        reject(field, "请填写" + label);
      }
      return null;
    }
    try {
      return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate() : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      reject(field, label + "「" + text + "」不是有效日期，应为 年-月-日，如 2026-12-31");
      return null;
    }
  }

  /** A calendar date, or null when absent. */
  public LocalDate optionalDate(String field, String label, java.time.ZoneId zone) {
    Object raw = values.get(field);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      return null;
    }
    return requiredDate(field, label, zone);
  }

  public void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean hasError(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  public static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name() + "（" + e.label() + "）")
        .collect(Collectors.joining("、"));
  }
}
