package cn.zuofeng.rectification.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The responsible units (责任单位) problems can be assigned to. */
@Service
public class UnitDirectory {

  private final JdbcClient jdbc;
  private final Clock clock;

  UnitDirectory(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Unit> all() {
    return jdbc.sql("select code, name from unit order by code").query(Unit.class).list();
  }

  /** Code → name of every unit (a short list), for showing names beside codes. */
  public java.util.Map<String, String> names() {
    var names = new java.util.LinkedHashMap<String, String>();
    all().forEach(unit -> names.put(unit.code(), unit.name()));
    return names;
  }

  public Optional<Unit> find(String code) {
    return jdbc.sql("select code, name from unit where code = :code").param("code", code).query(Unit.class).optional();
  }

  /** Adds a unit, or renames it when the code exists. */
  @Transactional
  public Unit save(Unit unit) {
    if (unit.code().length() > 32 || !unit.code().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new InvalidInputException("code", "单位代码只能由小写字母、数字和连字符组成（不超过32位）");
    }
    int updated = jdbc.sql("update unit set name = :name where code = :code")
        .param("name", unit.name()).param("code", unit.code()).update();
    if (updated == 0) {
      jdbc.sql("insert into unit (code, name, created_at) values (:code, :name, :createdAt)")
          .param("code", unit.code()).param("name", unit.name())
          .param("createdAt", OffsetDateTime.now(clock)).update();
    }
    return unit;
  }
}
