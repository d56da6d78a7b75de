"""The `timeline` command line: a thin layer over the core modules.

Every command imports its core module inside the function, so `--help` stays
instant. Core errors (:class:`timeline.exceptions.TimelineError`) become a
message on stderr and a non-zero exit; nothing here knows how work is done.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from timeline import __version__

F = TypeVar("F", bound=Callable[..., Any])

EVENTS_OPTION = click.option(
    "--events",
    "events_path",
    default="events.yaml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The timeline file to read.",
)


def reports_errors(func: F) -> F:
    """Turn core errors into located messages on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from timeline.exceptions import TimelineError, ValidationError

        try:
            return func(*args, **kwargs)
        except ValidationError as err:
            click.echo(str(err), err=True)
            click.echo(f"Error: {err.summary}", err=True)
            sys.exit(err.exit_code)
        except TimelineError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(err.exit_code)

    return wrapper  # type: ignore[return-value]


def echo_warnings(warnings: list[Any]) -> None:
    for warning in warnings:
        click.echo(str(warning), err=True)


@click.group(name="timeline", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="timeline")
@click.option("-v", "--verbose", count=True, help="Say more about what is happening (-vv: debug).")
def cli(verbose: int) -> None:
    """Turn political news into a trustworthy, sourced timeline.

    \b
    The timeline lives in events.yaml, which you edit by hand:
      timeline validate            check events.yaml, every problem at once
      timeline build               publish it as a static site in output/
      timeline tag ARTICLE         show the dates found in an article
      timeline schema              print the JSON Schema of events.yaml

    Run 'timeline COMMAND --help' for the details of each command.
    """
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("path", default="events.yaml", type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True, help="Treat warnings (such as unknown keys) as errors.")
@reports_errors
def validate(path: str, strict: bool) -> None:
    """Check PATH (default: events.yaml) and report every problem at once.

    Problems are printed as FILE:LINE:COLUMN: message, with a hint where one
    helps. Errors exit with status 1; warnings are printed to stderr and exit 0
    unless --strict is given.

    \b
    Example:
      $ timeline validate
      events.yaml:12:11: event 'vote': date '2020-02-30' is not a real day ...
    """
    from timeline.validate import load_timeline

    timeline, warnings = load_timeline(path, strict=strict)
    echo_warnings(warnings)
    dated = sum(1 for e in timeline.events if e.date is not None)
    click.echo(
        f"{path}: OK, {len(timeline.events)} events ({dated} dated), "
        f"{len(timeline.sources)} sources" + (f", {len(warnings)} warnings" if warnings else "")
    )


@cli.command()
def schema() -> None:
    """Print the JSON Schema of events.yaml.

    Point your editor at it for completion and checking, e.g. with the YAML
    language server, add as the first line of events.yaml:

    \b
      # yaml-language-server: $schema=events.schema.json
    and save the schema beside it:
      timeline schema > events.schema.json
    """
    from timeline.schema import schema_text

    click.echo(schema_text(), nl=False)


@cli.command()
@EVENTS_OPTION
@click.option(
    "--output",
    "-o",
    "output_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to build into; replaced whole, only when the build succeeds.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@reports_errors
def build(events_path: str, output_dir: str, strict: bool) -> None:
    """Publish the timeline as a static site that opens offline.

    Validates events.yaml, orders the events, and renders index.html (the
    interactive chart and the chronological list), one page per event, actor
    and source, a graph page and data downloads into --output. A project's own
    site_templates/ folder, beside events.yaml, overrides any default template.
    The previous output stays in place if anything fails.

    \b
    Example:
      timeline build && open output/index.html
    """
    from timeline.site.build import build_site

    report = build_site(events_path, output_dir, strict=strict)
    echo_warnings(report.warnings)
    click.echo(report.summary())


@cli.command()
@EVENTS_OPTION
@click.option(
    "--format",
    "-f",
    "fmt",
    required=True,
    type=click.Choice(["json", "csv", "ics", "timelinejs", "graphml"]),
    help="json: every event with inferred earliest/latest; csv: a spreadsheet; "
    "ics: a calendar; timelinejs: TimelineJS3 JSON; graphml: the 'after' graph.",
)
@click.option(
    "--output",
    "-o",
    "output_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write to this file instead of standard output.",
)
@reports_errors
def export(events_path: str, fmt: str, output_file: str) -> None:
    """Export the ordered timeline as data for other tools.

    \b
    Examples:
      timeline export --format json > events.json
      timeline export --format ics -o crisis.ics
    """
    from timeline.exports import export_timeline

    data = export_timeline(events_path, fmt)
    if output_file == "-":
        click.echo(data, nl=False)
    else:
        from pathlib import Path

        from timeline.store import atomic_write

        atomic_write(Path(output_file), data)
        click.echo(f"wrote {output_file} ({fmt})", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) to resolve 'yesterday' and 'on Monday' against. "
    "By default it is read from the document: a 'date YYYY-MM-DD' header, a "
    "dateline, or TimeML's <DCT>.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["json", "jsonl", "tml"]),
    default="json",
    show_default=True,
    help="json: one object per file; jsonl: one date expression per line; "
    "tml: the text with inline TimeML <TIMEX3> tags.",
)
@reports_errors
def tag(files: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Find and normalise every date expression in FILES ('-' reads stdin).

    Each expression gets its character span, type (DATE, TIME, DURATION, SET),
    TimeML value and, for dates, the earliest and latest day it covers.

    \b
    Example:
      timeline tag article.txt --format jsonl
      echo "He resigned on Monday." | timeline tag - --published 2020-10-21
    """
    from timeline.temporal.command import run_tag

    run_tag(
        list(files),
        published,
        fmt,
        click.get_text_stream("stdout"),
        click.get_text_stream("stdin"),
    )


def main() -> None:
    cli(prog_name="timeline")
