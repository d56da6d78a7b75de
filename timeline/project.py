"""``timeline init``: a new project folder that validates and teaches its own format.

The field explanations in the new events.yaml are generated from the schema's
descriptions, and the template README from the installed default templates, so
neither can drift from what the code accepts.
"""

from __future__ import annotations

import logging
import os
import textwrap
from pathlib import Path

from timeline.exceptions import TimelineError
from timeline.schema import EVENT, SOURCE, SOURCE_REF, TOP, schema_text
from timeline.vocabulary import TYPE_NAMES

log = logging.getLogger(__name__)

EVENTS_FILE = "events.yaml"
SCHEMA_FILE = "events.schema.json"
TEMPLATES_README = "site_templates/README.md"
GITIGNORE = ".gitignore"
WIDTH = 100

EXAMPLE_SOURCE = """\
#   tass-2020-10-21:
#     title: Japarov stresses Russia's part in calming the situation in Kyrgyzstan
#     publisher: TASS
#     published: 2020-10-21
"""

EXAMPLE_EVENT = """\
#   - id: jeenbekov-resigns
#     title: President Sooronbay Jeenbekov resigns
#     date: 2020-10-15
#     type: resignation
#     actors: [Sooronbay Jeenbekov]
#     places: [Kyrgyzstan]
#     summary: >-
#       Facing continued pressure from Japarov's supporters, Jeenbekov
#       announces he is leaving office, saying he wants to avoid bloodshed.
#     sources:
#       - source: tass-2020-10-21
#         quote: "On October 15, Kyrgyz President Sooronbay Jeenbekov stepped down"
#     tags: [presidency]
"""


class ProjectExists(TimelineError):
    """``timeline init`` would overwrite files that are already there."""


def init_project(directory: str | os.PathLike[str] = ".", title: str = "My timeline") -> list[Path]:
    """Create events.yaml, its schema, site_templates/README.md and .gitignore in ``directory``.

    Writes nothing if any of them exists already. Returns the files created.
    """
    from timeline.add import check_text

    check_text(title, "--title")
    folder = Path(directory)
    files = {
        EVENTS_FILE: events_text(title),
        SCHEMA_FILE: schema_text(),
        TEMPLATES_README: templates_readme(),
        GITIGNORE: "output/\n.events.yaml.lock\n",
    }
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        raise ProjectExists(
            f"{_where(folder)} already has {', '.join(existing)}; nothing was written "
            "(move them away, or run 'timeline init' in another folder)"
        )
    created: list[Path] = []
    (folder / "site_templates").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        with open(path, "x", encoding="utf-8", newline="") as handle:  # "x": never overwrite
            handle.write(text)
        created.append(path)
        log.info("created %s", path)
    return created


def _where(folder: Path) -> str:
    return "this folder" if folder in (Path("."), Path("")) else f"'{folder}'"


# -- events.yaml --------------------------------------------------------------------------


def events_text(title: str) -> str:
    """The new events.yaml: valid as it stands, with every field explained in comments."""
    quoted = title.replace("'", "''")
    return (
        f"# yaml-language-server: $schema={SCHEMA_FILE}\n"
        "#\n"
        "# A sourced timeline, edited by hand. Each line starting with # is a comment.\n"
        '#   timeline add "October 15, 2020: President Jeenbekov resigns" --source ID\n'
        "#   timeline validate     check this file: every problem, with its line\n"
        "#   timeline serve        preview the site; it reloads whenever you save\n"
        "#   timeline build        publish the site into output/\n"
        "#\n"
        f"# Your editor can complete and check fields through {SCHEMA_FILE}.\n"
        "\n" + _fields("The fields at the top", TOP, skip=("sources", "events")) + "\n"
        f"title: '{quoted}'\n"
        "description: >-\n"
        "  What this timeline covers, in a sentence or two for readers.\n"
        "\n" + _fields("sources: where facts come from, by a short id (a slug)", SOURCE) + "#\n"
        "# Replace {} with your sources, for example:\n"
        "#\n"
        "# sources:\n" + EXAMPLE_SOURCE + "sources: {}\n"
        "\n"
        + _fields("events: one entry per thing that happened, in any order", EVENT)
        + _fields("Each entry under an event's sources", SOURCE_REF, indent="#   ")
        + "#\n"
        "# 'timeline add' appends events here; to write one by hand, replace [] and follow\n"
        "# this example (it needs the example source above):\n"
        "#\n"
        "# events:\n" + EXAMPLE_EVENT + "events: []\n"
    )


def _fields(
    heading: str, section: dict[str, object], *, skip: tuple[str, ...] = (), indent: str = "# "
) -> str:
    properties = section["properties"]
    assert isinstance(properties, dict)
    required = set(section.get("required", ()))  # type: ignore[call-overload]
    names = [name for name in properties if name not in skip]
    width = max(len(name) for name in names) + 2
    lines = [f"{indent}{heading}:"]
    for name in names:
        lines += _field_lines(name, properties[name], name in required, indent, width)
    return "\n".join(lines) + "\n"


def _field_lines(
    name: str, spec: dict[str, object], required: bool, indent: str, width: int
) -> list[str]:
    if name == "type":
        text = "One of: " + ", ".join(TYPE_NAMES) + " ('timeline schema' says what each means)."
    else:
        text = str(spec.get("description", ""))
    if required:
        text += " Required."
    prefix = f"{indent}  {name:<{width}}"
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=prefix,
        subsequent_indent=indent + " " * (width + 2),
        break_on_hyphens=False,
    )


# -- site_templates/README.md -------------------------------------------------------------


def templates_readme() -> str:
    """How to override the default templates, listing each default and its blocks."""
    listing = "\n".join(
        f"- `{name}`: " + (", ".join(f"`{b}`" for b in blocks) if blocks else "no blocks")
        for name, blocks in default_blocks()
    )
    return f"""# Your own site templates

Templates in this folder replace the defaults that `timeline build` and `timeline serve`
use. A file here with the same name as a default template replaces it whole. To change
only part of a page, extend the default and override one block:

```jinja
{{% extends "default:base.html" %}}
{{% block footer %}}Edited by the Bishkek desk.{{% endblock %}}
```

The `default:` prefix always means the template that ships with `timeline`, so your
version can build on it. `timeline serve` reloads open pages when you save a file here.

Text is escaped for you. Pass data to scripts only through `|tojson`, and never mark
text from events.yaml `|safe`.

## The default templates and their blocks

{listing or "(none installed)"}
"""


def default_blocks() -> list[tuple[str, list[str]]]:
    """Each installed default template (relative name) with the blocks it defines."""
    import jinja2
    from jinja2 import nodes

    from timeline.site.templates import default_template_dir

    folder = default_template_dir()
    env = jinja2.Environment(autoescape=True)
    result: list[tuple[str, list[str]]] = []
    for path in sorted(folder.rglob("*.html")):
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except jinja2.TemplateSyntaxError as err:  # pragma: no cover - shipped templates parse
            log.warning("cannot read blocks of %s: %s", path, err)
            continue
        blocks = [block.name for block in tree.find_all(nodes.Block)]
        result.append((path.relative_to(folder).as_posix(), blocks))
    return result
