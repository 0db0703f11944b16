package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency keys of {@code POST /api/problems}: the key and the registered problem's number are
 * written in the registration's own transaction, so after a crash either both exist or neither.
 * A repeated key returns the first problem; the same key with a different request is refused.
 */
@Component
class RegistrationKeys {

  static final String HEADER = "Idempotency-Key";
  private static final int MAX_LENGTH = 255;

  /** The problem a request stands for, and whether this request registered it. */
  record Outcome(String number, boolean created) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  RegistrationKeys(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  Outcome registerOnce(String user, String key, String requestHash, Supplier<String> register) {
    if (key.isBlank() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new InvalidInputException(List.of(new FieldError(HEADER,
          "请求头 Idempotency-Key 应为 1 到 " + MAX_LENGTH + " 个可见 ASCII 字符（建议使用 UUID）")));
    }
    Optional<Outcome> earlier = earlier(user, key, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> {
        String number = register.get();
        jdbc.sql("""
                insert into registration_key (requested_by, idempotency_key, request_hash, problem_number, created_at)
                values (:user, :key, :hash, :number, :now)""")
            .param("user", user).param("key", key).param("hash", requestHash).param("number", number)
            .param("now", OffsetDateTime.now())
            .update();
        return new Outcome(number, true);
      });
    } catch (DuplicateKeyException concurrentRetry) {
      // the same key arrived twice at once: the other request registered it, this one rolled back
      return earlier(user, key, requestHash).orElseThrow(() -> concurrentRetry);
    }
  }

  private Optional<Outcome> earlier(String user, String key, String requestHash) {
    record Row(String hash, String number) {}
    return jdbc.sql("select request_hash, problem_number from registration_key where requested_by = :user and idempotency_key = :key")
        .param("user", user).param("key", key)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
        .optional()
        .map(row -> {
          if (!row.hash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(key);
          }
          return new Outcome(row.number(), false);
        });
  }

  /** SHA-256 over the fields in a fixed order; null and "" differ. */
  static String hash(String... fields) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String field : fields) {
        digest.update(field == null ? new byte[] {0} : ("\u0001" + field).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1e);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key was used before for a request with another body. */
  static class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException(String key) {
      super("幂等键 " + key + " 已用于内容不同的另一次登记：重试时请求内容必须与第一次完全相同，新的登记请使用新的键");
    }
  }
}
