"""An amount in another currency than the plan's is refused, whether its currency is written
beside it ("EUR 28,520.23") or in a column of its own (Salesforce's "Amount Currency"), and the
refusal names the file's column of converted amounts when it has one."""

from __future__ import annotations

from pathlib import Path

import pytest
from crm_exports import ABM, FORMATTED_AMOUNTS, MULTICURRENCY, new_value

from planner import Metric, Plan
from planner.money import Currency
from planner.workbook.importing import CsvMapping, preview_import
from planner.workbook.importing.numbers import OtherCurrency, text_actual

USE_CONVERTED = "use column 'Amount (converted)' instead"
# The deal's own amount, chosen over the converted one the guess takes.
OWN_AMOUNT = CsvMapping("Campaign Name", "Close Date", "Amount")


def test_an_amount_whose_currency_column_names_another_currency_is_refused(
    export_demo_plan: Plan,
) -> None:
    preview = preview_import(export_demo_plan, MULTICURRENCY, mapping=OWN_AMOUNT)

    assert [str(row) for row in preview.rejected] == [
        "line 3: column 'Amount' is in EUR (column 'Amount Currency'), not USD, the plan's "
        f"currency; {USE_CONVERTED}"
    ]


def test_an_amount_written_in_another_currency_is_refused(export_demo_plan: Plan) -> None:
    preview = preview_import(export_demo_plan, FORMATTED_AMOUNTS, mapping=OWN_AMOUNT)

    assert [str(row) for row in preview.rejected] == [
        "line 3: column 'Amount' holds 'EUR 28,520.23', an amount in EUR, not USD, the plan's "
        f"currency; {USE_CONVERTED}"
    ]


def test_the_guess_takes_the_converted_amounts_of_a_file_in_several_currencies(
    export_demo_plan: Plan,
) -> None:
    for path in (MULTICURRENCY, FORMATTED_AMOUNTS):
        preview = preview_import(export_demo_plan, path)

        assert preview.mapping is not None and preview.mapping.value == "Amount (converted)"
        assert preview.rejected == ()
        assert new_value(preview, ABM, 202603, Metric.REVENUE_WON) == 31_372_25


def test_the_converted_amounts_import(export_demo_plan: Plan) -> None:
    for path in (MULTICURRENCY, FORMATTED_AMOUNTS):
        mapping = CsvMapping("Campaign Name", "Close Date", "Amount (converted)")

        preview = preview_import(export_demo_plan, path, mapping=mapping)

        assert preview.rejected == ()
        assert new_value(preview, ABM, 202603, Metric.REVENUE_WON) == 31_372_25


def test_with_no_converted_column_the_refusal_says_currencies_are_not_converted(
    export_demo_plan: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(f"Campaign;Close Date;Amount\n{ABM};18.03.2026;28.520,23 €\n", "utf-8")
    mapping = CsvMapping("Campaign", "Close Date", "Amount")

    preview = preview_import(export_demo_plan, path, mapping=mapping)

    assert [row.reason for row in preview.rejected] == [
        "column 'Amount' holds '28.520,23 €', an amount in €, not USD, the plan's currency; "
        "the import does not convert currencies"
    ]


def test_an_amount_marked_with_any_currency_code_names_it() -> None:
    with pytest.raises(OtherCurrency, match=r"an amount in MXN, not USD"):
        text_actual("MXN 28,520.23", Metric.REVENUE_WON, Currency("USD"), european=False)
