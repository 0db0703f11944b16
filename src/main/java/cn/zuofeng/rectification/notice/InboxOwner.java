package cn.zuofeng.rectification.notice;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose inbox: a signed-in user and their Camunda groups (a notice addressed to any of them is theirs).
 *
 * @param userId the user id
 * @param groups the user's group ids
 */
public record InboxOwner(String userId, List<String> groups) {

  public InboxOwner {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("an inbox belongs to a user");
    }
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** Every addressee whose notices this user reads. */
  List<String> addressees() {
    var all = new ArrayList<String>(groups.size() + 1);
    all.add(userId);
    all.addAll(groups);
    return all;
  }
}
