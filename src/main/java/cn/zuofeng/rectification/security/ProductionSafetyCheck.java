package cn.zuofeng.rectification.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with a password anyone could guess, or with the demo
 * users, before anything else starts (no engine, no database connection).
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

  static final Set<String> KNOWN_PASSWORDS = Set.of("", "admin", "demo", "password", "camunda", "changeme", "zuofeng@2026");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("生产配置（prod）不能与演示配置（demo）同时启用 / the demo profile must not run with prod");
    }
    String password = property(environment, "camunda.bpm.admin-user.password");
    if (KNOWN_PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT)) || password.length() < 12) {
      problems.add("请通过环境变量 ADMIN_PASSWORD 设置至少 12 位、非默认的管理员密码 / "
          + "set ADMIN_PASSWORD to a non-default password of at least 12 characters");
    }
    String url = property(environment, "spring.datasource.url");
    if (url.isBlank() || url.startsWith("jdbc:h2:")) {
      problems.add("生产配置需要 PostgreSQL：请设置 DB_URL / production needs PostgreSQL: set DB_URL");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("拒绝以不安全的生产配置启动 / refusing to start an unsafe production configuration: "
          + String.join("；", problems));
    }
  }

  /** A setting's value, or "" when it is missing or refers to an unset environment variable. */
  private static String property(ConfigurableEnvironment environment, String key) {
    try {
      return environment.getProperty(key, "");
    } catch (IllegalArgumentException unresolved) {
      return "";
    }
  }
}
