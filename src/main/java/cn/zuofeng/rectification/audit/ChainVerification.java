package cn.zuofeng.rectification.audit;

/**
 * The outcome of recomputing every problem's event chain and the global chain over all problems:
 * intact, or the first broken link with its problem number, sequence number, global sequence
 * number (where known) and what is wrong, as one Chinese sentence for the auditor. The chain head
 * (last global number and hash) can be written down and compared later: a history rewritten
 * from the start would show a different head.
 */
public record ChainVerification(boolean intact, long problemsChecked, long eventsChecked, String problemNumber,
                                Integer seq, Long globalSeq, String reason, String message, long headSeq,
                                String headHash) {

  static ChainVerification broken(long problems, long events, String number, Integer seq, Long globalSeq,
                                  String reason) {
    var where = new StringBuilder();
    if (number != null) {
      where.append("问题 ").append(number);
      if (seq != null) {
        where.append(" 第 ").append(seq).append(" 条记录");
      }
    }
    if (globalSeq != null) {
      where.append(number == null ? "全局第 " + globalSeq + " 条记录" : "（全局第 " + globalSeq + " 条）");
    }
    String message = "发现篡改：" + (where.isEmpty() ? "" : where + "——") + reason;
    return new ChainVerification(false, problems, events, number, seq, globalSeq, reason, message, 0, null);
  }

  static ChainVerification intact(long problems, long events, long headSeq, String headHash) {
    return new ChainVerification(true, problems, events, null, null, null, null,
        "校验通过：" + problems + " 个问题、" + events + " 条台账记录均未被修改或删除", headSeq, headHash);
  }
}
