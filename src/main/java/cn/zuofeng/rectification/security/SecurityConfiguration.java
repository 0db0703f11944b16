package cn.zuofeng.rectification.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;
import static org.springframework.security.web.util.matcher.RequestMatchers.anyOf;

/**
 * Spring Security is the single entry point: our pages, {@code /api}, {@code /engine-rest} and the
 * Camunda webapps all sit behind one login. Browsers sign in with the form; machine clients send
 * HTTP Basic with every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  /** Requests answered with JSON, never with a redirect to the login page. */
  static final RequestMatcher API = anyOf(antMatcher("/api/**"), antMatcher("/engine-rest/**"), antMatcher("/camunda/api/**"),
      antMatcher("/actuator/**"));

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/error", "/css/**", "/images/**", "/favicon.ico").permitAll()
            // operations (issue 7): health and its probes open for the proxy; metrics for admins only
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").hasAuthority(Groups.authority(Groups.ADMIN))
            .requestMatchers(HttpMethod.POST, "/api/problems")
                .hasAnyAuthority(Groups.authority(Groups.SUPERVISORS), Groups.authority(Groups.ADMIN))
            .requestMatchers(HttpMethod.POST, "/api/units").hasAuthority(Groups.authority(Groups.ADMIN))
            // 工作日历: everyone reads it, administrators change it
            .requestMatchers(HttpMethod.GET, "/api/calendar", "/calendar").authenticated()
            .requestMatchers("/api/calendar/**", "/calendar/**").hasAuthority(Groups.authority(Groups.ADMIN))
            // 整改统计: everyone signed in; a unit member sees only their own unit (StatisticsService)
            .requestMatchers(HttpMethod.GET, "/api/statistics", "/statistics").authenticated()
            .requestMatchers("/api/audit/**", "/audit/**")
                .hasAnyAuthority(Groups.authority(Groups.AUDITORS), Groups.authority(Groups.ADMIN))
            // notices: every signed-in user reads their own (NoticeController); delivery status is for administrators
            .requestMatchers("/api/notices/deliveries").hasAuthority(Groups.authority(Groups.ADMIN))
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(basic -> basic.realmName("rectification").authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .logout(logout -> logout
            // the webapps' own logout button ends the whole session too
            .logoutRequestMatcher(anyOf(antMatcher(HttpMethod.POST, "/logout"),
                antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout")))
            .logoutSuccessUrl("/login?logout"))
        .csrf(csrf -> csrf
            // the webapps carry Camunda's own CsrfPreventionFilter
            .ignoringRequestMatchers("/camunda/**")
            // a request carrying its own Authorization header cannot be forged by another site
            .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
        .headers(headers -> headers
            // our own pages: scripts and styles only from here; the webapps send their own policy
            .addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
                request -> !request.getRequestURI().startsWith("/camunda/"),
                new org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter(
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthorized, API)
            .defaultAccessDeniedHandlerFor(SecurityConfiguration::denied, API));
    return http.build();
  }

  private static void denied(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                             org.springframework.security.access.AccessDeniedException denied) throws IOException {
    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn = authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
    if (!signedIn) {
      // a stranger's POST fails the CSRF check first; what they lack is a login
      unauthorized(request, response, null);
    } else if (denied instanceof org.springframework.security.web.csrf.CsrfException) {
      problem(response, HttpServletResponse.SC_FORBIDDEN, "缺少安全令牌", "请求缺少有效的 CSRF 令牌，请刷新页面后重试");
    } else {
      problem(response, HttpServletResponse.SC_FORBIDDEN, "无权访问", "您所在的用户组无权执行此操作");
    }
  }

  private static void unauthorized(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                   org.springframework.security.core.AuthenticationException e) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"rectification\"");
    problem(response, HttpServletResponse.SC_UNAUTHORIZED, "未登录", "请先登录，或在请求中携带有效的用户名和密码（HTTP Basic）");
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}");
  }

  /** The webapps trust the Spring Security login (no second login page). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Container Based Authentication Filter");
    registration.setInitParameters(Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** {@code /engine-rest} runs as the signed-in user, so the engine's authorizations apply. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("Engine REST Authentication Filter");
    registration.setInitParameters(Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Guards the engine REST API where Camunda's own authorizations leave gaps (see the class). */
  @Bean
  FilterRegistrationBean<EngineRestGuard> engineRestGuard(org.camunda.bpm.engine.AuthorizationService authorizations) {
    var registration = new FilterRegistrationBean<>(new EngineRestGuard(authorizations));
    registration.setName("Engine REST Guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  /** {@code /api} calls into the engine as the signed-in user too. */
  @Bean
  FilterRegistrationBean<EngineIdentityFilter> apiEngineIdentityFilter(org.camunda.bpm.engine.IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new EngineIdentityFilter(identity));
    registration.addUrlPatterns("/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
