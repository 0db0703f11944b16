package cn.zuofeng.rectification.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An xlsx workbook written as a stream (fastexcel): a bold, frozen header row in Chinese, then
 * rows; {@link #flush()} sends the rows written so far to the output, so a sheet of any length
 * keeps a flat heap. Texts are inline strings (a shared-string table would keep every distinct
 * text until the end) and never formulas, so a cell starting with "=" stays text. A new worksheet
 * ("名称（2）") starts when one is full.
 */
public final class StreamedSheet implements AutoCloseable {

  private final Workbook workbook;
  private final String name;
  private final List<String> headers;
  private final double[] widths;
  private Worksheet worksheet;
  private int sheets;
  private int row;

  public StreamedSheet(OutputStream out, String name, List<String> headers, double... widths) {
    if (widths.length != headers.size()) {
      throw new IllegalArgumentException("one width per header");
    }
    this.workbook = new Workbook(out, "问题整改闭环", "1.0");
    this.name = name;
    this.headers = headers;
    this.widths = widths;
    newWorksheet();
  }

  private void newWorksheet() {
    sheets++;
    worksheet = workbook.newWorksheet(sheets == 1 ? name : name + "（" + sheets + "）");
    for (int column = 0; column < widths.length; column++) {
      worksheet.width(column, widths[column]);
      worksheet.inlineString(0, column, headers.get(column));
    }
    worksheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("EEEEEE").set();
    worksheet.freezePane(0, 1);
    worksheet.repeatRows(0);
    row = 1;
  }

  /** One row: texts as text, numbers as numbers, anything else by its text, null as an empty cell. */
  public void row(Object... cells) {
    if (row >= Worksheet.MAX_ROWS) {
      try {
        worksheet.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      newWorksheet();
    }
    for (int column = 0; column < cells.length; column++) {
      Object value = cells[column];
      if (value instanceof Number number) {
        worksheet.value(row, column, number);
      } else if (value != null) {
        worksheet.inlineString(row, column, value.toString());
      }
    }
    row++;
  }

  /** The rows written so far leave the heap. */
  public void flush() {
    try {
      worksheet.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    worksheet.finish();
    workbook.finish();
  }
}
