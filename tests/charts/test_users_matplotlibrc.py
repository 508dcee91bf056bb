"""The charts and the plan on a page are drawn with matplotlib's own settings, whatever the
user's matplotlibrc says: analysts keep one, and ``text.usetex: True`` there made every chart
fail without LaTeX ("unexpected error"), while its sizes and colours restyled the charts."""

from __future__ import annotations

from cli_support import smarketing

USERS_RC = "text.usetex: True\nfont.size: 30\naxes.facecolor: red\nlines.linewidth: 8\n"


def config_folder(tmp_path, name: str, rc: str | None = None) -> dict[str, str]:
    """The environment of a process whose matplotlib reads ``rc`` as the user's matplotlibrc."""
    folder = tmp_path / name
    folder.mkdir()
    if rc is not None:
        (folder / "matplotlibrc").write_text(rc)
    return {"MPLCONFIGDIR": str(folder)}


def test_a_users_matplotlibrc_neither_breaks_nor_restyles_a_chart(tmp_path, demo_path):
    chart = ("chart", demo_path, "--kind", "revenue", "-o")
    plain = smarketing(*chart, tmp_path / "plain.png", env=config_folder(tmp_path, "plain"))
    users = config_folder(tmp_path, "users", USERS_RC)

    drawn = smarketing(*chart, tmp_path / "users.png", env=users)

    assert plain.returncode == 0, plain.stderr
    assert drawn.returncode == 0, drawn.stderr
    assert (tmp_path / "users.png").read_bytes() == (tmp_path / "plain.png").read_bytes()


def test_a_users_matplotlibrc_does_not_break_the_plan_on_a_page(tmp_path, demo_path):
    users = config_folder(tmp_path, "users", USERS_RC)

    written = smarketing("brief", demo_path, "-o", tmp_path / "page.pdf", env=users)

    assert written.returncode == 0, written.stderr
    assert (tmp_path / "page.pdf").read_bytes().startswith(b"%PDF")
