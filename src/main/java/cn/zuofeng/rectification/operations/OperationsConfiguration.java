package cn.zuofeng.rectification.operations;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the 503/409 answers into the servlet chain and Camunda's Jersey application. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
    var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
    registration.setName("Database Unavailable Filter");
    registration.addUrlPatterns("/*");
    registration.setOrder(DatabaseUnavailableFilter.ORDER);
    return registration;
  }

  /** Spring Boot applies this to Camunda's JerseyApplication ({@code CamundaJerseyResourceConfig}). */
  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> config.register(EngineRestErrors.class, EngineRestErrors.PRIORITY);
  }
}
