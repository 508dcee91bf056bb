"""Reading a CRM's CSV export whatever its encoding and separator: the table the mapping
dialog shows, and the amounts and dates read the way the file writes them."""

from __future__ import annotations

from pathlib import Path

from import_support import WEBINARS, actual, imported, plan_with_actuals, refusal

from planner import Metric, PlanFileError
from planner.workbook.importing import CsvMapping, read_csv_table

DEALS = 'Campaign,Close Date,Amount\nWebinar series,2026-03-14,"1,250.50"\n'
BY_NAME = CsvMapping(initiative="Campaign", date="Close Date", value="Amount")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_table_shows_columns_first_rows_and_how_it_was_read(tmp_path: Path) -> None:
    rows = "".join(f"Webinar series,2026-03-{day:02d},{day}\n" for day in range(1, 26))
    path = _write(tmp_path, "deals.csv", ("Campaign, Close Date ,Amount\n" + rows).encode())

    table = read_csv_table(path)

    assert table.headers == ("Campaign", "Close Date", "Amount")
    assert table.sample[0] == ("Webinar series", "2026-03-01", "1")
    assert len(table.sample) == 20
    assert (table.rows, table.encoding, table.delimiter) == (25, "utf-8", ",")
    assert table.notes == ()


def test_the_table_lists_each_columns_values_of_the_whole_file_once(tmp_path: Path) -> None:
    stages = ["Closed Won", "closed won", "Negotiation"] * 10 + ["Closed Lost", ""]
    rows = "".join(f"Webinar series,{stage},2026-03-01,5\n" for stage in stages)
    path = _write(tmp_path, "deals.csv", ("Campaign,Stage,Close Date,Amount\n" + rows).encode())

    table = read_csv_table(path)

    assert table.distinct[1] == ("Closed Won", "Negotiation", "Closed Lost")
    assert table.distinct[0] == ("Webinar series",)


def test_a_windows_1252_file_is_read_and_says_so(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    plan.initiatives.update(WEBINARS, name="Café webinars")
    text = "Campaign,Close Date,Amount\nCafé webinars,2026-03-14,99\n"
    path = _write(tmp_path, "deals.csv", text.encode("cp1252"))

    preview = imported(plan, path, mapping=BY_NAME)

    assert read_csv_table(path).encoding == "cp1252"
    assert "read as Windows-1252 text (the file is not UTF-8)" in preview.notes
    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 9_900


def test_a_utf16_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _write(tmp_path, "deals.csv", DEALS.replace(",", "\t").encode("utf-16"))

    imported(plan, path, mapping=BY_NAME)

    assert read_csv_table(path).delimiter == "\t"
    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 125_050


def test_a_utf16_file_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "deals.csv", DEALS.encode("utf-16-le"))

    assert read_csv_table(path).encoding == "utf-16-le"


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "deals.csv", DEALS.encode("utf-8-sig"))

    assert read_csv_table(path).headers[0] == "Campaign"


def test_semicolons_and_decimal_commas_are_read_the_european_way(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = (
        "Campaign;Close Date;Amount\n"
        "Webinar series;14.03.2026;1.234,56\n"
        "Webinar series;20.03.2026;10,5\n"
        "Webinar series;21.03.2026;1.000\n"
    )
    path = _write(tmp_path, "deals.csv", text.encode())

    preview = imported(plan, path, mapping=BY_NAME)

    assert read_csv_table(path).delimiter == ";"
    assert "amounts read with a decimal comma (1.234,56)" in preview.notes
    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 123_456 + 1_050 + 100_000


def test_semicolons_with_decimal_points_keep_the_point(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign;Close Date;Amount\nWebinar series;2026-03-14;1,234.50\n"
    path = _write(tmp_path, "deals.csv", text.encode())

    imported(plan, path, mapping=BY_NAME)

    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 123_450


def test_currency_symbols_and_vertical_bars_are_read(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign|Close Date|Amount\nWebinar series|2026-03-14|$1,200\n"
    path = _write(tmp_path, "deals.csv", text.encode())

    imported(plan, path, mapping=BY_NAME)

    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 120_000


def test_a_binary_file_named_csv_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _write(tmp_path, "deals.csv", b"PK\x03\x04\x00\x00binary\x00\x00")

    message = refusal(plan, path, PlanFileError, mapping=BY_NAME)

    assert message == "deals.csv: holds binary data, not CSV text"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _write(tmp_path, "deals.csv", b"\n\n")

    message = refusal(plan, path, PlanFileError, mapping=BY_NAME)

    assert message == "deals.csv: is empty (no header row with column names)"


def test_an_oversized_field_is_refused_naming_the_line(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = DEALS + "Webinar series,2026-03-15," + "9" * 200_000 + "\n"
    path = _write(tmp_path, "deals.csv", text.encode())

    message = refusal(plan, path, PlanFileError, mapping=BY_NAME)

    assert message.startswith("deals.csv: line 3: field larger than field limit")
