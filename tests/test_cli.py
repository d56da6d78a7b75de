"""The command itself: help, version, entry points, and that --help stays light."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import __version__
from timeline.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"timeline, version {__version__}\n"


def test_every_command_has_help_that_teaches():
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 40, name
        assert "Usage: timeline " + name in result.stdout


def test_group_help_lists_the_main_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("validate", "build", "schema"):
        assert name in result.stdout


def test_python_dash_m_works():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"timeline, version {__version__}"


def test_help_imports_no_heavy_modules():
    code = (
        "import sys; from timeline.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('networkx', 'jinja2', 'plotly', 'dateparser', 'ruamel.yaml',"
        " 'jsonschema') if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_unknown_command_exits_2():
    result = CliRunner().invoke(cli, ["nope"])
    assert result.exit_code == 2
    assert "No such command 'nope'" in result.stderr


@pytest.mark.slow
def test_wheel_contains_templates_schema_and_every_module(tmp_path):
    pytest.importorskip("build")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "-o",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("timeline-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "timeline/events.schema.json" in names
    templates = {p.relative_to(ROOT).as_posix() for p in (ROOT / "site_templates").rglob("*")}
    for template in templates:
        if (ROOT / template).is_file() and not template.endswith((".pyc",)):
            assert f"timeline/{template}" in names, template
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "timeline").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
