package cn.zuofeng.rectification.notice;

/**
 * A notice to publish.
 *
 * @param key           unique per fact, e.g. {@code OVERDUE:WT-2026-000012:2026-12-01}: publishing the
 *                      same key again (a timer fired twice, a retried job) creates nothing new
 * @param kind          what it is about
 * @param problemNumber the problem it concerns (plain text: notices know no ledger)
 * @param addressee     a Camunda group id ({@code unit-<code>}, {@code supervisors}, {@code leaders},
 *                      {@code auditors}) or a user id
 * @param title         one line, Chinese
 * @param body          the text, Chinese
 */
public record NoticeDraft(String key, NoticeKind kind, String problemNumber, String addressee, String title,
                          String body) {
}
