package cn.zuofeng.rectification.ledger;

/** One rejected input: the field's code name and a Chinese message a person can act on. */
public record FieldError(String field, String message) {}
