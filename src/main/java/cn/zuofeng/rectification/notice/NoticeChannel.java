package cn.zuofeng.rectification.notice;

/** A way of delivering a stored notice besides the in-app inbox. */
interface NoticeChannel {

  /** The channel's name in {@code notice_delivery.channel}. */
  String name();

  /** Whether notices published now get a delivery on this channel. */
  boolean enabled();

  /** What the delivery row names as its recipient. */
  String recipientOf(StoredNotice notice);

  /**
   * Delivers the notice; throws when it was not delivered (it is tried again later).
   *
   * @return a note on what was done (e.g. the addresses), or null when there was nobody to send to
   */
  String send(StoredNotice notice) throws Exception;
}
