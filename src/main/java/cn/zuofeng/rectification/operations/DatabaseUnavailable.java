package cn.zuofeng.rectification.operations;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Recognises "the database cannot be reached" anywhere in a cause chain (Hikari's connection
 * timeout, a refused connection, a server shutting down), however the engine or Spring wrapped it.
 */
public final class DatabaseUnavailable {

  public static final String TITLE = "数据库暂时不可用";
  public static final String DETAIL = "系统暂时无法连接数据库，请稍后重试；您的操作没有保存";

  private DatabaseUnavailable() {}

  public static boolean isCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
          || t instanceof CannotGetJdbcConnectionException || t instanceof ConnectException || t instanceof SocketException) {
        return true;
      }
      // a pooled connection the server closed under a running transaction (Hikari's message)
      if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
        return true;
      }
      // SQLSTATE class 08 = connection exception; 57P0x = the server is shutting down or restarting
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** The RFC 9457 body of a 503, as JSON. */
  public static String problemJson() {
    return "{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,\"detail\":\"" + DETAIL + "\"}";
  }
}
