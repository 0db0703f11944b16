package cn.zuofeng.rectification.operations;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Camunda's REST API answers a lost race (a task someone else claimed a moment earlier, an
 * optimistic-locking loss, also when a task listener's ledger update lost it) with a 500, and a
 * database outage with a 500 too. This mapper, registered with a higher priority than Camunda's
 * own {@code ProcessEngineExceptionHandler}, turns those into 409 and 503 with Chinese text; every
 * other exception stays with Camunda's handler ({@link #isMappable} says no).
 */
public class EngineRestErrors implements ExtendedExceptionMapper<ProcessEngineException> {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  /** Lower is preferred by Jersey; Camunda's mappers have the default 5000. */
  public static final int PRIORITY = 1000;

  @Context
  private UriInfo uri;

  @Override
  public boolean isMappable(ProcessEngineException exception) {
    return conflict(exception) || DatabaseUnavailable.isCause(exception);
  }

  @Override
  public Response toResponse(ProcessEngineException exception) {
    if (DatabaseUnavailable.isCause(exception)) {
      log.warn("database unavailable in engine REST call: {}", exception.getMessage());
      return problem(503, DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL, exception);
    }
    boolean claim = uri != null && uri.getPath().endsWith("/claim");
    log.info("engine REST conflict on {}: {}", uri == null ? "?" : uri.getPath(), exception.getMessage());
    if (claim) {
      return problem(409, "任务已被他人认领", "该任务刚刚已被他人认领，请刷新任务列表后查看", exception);
    }
    return problem(409, "数据已被他人修改", "该任务或流程刚刚被他人处理，请刷新后重试", exception);
  }

  static boolean conflict(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TaskAlreadyClaimedException || t instanceof OptimisticLockingException
          || t instanceof OptimisticLockingFailureException) {
        return true;
      }
    }
    return false;
  }

  private static Response problem(int status, String title, String detail, ProcessEngineException exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    // Camunda's own error fields, so Tasklist shows the Chinese text in its notification
    body.put("message", detail);
    body.put("exceptionType", exception.getClass().getSimpleName());
    return Response.status(status).type("application/problem+json;charset=UTF-8").entity(body).build();
  }
}
