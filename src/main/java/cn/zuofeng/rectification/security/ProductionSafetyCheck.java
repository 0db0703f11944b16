package cn.zuofeng.rectification.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with a password anyone could guess, or with the demo
 * users, before any bean is created (no engine, no database connection).
 */
@Configuration(proxyBeanMethods = false)
public class ProductionSafetyCheck {

  static final Set<String> KNOWN_PASSWORDS = Set.of("", "admin", "demo", "password", "camunda", "changeme", "zuofeng@2026");

  /** Runs as the first step of the context refresh, once all settings are known. */
  @Bean
  static BeanFactoryPostProcessor productionSafety(Environment environment) {
    return beanFactory -> verify(environment);
  }

  static void verify(Environment environment) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("生产配置（prod）不能与演示配置（demo）同时启用 / the demo profile must not run with prod");
    }
    String password = property(environment, "camunda.bpm.admin-user.password");
    String adminId = property(environment, "camunda.bpm.admin-user.id");
    boolean strong = password.length() >= 12 && password.chars().anyMatch(Character::isUpperCase)
        && password.chars().anyMatch(Character::isLowerCase) && password.chars().anyMatch(Character::isDigit)
        && password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))
        && (adminId.isBlank() || !password.toLowerCase(Locale.ROOT).contains(adminId.toLowerCase(Locale.ROOT)));
    if (KNOWN_PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT)) || !strong) {
      problems.add("请通过环境变量 ADMIN_PASSWORD 设置非默认的管理员密码：至少 12 位，含大小写字母、数字和符号，且不含用户名 / "
          + "set ADMIN_PASSWORD to a non-default password of at least 12 characters with upper and lower case, "
          + "a digit and a symbol, not containing the user name");
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
  private static String property(Environment environment, String key) {
    try {
      return environment.getProperty(key, "");
    } catch (IllegalArgumentException unresolved) {
      return "";
    }
  }
}
