package cn.zuofeng.rectification.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * 整改统计 of the problems registered from {@code from} to {@code to} (inclusive, either open when
 * null), counted on {@code today}: one row per unit in code order, then 未交办 for whole-ledger
 * readers, and the total of every row shown.
 */
public record RectificationStatistics(LocalDate from, LocalDate to, LocalDate today, StatisticsRow total,
                                      List<StatisticsRow> units) {}
