package cn.zuofeng.rectification.ledger;

/** 佐证材料: one uploaded file. */
public record EvidenceFile(String fileName, String mimeType, byte[] content) {}
