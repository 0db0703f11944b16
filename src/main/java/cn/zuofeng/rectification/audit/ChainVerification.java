package cn.zuofeng.rectification.audit;

/**
 * The outcome of recomputing every problem's event chain: intact, or the first broken link with
 * its problem number, sequence number and what is wrong (in Chinese, for the auditor).
 */
public record ChainVerification(boolean intact, long problemsChecked, long eventsChecked, String problemNumber,
                                Integer seq, String reason) {

  static ChainVerification broken(long problems, long events, String number, Integer seq, String reason) {
    return new ChainVerification(false, problems, events, number, seq, reason);
  }
}
