package cn.zuofeng.rectification.ledger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Evidence files (佐证材料), kept in the ledger so they outlive engine history cleanup. */
@Component
public class EvidenceStore {

  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
  public static final Set<String> ALLOWED_EXTENSIONS = Set.of(
      "pdf", "ofd", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "wps", "txt", "zip");

  private final JdbcClient jdbc;
  private final java.time.ZoneId zone;

  EvidenceStore(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  /** What an auditor or the next reviewer sees of a file, without its bytes. */
  public record StoredEvidence(long id, String fileName, String mimeType, long sizeBytes, String uploadedBy,
                               OffsetDateTime uploadedAt) {}

  static void check(List<EvidenceFile> files, FormInput errors) {
    for (EvidenceFile file : files) {
      String name = file.fileName() == null ? "" : file.fileName();
      String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
      if (!ALLOWED_EXTENSIONS.contains(extension)) {
        errors.reject("evidence", "佐证材料「" + name + "」的文件类型不允许，可上传：" + String.join("、", ALLOWED_EXTENSIONS.stream().sorted().toList()));
      } else if (file.content().length > MAX_FILE_BYTES) {
        errors.reject("evidence", "佐证材料「" + name + "」超过 20MB");
      }
    }
  }

  void save(Problem problem, List<EvidenceFile> files, Step step, OffsetDateTime at) {
    for (EvidenceFile file : files) {
      jdbc.sql("""
              insert into problem_evidence (problem_id, file_name, mime_type, size_bytes, content, uploaded_by, uploaded_at)
              values (:problemId, :fileName, :mimeType, :size, :content, :uploadedBy, :at)""")
          .param("problemId", problem.id())
          .param("fileName", baseName(file.fileName()))
          .param("mimeType", file.mimeType() == null ? "application/octet-stream" : file.mimeType())
          .param("size", (long) file.content().length)
          .param("content", file.content())
          .param("uploadedBy", step.actor())
          .param("at", at)
          .update();
    }
  }

  public List<StoredEvidence> listOf(long problemId) {
    return jdbc.sql("""
            select id, file_name, mime_type, size_bytes, uploaded_by, uploaded_at
            from problem_evidence where problem_id = :id order by id""")
        .param("id", problemId)
        .query((rs, i) -> new StoredEvidence(rs.getLong("id"), rs.getString("file_name"), rs.getString("mime_type"),
            rs.getLong("size_bytes"), rs.getString("uploaded_by"),
            LocalTime.of(rs.getObject("uploaded_at", OffsetDateTime.class), zone)))
        .list();
  }

  /** A file's bytes, if it belongs to that problem. */
  public java.util.Optional<EvidenceFile> content(long problemId, long evidenceId) {
    return jdbc.sql("select file_name, mime_type, content from problem_evidence where id = :id and problem_id = :problemId")
        .param("id", evidenceId)
        .param("problemId", problemId)
        .query((rs, i) -> new EvidenceFile(rs.getString("file_name"), rs.getString("mime_type"), rs.getBytes("content")))
        .optional();
  }

  /** Keeps only the last path segment: a browser may send a full client path. */
  static String baseName(String fileName) {
    String name = fileName.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
