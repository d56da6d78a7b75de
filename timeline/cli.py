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
            say(str(err), err=True)
            say(f"Error: {err.summary}", err=True)
            sys.exit(err.exit_code)
        except TimelineError as err:
            say(f"Error: {err}", err=True)
            sys.exit(err.exit_code)

    return wrapper  # type: ignore[return-value]


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """click.echo for text that quotes the user's data: control characters made visible."""
    from timeline.terminal import printable

    click.echo(printable(text), err=err, nl=nl)


def echo_warnings(warnings: list[Any]) -> None:
    for warning in warnings:
        say(str(warning), err=True)


class LazyProgress:
    """A progress bar on stderr that appears when the core first reports (done, total).

    Silent when stderr is not a terminal, so logs and pipes stay clean.
    """

    def __init__(self, label: str):
        self.label = label
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            hidden = not sys.stderr.isatty()
            self.bar = click.progressbar(
                length=total, label=self.label, file=sys.stderr, hidden=hidden
            )
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def __enter__(self) -> LazyProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.group(name="timeline", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="timeline")
@click.option("-v", "--verbose", count=True, help="Say more about what is happening (-vv: debug).")
def cli(verbose: int) -> None:
    """Turn political news into a trustworthy, sourced timeline.

    \b
    The timeline lives in events.yaml, which you edit by hand:
      timeline init [DIR]          start a project: events.yaml explained, templates
      timeline extract ARTICLE...  find dated, sourced events in news and merge them
      timeline add "DATE: TITLE"   append an event, e.g. "October 15, 2020: X resigns"
      timeline import FILE         events from TimelineJS (JSON, or its sheet as CSV)
      timeline list                the events in order, as a table (--key: key events)
      timeline digest              the key days and their events, for editors
      timeline serve               preview the site; it reloads as you save
      timeline validate            check events.yaml, every problem at once
      timeline build               publish it as a static site in output/
      timeline export -f FORMAT    json, csv, ics, timelinejs or graphml
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
    say(
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

    with LazyProgress("Writing pages") as progress:
        report = build_site(events_path, output_dir, strict=strict, progress=progress)
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
    help="Write to this file instead of standard output. A file that looks like a "
    "timeline (events.yaml, any .yaml or .yml) is never overwritten without --force.",
)
@click.option("--force", is_flag=True, help="Overwrite --output even if it looks like a timeline.")
@reports_errors
def export(events_path: str, fmt: str, output_file: str, force: bool) -> None:
    """Export the ordered timeline as data for other tools.

    \b
    Examples:
      timeline export --format json > events.json
      timeline export --format ics -o crisis.ics
    """
    from timeline.exports import check_output, export_timeline, write_export

    if output_file != "-":
        check_output(output_file, events_path, force=force)
    data = export_timeline(events_path, fmt)
    if output_file == "-":
        click.echo(data, nl=False)
    else:
        write_export(output_file, data)
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

    run_tag(list(files), published, fmt, sys.stdout, sys.stdin)


# -- the editing loop: init, add, list, serve -------------------------------------------


def _type_names() -> list[str]:
    from timeline.vocabulary import TYPE_NAMES  # a small table; keeps the top imports light

    return list(TYPE_NAMES)


TYPE_CHOICES = _type_names()


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--title", default="My timeline", show_default=True, help="The timeline's title.")
@reports_errors
def init(directory: str, title: str) -> None:
    """Start a timeline project in DIRECTORY (default: here).

    Creates events.yaml (valid as it stands, every field explained in
    comments, one commented example event), events.schema.json for your
    editor, site_templates/README.md on overriding the site's templates, and a
    .gitignore. Refuses to overwrite anything; then nothing is written.

    \b
    Example:
      timeline init kyrgyzstan-2020 --title "Kyrgyzstan's October 2020 crisis"
      cd kyrgyzstan-2020 && timeline serve
    """
    from timeline.project import init_project

    for path in init_project(directory, title):
        click.echo(f"created {path}")


@cli.command()
@click.argument("phrase")
@EVENTS_OPTION
@click.option(
    "--type",
    "event_type",
    type=click.Choice(TYPE_CHOICES),
    metavar="TYPE",
    help="The event's type; guessed from the title's words when left out. "
    f"One of: {', '.join(TYPE_CHOICES)}.",
)
@click.option("--actor", "actors", multiple=True, metavar="NAME", help="Who is involved (repeat).")
@click.option("--source", metavar="ID", help="The source that reports it: an id under 'sources:'.")
@click.option(
    "--source-url",
    metavar="URL",
    help="Cite the source at this http(s) link instead; it is added under 'sources:' "
    "when the file has no source with that link.",
)
@click.option(
    "--source-title",
    metavar="TEXT",
    help="The headline of the --source-url source, when it is new (default: its address).",
)
@click.option("--quote", metavar="TEXT", help="The words in that source that say so.")
@reports_errors
def add(
    phrase: str,
    events_path: str,
    event_type: str | None,
    actors: tuple[str, ...],
    source: str | None,
    source_url: str | None,
    source_title: str | None,
    quote: str | None,
) -> None:
    """Append the event PHRASE describes ('DATE: TITLE') to events.yaml.

    The date may be in words or ISO; a date that could be read two ways
    (03/04/2020), has no year or does not exist (2024-02-30) is refused rather
    than guessed. Every event cites a source: --source names one defined under
    'sources:', --source-url cites a link (defining the source when it is new).
    The same title on the same day is refused: it is there already. The id is
    made from the title and kept unique. Comments and layout of the file are
    kept; nothing is written unless the file still validates. Prints the new id.

    \b
    Examples:
      timeline add "October 15, 2020: President Jeenbekov resigns" \\
          --source tass-2020-10-21 --quote "Jeenbekov stepped down" --actor "Sooronbay Jeenbekov"
      timeline add "October 2020: Talks on a new constitution" --type meeting --source reporting
      timeline add "2020-10-06: Election results annulled" \\
          --source-url https://example.org/annulled --source-title "Vote annulled"
    """
    from timeline.add import add_event

    added = add_event(
        events_path,
        phrase,
        event_type=event_type,
        actors=actors,
        source=source,
        quote=quote,
        source_url=source_url,
        source_title=source_title,
    )
    if added.source_created:
        click.echo(f"defined source '{added.source_created}' for {source_url}", err=True)
    guessed = " (guessed; use --type to choose)" if added.type_guessed else ""
    click.echo(f"added {added.date} {added.type}{guessed} to {events_path}", err=True)
    click.echo(added.id)


@cli.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--events",
    "events_path",
    default="events.yaml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The timeline file to import into (created if missing).",
)
@click.option(
    "--skip-bad",
    is_flag=True,
    help="Import the rows that can be read and report the others, instead of stopping.",
)
@reports_errors
def import_command(file: str, events_path: str, skip_bad: bool) -> None:
    """Import the events of a TimelineJS timeline into events.yaml.

    FILE is TimelineJS JSON, or TimelineJS's spreadsheet template saved as CSV
    (columns Year, Month, Day, ..., Headline, Text, Media, Media Credit, Media
    Caption, Type, Group). Dates become EDTF (a span when there is an end date),
    HTML becomes plain text, a Group that names a type becomes the type (else a
    tag, and the type is guessed from the headline), and each event cites a new
    source made from FILE. Every row that cannot be read is reported with its
    line; then nothing is written (or, with --skip-bad, the rest is imported).
    Events already in events.yaml are not added twice. A file written by
    'timeline export --format timelinejs' imports back to the same events.

    \b
    Examples:
      timeline import newsroom-timeline.json
      timeline import "Timeline template - Sheet1.csv" --events crisis/events.yaml
      timeline import sheet.csv --skip-bad
    """
    from timeline.imports import import_file

    report = import_file(file, events_path, skip_bad=skip_bad)
    echo_warnings(report.warnings)
    click.echo(report.summary())


@cli.command(name="list")
@EVENTS_OPTION
@click.option("--from", "date_from", metavar="DATE", help="Only events that may fall on or after.")
@click.option("--to", "date_to", metavar="DATE", help="Only events that may fall on or before.")
@click.option(
    "--type",
    "event_type",
    type=click.Choice(TYPE_CHOICES),
    metavar="TYPE",
    help="Only this type (resignation, election, ...).",
)
@click.option("--actor", metavar="NAME", help="Only events with an actor whose name contains this.")
@click.option(
    "--key",
    "key_only",
    is_flag=True,
    help="Only the key events: pinned with 'key: true', or scoring at least the learned "
    "threshold; adds an importance column.",
)
@click.option(
    "--top", type=int, metavar="N", help="Only the N most important events (implies --key)."
)
@reports_errors
def list_command(
    events_path: str,
    date_from: str | None,
    date_to: str | None,
    event_type: str | None,
    actor: str | None,
    key_only: bool,
    top: int | None,
) -> None:
    """Print the events as a table, in timeline order, with their inferred dates.

    Undated events show the window their 'after' relations place them in.
    Filters combine; dates are ISO (2020-10, 2020-10-05) or words. The table
    fits the terminal; set COLUMNS to change its width. Importance (0 to 1)
    comes from the number of articles reporting an event, how often its day is
    mentioned, lead paragraphs and its type; 'key: true/false' pins it.

    \b
    Examples:
      timeline list --from 2020-10-10 --to 2020-10-15
      timeline list --type resignation --actor japarov
      timeline list --key --top 10
    """
    import shutil

    from timeline.listing import Filters, list_events, parse_bound, render_table

    filters = Filters(
        start=parse_bound(date_from, "--from") if date_from else None,
        end=parse_bound(date_to, "--to") if date_to else None,
        event_type=event_type,
        actor=actor,
    )
    listing = list_events(events_path, filters, key=key_only, top=top)
    echo_warnings(listing.warnings)
    width = shutil.get_terminal_size((0, 0)).columns or None  # not a terminal: full width
    if listing.rows:
        click.echo(render_table(listing.rows, width, listing.scores), nl=False)
    click.echo(listing.summary() + ("" if listing.rows else " match"), err=True)


@cli.command()
@EVENTS_OPTION
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. One other machines can reach also needs --public.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0: any free."
)
@click.option(
    "--public",
    is_flag=True,
    help="Allow a --host that other machines can reach (0.0.0.0, ::, a LAN address): "
    "anyone who can reach it reads the draft timeline.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in your browser.")
@reports_errors
def serve(events_path: str, host: str, port: int, public: bool, open_browser: bool) -> None:
    """Preview the site; it rebuilds and every open page reloads when you save.

    Watches events.yaml, site_templates/ and the local files sources cite. A
    broken edit keeps the last good site and shows its errors, with line and
    column, in the page and here, until you fix it. Ctrl-C stops. It listens on
    this machine only, unless --host names another address and --public says so.

    \b
    Examples:
      timeline serve --open
      timeline serve --port 8001 --events crisis/events.yaml
      timeline serve --host 0.0.0.0 --public     # the whole network may read it
    """
    from timeline.serve import serve as run_server

    def ready(url: str) -> None:
        click.echo(f"Serving {events_path} at {url} (Ctrl-C to stop)")
        if open_browser:
            click.launch(url)

    run_server(
        events_path,
        host,
        port,
        allow_public=public,
        on_ready=ready,
        say=lambda text: say(text, err=True),
        warn=lambda text: say(text, err=True),
    )


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--events",
    "events_path",
    default="events.yaml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The timeline file to merge into (created if missing).",
)
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for articles that do not state one.",
)
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff; write nothing.")
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Processes to use (at most one per article and four per core).",
)
@reports_errors
def extract(
    sources: tuple[str, ...], events_path: str, published: str | None, dry_run: bool, jobs: int
) -> None:
    """Find dated, sourced events in news articles and merge them into events.yaml.

    SOURCE is a .txt or .md file, an .html page, an http(s) URL, a folder (every
    article inside) or '-' for standard input. Events a person edited keep
    their edits; events a person deleted are listed under 'rejected:' and not
    added again. Running twice on the same input changes nothing.

    \b
    Examples:
      timeline extract article.txt
      timeline extract articles/ --jobs 2 --dry-run
      curl -s URL | timeline extract - --published 2020-10-21
    """
    from timeline.exceptions import InputError
    from timeline.extract.pipeline import run_extract
    from timeline.extract.sources import expand, read_stdin

    stdin_text = read_stdin(_binary_stdin()) if "-" in sources else None
    total = len(expand(list(sources)))
    hidden = not sys.stderr.isatty()  # silent when the output is not a terminal
    with click.progressbar(length=total, label="Extracting", file=sys.stderr, hidden=hidden) as bar:
        summary = run_extract(
            list(sources),
            events_path,
            published=published,
            dry_run=dry_run,
            jobs=jobs,
            progress=bar.update,
            stdin_text=stdin_text,
        )
    if dry_run:
        click.echo(summary.diff or f"{events_path}: no changes", nl=not summary.diff)
    say(summary.text())
    if summary.written:
        click.echo(f"wrote {events_path}", err=True)
    if total and not summary.articles_read:
        raise InputError(f"no source could be read ({total} skipped); {events_path} is unchanged")


def _binary_stdin() -> Any:
    """Standard input as bytes: decoding is the core's job (bad UTF-8 must not pass)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    import io

    return io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))


@cli.command()
@click.argument(
    "events_path", metavar="EVENTS", default="events.yaml", type=click.Path(dir_okay=False)
)
@click.option("--top", default=10, show_default=True, type=int, metavar="N", help="Days to show.")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="md: a Markdown table, one line per event (day, title, sources); json: with scores.",
)
@reports_errors
def digest(events_path: str, top: int, fmt: str) -> None:
    """Print the top N days of EVENTS (default: events.yaml) with their key events.

    Days rank by their most important event (see 'timeline list --help'); each
    shows its best event and up to two more key events of the day. A day the
    articles mention often but with no event extracted is shown as a gap.

    \b
    Examples:
      timeline digest --top 20
      timeline digest crisis/events.yaml --format json > digest.json
    """
    from timeline.digest import make_digest, render

    result = make_digest(events_path, top)
    echo_warnings(result.warnings)
    click.echo(render(result, fmt), nl=False)


def main() -> None:
    cli(prog_name="timeline")
