package cn.zuofeng.rectification.ledger;

/**
 * Open (not closed, not dismissed) problems of one responsible unit and how many of them are
 * overdue; {@code unitCode} is null for problems not yet assigned.
 */
public record OpenProblems(String unitCode, long open, long overdue) {}
