"""How a CRM's CSV columns map to initiative, month, metric and value."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from planner.domain import Metric


class DateOrder:
    """How a date like 03/04/2026 is read. ``AUTO`` decides from the file's own dates and
    refuses when they leave it ambiguous."""

    AUTO = "auto"
    YMD = "YMD"
    DMY = "DMY"
    MDY = "MDY"
    ALL = (AUTO, YMD, DMY, MDY)


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """Which CSV column holds what.

    - ``initiative``: the column naming the initiative (a campaign or source), matched to the
      plan's initiative names ignoring case and surrounding spaces;
    - ``date``: the column whose date picks the month (a close date);
    - ``value``: the column with the amount (money metrics) or the count;
    - ``metric``: the metric every row adds to, unless ``metric_column`` names a column whose
      cells name the metric (its title or key);
    - ``stage_column`` and ``stages``: when set, only rows whose stage is one of ``stages``
      (ignoring case) count, e.g. "Closed Won"; others are skipped, not rejected;
    - ``count_into``: each counted row also adds 1 to this metric (e.g. deals won).

    Rows are summed per initiative, month and metric; the sums become the actuals.
    """

    initiative: str
    date: str
    value: str
    metric: Metric | None = Metric.REVENUE_WON
    metric_column: str | None = None
    stage_column: str | None = None
    stages: tuple[str, ...] = ()
    count_into: Metric | None = None
    date_order: str = DateOrder.AUTO

    def columns(self) -> tuple[str, ...]:
        """The CSV columns this mapping reads."""
        named = (self.initiative, self.date, self.value, self.metric_column, self.stage_column)
        return tuple(column for column in named if column)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CsvMapping:
        data: dict[str, Any] = json.loads(text)
        for key in ("metric", "count_into"):
            if data.get(key) is not None:
                data[key] = Metric(data[key])
        data["stages"] = tuple(data.get("stages") or ())
        known = set(cls.__slots__)  # type: ignore[attr-defined]
        return cls(**{key: value for key, value in data.items() if key in known})
