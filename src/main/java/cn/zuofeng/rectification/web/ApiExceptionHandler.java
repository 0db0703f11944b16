package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.IllegalStateTransitionException;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.ProblemNotFoundException;
import cn.zuofeng.rectification.operations.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of {@code /api} as an RFC 9457 problem detail, in Chinese, naming the field at fault. */
@RestControllerAdvice(assignableTypes = {ProblemController.class, UnitController.class, AuditController.class,
    EscalationController.class, ExportController.class, CalendarController.class, StatisticsController.class})
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return invalid(e.getMessage(), e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = "参数 " + e.getName() + " 的值「" + e.getValue() + "」格式不正确";
    return invalid(message, List.of(Map.of("field", e.getName(), "message", message)));
  }

  @ExceptionHandler(ProblemNotFoundException.class)
  ProblemDetail notFound(ProblemNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "问题不存在", e.getMessage());
  }

  @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
  ProblemDetail conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "数据已被他人修改", "该问题刚刚被他人修改，请刷新后重试");
  }

  @ExceptionHandler(IllegalStateTransitionException.class)
  ProblemDetail wrongState(IllegalStateTransitionException e) {
    return problem(HttpStatus.CONFLICT, "当前状态不允许此操作", e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "无权访问", "您所在的用户组无权执行此操作");
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail denied(org.springframework.security.access.AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "无权访问", e.getMessage());
  }

  @ExceptionHandler(RegistrationKeys.IdempotencyKeyReusedException.class)
  ProblemDetail keyReused(RegistrationKeys.IdempotencyKeyReusedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "幂等键已用于其他请求", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      log.warn("database unavailable in /api: {}", e.getMessage());
      return problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL);
    }
    log.error("unexpected error in /api", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "处理请求时发生错误，请稍后重试或联系管理员");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                HttpStatusCode status, WebRequest request) {
    ProblemDetail body;
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      String message = "字段 " + field + " 的值类型不正确";
      body = invalid(message, List.of(Map.of("field", field, "message", message)));
    } else if (e.getCause() instanceof JsonProcessingException) {
      body = problem(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON", "请求体不是有效的 JSON，请检查括号、引号和逗号");
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "缺少请求体", "请求体为空或无法读取，应为 JSON 对象");
    }
    return ResponseEntity.badRequest().body(body);
  }

  private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
    ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "输入有误", detail);
    body.setProperty("errors", errors);
    return body;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    return body;
  }
}
