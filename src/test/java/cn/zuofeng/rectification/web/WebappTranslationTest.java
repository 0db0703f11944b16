package cn.zuofeng.rectification.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps (Tasklist, Cockpit, Admin, Welcome) are shown in Simplified Chinese by default.
 *
 * <p>The English labels ship in the Camunda webjar; our {@code zh.json} files and {@code config.js}
 * overrides live in {@code src/main/resources} under the same classpath path. When Camunda is
 * upgraded and adds, renames or removes labels, these tests list exactly which keys to fix.
 */
class WebappTranslationTest {

  private static final String APPS = "/META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** AngularJS expressions such as {@code {{ name }}}. */
  private static final Pattern NG_EXPRESSION = Pattern.compile("\\{\\{.*?}}");
  /** Positional placeholders such as {@code {0}}, and ng-pluralize's {@code {}}. */
  private static final Pattern INDEXED = Pattern.compile("(?<!\\{)\\{\\d*}(?!})");

  /** Labels that are product names, abbreviations or symbols and are the same in Chinese. */
  private static final Set<String> SAME_IN_CHINESE =
      Set.of("Camunda", "Optimize", "ID", "ID*", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss", "<", "<=", ">", ">=");

  @Test
  void everyTasklistKeyHasAChineseTranslation() {
    assertCompleteTranslation("tasklist");
  }

  @Test
  void everyWelcomeKeyHasAChineseTranslation() {
    assertCompleteTranslation("welcome");
  }

  @Test
  void everyAdminKeyHasAChineseTranslation() {
    assertCompleteTranslation("admin");
  }

  @Test
  void everyCockpitKeyHasAChineseTranslation() {
    assertCompleteTranslation("cockpit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void noChineseLabelIsACopyOfTheEnglishOne(String app) {
    var english = flatten(readJson(app, "en.json"));
    var chinese = flatten(readJson(app, "zh.json"));
    var copied = new ArrayList<String>();
    english.forEach((key, en) -> {
      var zh = chinese.get(key);
      // dateLocales hold moment.js format tokens ("L", "HH:mm"), not words
      if (key.startsWith("labels.") && zh != null && en.asText().matches("(?s).*[A-Za-z].*")
          && zh.asText().equals(en.asText()) && !SAME_IN_CHINESE.contains(en.asText())) {
        copied.add(key + " = \"" + en.asText() + "\"");
      }
    });
    assertThat(copied).as("%s: labels still in English", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyAppFallsBackToChinese(String app) {
    var config = resource(APPS + app + "/scripts/config.js");
    assertThat(config).as("%s: scripts/config.js on the classpath", app).isNotNull();
    assertThat(config.getProtocol())
        .as("%s: our scripts/config.js must shadow the webjar's default (%s)", app, config)
        .isNotEqualTo("jar");

    var code = withoutLineComments(read(config));
    var fallback = Pattern.compile("fallbackLocale['\"]?\\s*:\\s*['\"]([\\w-]+)['\"]").matcher(code);
    assertThat(fallback.find()).as("%s: config.js sets locales.fallbackLocale", app).isTrue();
    assertThat(fallback.group(1)).as("%s: locales.fallbackLocale", app).isEqualTo("zh");

    var available = Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]").matcher(code);
    assertThat(available.find()).as("%s: config.js sets locales.availableLocales", app).isTrue();
    var locales = Arrays.stream(available.group(1).split(","))
        .map(s -> s.trim().replaceAll("^['\"]|['\"]$", ""))
        .filter(s -> !s.isEmpty())
        .toList();
    assertThat(locales).as("%s: locales.availableLocales", app).contains("zh");
    for (var locale : locales) {
      assertThat(resource(APPS + app + "/locales/" + locale + ".json"))
          .as("%s: available locale '%s' needs locales/%s.json, or the app shows a configuration error",
              app, locale, locale)
          .isNotNull();
    }
  }

  private static void assertCompleteTranslation(String app) {
    var english = flatten(readJson(app, "en.json"));
    var chinese = flatten(readJson(app, "zh.json"));

    var missing = new TreeSet<>(english.keySet());
    missing.removeAll(chinese.keySet());
    var stale = new TreeSet<>(chinese.keySet());
    stale.removeAll(english.keySet());
    var placeholderMismatches = new ArrayList<String>();
    english.forEach((key, en) -> {
      var zh = chinese.get(key);
      if (zh == null) {
        return;
      }
      var expected = placeholders(en.asText());
      var actual = placeholders(zh.asText());
      if (!expected.equals(actual)) {
        placeholderMismatches.add(key + ": English has " + expected + ", Chinese has " + actual);
      }
    });

    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(missing).as("%s: keys of en.json missing from zh.json", app).isEmpty();
      softly.assertThat(stale).as("%s: keys of zh.json that en.json no longer has", app).isEmpty();
      softly.assertThat(placeholderMismatches).as("%s: labels whose placeholders differ from English", app)
          .isEmpty();
    });
  }

  /** The {{…}} and {n} placeholders of a label, sorted, duplicates kept. */
  private static List<String> placeholders(String label) {
    var found = new ArrayList<String>();
    for (var pattern : List.of(NG_EXPRESSION, INDEXED)) {
      Matcher m = pattern.matcher(label);
      while (m.find()) {
        found.add(m.group());
      }
    }
    found.sort(null);
    return found;
  }

  /** Flattens nested objects (and arrays, by index) to dotted keys, e.g. {@code labels.CLAIM_TASK}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    var flat = new LinkedHashMap<String, JsonNode>();
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(prefix + e.getKey() + ".", e.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + i + ".", node.get(i), flat);
      }
    } else {
      flat.put(prefix.substring(0, prefix.length() - 1), node);
    }
  }

  private static JsonNode readJson(String app, String file) {
    var path = APPS + app + "/locales/" + file;
    var url = resource(path);
    assertThat(url).as("%s on the classpath", path).isNotNull();
    // Jackson reads from bytes, so it skips the UTF-8 byte order mark Camunda's en.json files start with.
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  private static URL resource(String path) {
    return WebappTranslationTest.class.getResource(path);
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  private static String withoutLineComments(String js) {
    return js.replaceAll("(?m)^\\s*//.*$", "");
  }
}
