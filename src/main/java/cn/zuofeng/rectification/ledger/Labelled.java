package cn.zuofeng.rectification.ledger;

/** A code value with the Chinese text users read. */
public interface Labelled {

  String name();

  String label();
}
