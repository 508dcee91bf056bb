"""The command line's progress line for a long export or import: each percentage once, on one
line of stderr, cleared at the end, and nothing at all when stderr is not a terminal."""

from __future__ import annotations

from planner.cli.progress import TerminalProgress, terminal_progress


def test_each_percentage_is_shown_once_on_one_redrawn_line(capsys):
    progress = TerminalProgress("Exporting")
    for done in (0, 1, 2, 50, 51, 100):
        progress(done, 100)
    shown = capsys.readouterr().err
    assert shown == "".join(f"\rExporting… {p}%" for p in (0, 1, 2, 50, 51, 100))


def test_work_of_unknown_size_shows_nothing_until_its_size_is_known(capsys):
    progress = TerminalProgress("Reading")
    progress(4_000, 0)
    progress(5, 10)
    assert capsys.readouterr().err == "\rReading… 50%"


def test_done_clears_the_line_it_drew_and_nothing_else(capsys):
    quiet = TerminalProgress("Reading")
    quiet.done()
    assert capsys.readouterr().err == ""
    shown = TerminalProgress("Reading")
    shown(1, 2)
    shown.done()
    assert capsys.readouterr().err.endswith("\r\033[K")


def test_a_captured_or_piped_stderr_gets_no_progress_line(capsys):
    assert terminal_progress("Exporting") is None
