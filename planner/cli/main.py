"""Argument parsing and dispatch for ``smarketing``; the one place errors become exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from planner.errors import PlanError
from planner.version import APP_NAME, APP_VERSION, PLAN_SUFFIX

PROG = "smarketing"
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
COMMANDS = (
    "demo",
    "summary",
    "check",
    "chart",
    "export",
    "brief",
    "import",
    "rollover",
    "version",
    "compare",
    "phase",
)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=f"{APP_NAME}: plan marketing that ties to revenue, with sales on the same page.",
        epilog=(
            "Run without a command (or with a plan file) to open the desktop app; "
            "--self-test checks that the app works here (offscreen) and exits 0 or 1."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="write a demo plan to try the app with")
    demo.description = "Write a demo plan: a believable small company, or the large benchmark plan."
    demo.add_argument("path", metavar="PATH", type=Path, help="where to write the plan (.smplan)")
    demo.add_argument(
        "--size", choices=("small", "large"), default="small", help="small (default) or large"
    )
    demo.add_argument("--seed", type=int, default=7, help="random seed; same seed, same plan")
    demo.add_argument("--force", action="store_true", help="replace PATH if it exists")

    summary = commands.add_parser("summary", help="headline figures and attainment of a plan")
    summary.description = (
        "Show a plan's headline figures, attainment to date, forecast and what each dollar returns."
    )
    summary.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    summary.add_argument("--json", action="store_true", help="print JSON for other programs")
    from planner.cli.grouping import add_returns_by_option

    add_returns_by_option(summary, "also show what each dollar returns by group")

    check = commands.add_parser("check", help="check a plan for random acts of marketing")
    check.description = (
        "List what the alignment checks find. Exit status 1 when any finding is an error."
    )
    check.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    check.add_argument("--json", action="store_true", help="print JSON for other programs")

    from planner.charts import FILE_KINDS

    chart = commands.add_parser("chart", help="draw a chart of a plan to a PNG, SVG or PDF file")
    chart.description = (
        "Draw one of the dashboard's charts, the timeline or the whole plan's waterfall, to a "
        "file (format by its extension)."
    )
    chart.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    chart.add_argument("--kind", required=True, choices=tuple(FILE_KINDS), help="which chart")
    chart.add_argument(
        "-o", "--output", required=True, type=Path, help="the file to write (.png, .svg, .pdf)"
    )
    chart.add_argument("--from", dest="first", metavar="YYYY-MM", help="first month shown")
    chart.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month shown")
    chart.add_argument("--dark", action="store_true", help="colours for a dark background")

    from planner.cli.compare import add_compare_parser
    from planner.cli.export import add_export_parser
    from planner.cli.grouping import add_grouping_option
    from planner.cli.importing import add_import_parser
    from planner.cli.phase import add_phase_parser
    from planner.cli.rollover import add_rollover_parser
    from planner.cli.versions import add_version_option, add_version_parser

    add_grouping_option(chart, "--group-by", "the timeline's lanes (with --kind timeline)")
    from planner.cli.chart import add_returns_options

    add_returns_options(chart)
    add_export_parser(commands)
    from planner.cli.brief import add_brief_parser

    add_brief_parser(commands)
    add_import_parser(commands)
    add_rollover_parser(commands)
    add_version_parser(commands)
    add_compare_parser(commands)
    add_phase_parser(commands)
    for reading in ("summary", "check", "chart", "export", "brief", "import", "phase"):
        add_version_option(commands.choices[reading])
    return parser


def names_a_plan(argument: str) -> bool:
    """Whether a lone argument that is no command names a plan for the app to open, rather
    than a mistyped command: a plan file's name, a path, or a file that exists."""
    separators = {os.sep, os.altsep} - {None}
    return (
        argument.lower().endswith(PLAN_SUFFIX)
        or any(separator in argument for separator in separators)
        or Path(argument).is_file()
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``smarketing`` with ``argv`` (default: the process's arguments); returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The installed `smarketing` starts the app for these (see ui.launch); this module is the
    # Qt-free command line only, as run by `python -m planner`.
    if not arguments:
        print(
            f"{PROG}: this is the command line only; open the desktop app with '{PROG}' or "
            f"'{PROG} PLAN' (python -m ui), or see '{PROG} --help'."
        )
        return 0
    if len(arguments) == 1 and names_a_plan(arguments[0]):
        return _fail(
            f"this is the command line only; open the plan in the desktop app with "
            f"'{PROG} {arguments[0]}' (python -m ui)",
            EXIT_USAGE,
        )
    if arguments[0] not in COMMANDS and not arguments[0].startswith("-"):
        return _fail(
            f"unknown command '{arguments[0]}'; the commands are {', '.join(COMMANDS)} "
            f"(see {PROG} --help)",
            EXIT_USAGE,
        )
    options = build_parser().parse_args(arguments)
    try:
        return _run(options)
    except PlanError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); say nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # the last resort: never a traceback in front of a user
        if os.environ.get("SMARKETING_DEBUG"):
            raise
        return _fail(
            f"unexpected error: {type(error).__name__}: {error} "
            "(set SMARKETING_DEBUG=1 to see the details)"
        )


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return code


def _run(options: argparse.Namespace) -> int:
    if options.command == "demo":
        from planner.demo import build_demo

        path = build_demo(
            options.path, size=options.size, seed=options.seed, overwrite=options.force
        )
        print(f"Wrote the {options.size} demo plan (seed {options.seed}) to {path}")
        return 0

    if options.command == "chart":
        from planner.charts.files import chart_format

        chart_format(options.output)  # refuse a bad file name before reading the plan
    if options.command == "brief":
        from planner.workbook.files import check_target

        check_target(options.output, suffix=".pdf", kind="a plan on a page")

    from planner.plan import Plan

    if options.command == "import":
        return _import(options)
    if options.command == "rollover":
        from planner.cli.rollover import run_rollover

        with Plan.open(options.plan, read_only=True) as plan:  # it is not changed
            print(run_rollover(plan, options))
        return 0

    if options.command == "version":
        from planner.cli.versions import READING, run_version

        with Plan.open(options.plan, read_only=options.action in READING) as plan:
            print(run_version(plan, options))
        return 0
    if options.command == "phase":
        from planner.cli.phase import run_phase
        from planner.cli.versions import chosen_version, version_line

        with (
            Plan.open(options.plan, read_only=options.dry_run) as working,
            chosen_version(working, options.version_name) as plan,
        ):
            if plan.version is not None:
                print(version_line(plan.version))
            print(run_phase(plan, options))
        return 0
    if options.command == "compare":
        from planner.cli.compare import run_compare

        with Plan.open(options.plan, read_only=True) as plan:
            print(run_compare(plan, options))
        return 0

    from planner.analysis import Analysis
    from planner.cli.versions import chosen_version, version_line

    with (
        Plan.open(options.plan, read_only=True) as working,
        chosen_version(working, options.version_name) as plan,
    ):
        if plan.version is not None and not getattr(options, "json", False):
            print(version_line(plan.version))
        analysis = Analysis.in_sql(plan)  # one question, one pass: summed in SQL
        if options.command == "export":
            from planner.cli.export import run_export

            print(run_export(plan, options))
            return 0
        if options.command == "brief":
            from planner.cli.brief import run_brief

            print(run_brief(analysis, options))
            return 0
        if options.command == "chart":
            from planner.cli.chart import write_chart

            print(write_chart(analysis, options))
            return 0
        if options.command == "summary":
            from planner.cli.summary import summary_json, summary_text

            by = options.returns_by
            print(summary_json(analysis, by) if options.json else summary_text(analysis, by))
            return 0
        from planner.checks import Severity, run_checks
        from planner.cli.check import findings_json, findings_text

        findings = run_checks(analysis)
        print(findings_json(findings, plan.version) if options.json else findings_text(findings))
        return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else 0


def _import(options: argparse.Namespace) -> int:
    from planner.cli.importing import run_import
    from planner.cli.versions import chosen_version
    from planner.plan import Plan

    with (
        Plan.open(options.plan, read_only=options.dry_run) as working,
        chosen_version(working, options.version_name) as plan,
    ):
        version = plan.version
        if version is not None and version.locked and not options.dry_run:
            # As in the app: nothing aimed at a locked version changes anything, even the
            # actuals it shares with the working plan.
            return _fail(
                f"{plan.where}: a locked version cannot change; import into the working "
                "plan (its actuals are shared by every version), or add --dry-run to preview"
            )
        # Actuals are shared by every version: the rows are read against the version's
        # initiatives, and their actuals written to the working plan's.
        outcome = run_import(plan, options, into=working)
    print(outcome.report)
    if outcome.refusal is not None:
        return _fail(outcome.refusal)
    return EXIT_FINDINGS if options.dry_run and outcome.had_rejected else 0
