package cn.zuofeng.rectification.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V6: the global event chain ({@link GlobalEventChain}). Adds the columns and the one-row
 * chain head, then chains the rows an existing database already has, in id order (the order they
 * were written). In Java because SQL cannot compute SHA-256 the same way on H2 and PostgreSQL.
 * The hash is spelled out here on purpose: a migration must keep computing what it computed the
 * day it ran. Spring Boot hands Flyway every {@link JavaMigration} bean.
 */
@Component
public class GlobalChainMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("6");
  }

  @Override
  public String getDescription() {
    return "global event chain";
  }

  @Override
  public Integer getChecksum() {
    return 6_001;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table problem_event add column global_seq bigint");
      ddl.execute("alter table problem_event add column global_prev_hash varchar(64)");
      ddl.execute("alter table problem_event add column global_hash varchar(64)");
      // the chain's head: the last global link, locked by each committing ledger change
      ddl.execute("""
          create table problem_event_chain (
            id        integer primary key,
            last_seq  bigint not null,
            last_hash varchar(64),
            constraint problem_event_chain_one_row check (id = 1)
          )""");
    }
    long seq = 0;
    String previous = null;
    try (PreparedStatement rows = connection.prepareStatement("select id, hash from problem_event order by id");
         PreparedStatement update = connection.prepareStatement(
             "update problem_event set global_seq = ?, global_prev_hash = ?, global_hash = ? where id = ?")) {
      rows.setFetchSize(1000);
      try (ResultSet rs = rows.executeQuery()) {
        while (rs.next()) {
          seq++;
          String hash = link(previous, seq, rs.getString("hash"));
          update.setLong(1, seq);
          update.setString(2, previous);
          update.setString(3, hash);
          update.setLong(4, rs.getLong("id"));
          update.addBatch();
          if (seq % 1000 == 0) {
            update.executeBatch();
          }
          previous = hash;
        }
      }
      update.executeBatch();
    }
    try (PreparedStatement head = connection.prepareStatement(
        "insert into problem_event_chain (id, last_seq, last_hash) values (1, ?, ?)")) {
      head.setLong(1, seq);
      head.setString(2, previous);
      head.executeUpdate();
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table problem_event alter column global_seq set not null");
      ddl.execute("alter table problem_event alter column global_hash set not null");
      ddl.execute("create unique index problem_event_global_seq_uk on problem_event (global_seq)");
    }
  }

  private static String link(String previous, long seq, String rowHash) {
    try {
      String canonical = String.valueOf(previous) + "\n" + seq + "\n" + rowHash;
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
