package cn.zuofeng.rectification.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that fails because the database is down (already while checking
 * the login or loading the session) is answered at once with 503 and a Chinese problem detail
 * instead of a 500, so clients and the proxy know to retry later.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter implements Ordered {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  /** Before Spring Session's filter (Integer.MIN_VALUE + 50), which reads the session from the database. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("database unavailable: {} {} answered with 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "5");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(DatabaseUnavailable.problemJson());
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
