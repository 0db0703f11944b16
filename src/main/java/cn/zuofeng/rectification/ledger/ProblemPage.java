package cn.zuofeng.rectification.ledger;

import java.util.List;

public record ProblemPage(List<Problem> items, long total, int page, int size) {}
