package cn.zuofeng.rectification.notice;

/**
 * Publishes notices: stored in the caller's transaction (so a notice exists exactly when the step
 * that caused it committed) and delivered afterwards, asynchronously, on every configured channel.
 */
public interface Notices {

  /** Stores the notice unless one with the same key exists; returns whether it was new. */
  boolean publish(NoticeDraft draft);
}
