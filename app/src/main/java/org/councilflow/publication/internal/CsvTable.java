package org.councilflow.publication.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * An open-data CSV file as councils' spreadsheets read it: RFC 4180 through Jackson (CRLF line ends, a field quoted
 * only when it holds a comma, quote or line break), a byte-order mark first, the header row even without any row,
 * and every cell guarded against running as a formula.
 */
final class CsvTable {

    /** Before the CSV's first byte: without it a spreadsheet reads UTF-8 as its local code page ("â€“" for "–"). */
    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final List<String> columns;
    private final CsvSchema schema;

    CsvTable(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).setLineSeparator("\r\n").build();
    }

    /** The rows, each a cell's text by column (a column a row lacks is an empty cell). */
    String write(Iterable<Map<String, String>> rows) {
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (SequenceWriter writer = CSV.writer(schema).writeValues(out)) {
            // the header row as a row: Jackson writes its own header only before a first record, and a file
            // without rows still gets the columns
            Map<String, String> header = new LinkedHashMap<>();
            columns.forEach(column -> header.put(column, column));
            writer.write(header);
            for (Map<String, String> row : rows) {
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach(column -> cells.put(column, cell(row.getOrDefault(column, ""))));
                writer.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A cell's text with the formula guard: a text that a spreadsheet would run as a formula gets a leading
     * apostrophe, so that opening the file runs nothing.
     */
    static String cell(String value) {
        return value == null ? "" : !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
