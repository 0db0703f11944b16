package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.statistics.RectificationStatistics;
import cn.zuofeng.rectification.statistics.StatisticsRow;
import cn.zuofeng.rectification.statistics.StatisticsService;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 整改统计 over HTTP: 整改率 and 按期整改率 per unit and overall, optionally for the problems
 * registered in a period ({@code from}, {@code to}, inclusive) or of one unit. A unit member sees
 * only their own unit.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

  private final StatisticsService statistics;

  StatisticsController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  /** Every field always present: an open period, an unassigned row or a rate without divisor reads null. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record StatisticsResponse(LocalDate from, LocalDate to, LocalDate today, RowResponse total, List<RowResponse> units) {

    static StatisticsResponse of(RectificationStatistics s) {
      return new StatisticsResponse(s.from(), s.to(), s.today(), RowResponse.of(s.total()),
          s.units().stream().map(RowResponse::of).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RowResponse(String unitCode, String unitName, long registered, long dismissed, long closed, long open,
                     long overdue, long closedOnTime, BigDecimal rectificationRate, BigDecimal onTimeRate) {

    static RowResponse of(StatisticsRow row) {
      return new RowResponse(row.unitCode(), row.unitName(), row.registered(), row.dismissed(), row.closed(), row.open(),
          row.overdue(), row.closedOnTime(), row.rectificationRate(), row.onTimeRate());
    }
  }

  @GetMapping
  StatisticsResponse statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String unit) {
    return StatisticsResponse.of(statistics.compute(from, to, unit, CurrentUser.get().visibleUnits()));
  }
}
