package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.statistics.Rates;
import cn.zuofeng.rectification.statistics.StatisticsRow;
import cn.zuofeng.rectification.statistics.StatisticsService;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 整改统计 page: the table of {@code GET /api/statistics}, with its period and unit as a form. */
@Controller
class StatisticsPageController {

  private final StatisticsService statistics;
  private final UnitDirectory units;

  StatisticsPageController(StatisticsService statistics, UnitDirectory units) {
    this.statistics = statistics;
    this.units = units;
  }

  /** A row as the page shows it: rates as percentages with one decimal, "—" without a divisor. */
  record PageRow(String unitName, long registered, long closed, long open, long overdue, long closedOnTime,
                 String rectificationRate, String onTimeRate) {

    static PageRow of(StatisticsRow row) {
      return new PageRow(row.unitName(), row.registered(), row.closed(), row.open(), row.overdue(), row.closedOnTime(),
          percent(row.closed(), row.registered()), percent(row.closedOnTime(), row.closed()));
    }
  }

  @ModelAttribute("user")
  CurrentUser user() {
    return CurrentUser.get();
  }

  @GetMapping("/statistics")
  String statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String unit, Model model, HttpServletResponse response) {
    CurrentUser user = CurrentUser.get();
    boolean wholeLedger = user.visibleUnits() == null;
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("unit", unit);
    if (wholeLedger) {
      model.addAttribute("units", units.all());
    }
    try {
      var result = statistics.compute(from, to, unit, user.visibleUnits());
      model.addAttribute("result", result);
      model.addAttribute("rows", result.units().stream().map(PageRow::of).toList());
      model.addAttribute("total", PageRow.of(result.total()));
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("statisticsError", e.getMessage());
    } catch (AccessDeniedException e) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("statisticsError", e.getMessage());
    }
    return "statistics";
  }

  private static String percent(long part, long whole) {
    BigDecimal percent = Rates.percent(part, whole);
    return percent == null ? "—" : percent.toPlainString() + "%";
  }
}
