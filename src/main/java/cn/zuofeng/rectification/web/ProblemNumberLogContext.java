package cn.zuofeng.rectification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the problem number of a request ({@code /api/problems/{number}...}, pages with a number)
 * into the logging context as {@code problemNumber}, the same key the engine uses for the business
 * key, so every log line about a problem can be found by its number.
 */
@Configuration(proxyBeanMethods = false)
class ProblemNumberLogContext implements WebMvcConfigurer, HandlerInterceptor {

  static final String KEY = "problemNumber";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
        && variables.get("number") instanceof String number) {
      MDC.put(KEY, number);
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    MDC.remove(KEY);
  }
}
