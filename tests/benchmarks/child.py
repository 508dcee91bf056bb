"""What every measured subprocess shares: how it reports its figures to ``run.py``.

Each measured thing runs in a fresh ``python`` process so its peak memory is its own; it
prints one JSON line, prefixed so that other output (warnings, Qt messages) is ignored.
"""

from __future__ import annotations

import json
import resource

MARK = "BENCH "


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(**figures: object) -> None:
    """Print ``figures`` and this process's peak memory as the line ``run.py`` reads."""
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(MARK + json.dumps(figures), flush=True)


def parse(output: str) -> dict[str, object]:
    """The figures a child printed; ValueError naming the missing line if it printed none."""
    for line in reversed(output.splitlines()):
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    raise ValueError(f"the benchmark step printed no {MARK.strip()} line")
