package cn.zuofeng.rectification.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes two holes of the Camunda 7.24 CE REST API that authorizations do not cover:
 * <ul>
 *   <li>expressions in ad-hoc task queries are evaluated when nested in {@code orQueries}, although
 *       the engine forbids them at the top level (remote code execution): every task query that
 *       names an {@code …Expression} criterion is refused;</li>
 *   <li>comments and attachments are written without any authorization check: only users who may
 *       work the task add them, and nobody but {@code camunda-admin} edits or deletes them.</li>
 * </ul>
 * Applies to {@code /engine-rest} and the webapps' engine API alike.
 */
class EngineRestGuard extends OncePerRequestFilter {

  private static final int MAX_QUERY_BODY = 1024 * 1024;
  /** Three evidence files of 20 MB each, Base64-encoded in JSON, with room for the other fields. */
  static final long MAX_BODY = 90L * 1024 * 1024;
  /** Task queries (also through a saved filter) are where expressions are evaluated. */
  private static final Pattern TASK_QUERY = Pattern.compile(".*/(task|task/count|filter/[^/]+/(list|count|singleResult))");
  private static final Pattern EXPRESSION_CRITERION = Pattern.compile("\"\\w+Expression\"\\s*:\\s*\"");
  private static final Pattern TASK_NOTE = Pattern.compile(".*/task/([^/]+)/(comment|attachment)/create");
  private static final Pattern ANY_NOTE = Pattern.compile(".*/(task|process-instance)/.*(comment|attachment).*");

  private final AuthorizationService authorizations;

  EngineRestGuard(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    if (request.getContentLengthLong() > MAX_BODY) {
      refuse(response, 413, "上传内容过大（每个文件不超过 20MB）", "Request body too large");
      return;
    }
    if (TASK_QUERY.matcher(path).matches()) {
      if (request.getParameterMap().keySet().stream().anyMatch(name -> name.endsWith("Expression"))) {
        refuse(response, 400, "查询中不允许使用表达式", "Expressions are not allowed in task queries");
        return;
      }
      if ("POST".equals(request.getMethod())) {
        byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
        if (body.length > MAX_QUERY_BODY) {
          refuse(response, 413, "查询条件过大", "Query body too large");
          return;
        }
        if (EXPRESSION_CRITERION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
          refuse(response, 400, "查询中不允许使用表达式", "Expressions are not allowed in task queries (including orQueries)");
          return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
        return;
      }
    } else if (!"GET".equals(request.getMethod()) && ANY_NOTE.matcher(path).matches()) {
      Matcher create = TASK_NOTE.matcher(path);
      CurrentUser user = CurrentUser.get();
      boolean allowed = user.isMemberOf(Groups.ADMIN)
          || (create.matches() && "POST".equals(request.getMethod()) && mayWork(user, create.group(1)));
      if (!allowed) {
        refuse(response, 403, "无权添加或修改意见、附件", "Not allowed to change comments or attachments of this task");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private boolean mayWork(CurrentUser user, String taskId) {
    for (Permission permission : List.<Permission>of(TaskPermissions.TASK_WORK, Permissions.UPDATE)) {
      if (authorizations.isUserAuthorized(user.id(), user.groups(), permission, Resources.TASK, taskId)) {
        return true;
      }
    }
    return false;
  }

  private static void refuse(HttpServletResponse response, int status, String chinese, String english) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    // the shape of Camunda's own REST errors, so Tasklist shows the message
    response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + chinese + "（" + english + "）\"}");
  }

  /** The request again, with the body already read for inspection. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
