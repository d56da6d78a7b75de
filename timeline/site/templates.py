"""The template loader: a project's own templates first, then the defaults.

As in datasette, a project folder (the one holding events.yaml) may have a
``site_templates/`` folder. A template there replaces the default of the same
name, and can extend the default it replaces through the ``default:`` prefix::

    {% extends "default:base.html" %}
    {% block footer %}Edited by the Bishkek desk.{% endblock %}

Autoescaping is always on; data reaches scripts only through ``|tojson``.
Template errors become :class:`~timeline.exceptions.BuildError` naming the
template and line.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import jinja2

import timeline
from timeline.exceptions import BuildError
from timeline.site.urls import safe_url

TEMPLATE_DIR_NAME = "site_templates"


def default_template_dir() -> Path:
    """The installed defaults (``timeline/site_templates`` in a wheel) or the checkout's."""
    package = Path(timeline.__file__).parent
    installed = package / TEMPLATE_DIR_NAME
    return installed if installed.is_dir() else package.parent / TEMPLATE_DIR_NAME


def make_environment(project_dir: Path | None = None) -> jinja2.Environment:
    """A jinja2 environment whose loader prefers ``project_dir/site_templates``."""
    default = str(default_template_dir())
    search = [default]
    if project_dir is not None and (project_dir / TEMPLATE_DIR_NAME).is_dir():
        search.insert(0, str(project_dir / TEMPLATE_DIR_NAME))
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(search),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(default)}, delimiter=":"),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["safe_url"] = safe_url
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["counted"] = counted
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    return env


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """'1 event', '2 events', '1,024 sources': a number and its noun, agreeing."""
    return f"{number:,} {noun if number == 1 else (plural or noun + 's')}"


def get_template(env: jinja2.Environment, name: str) -> jinja2.Template:
    """Load (and compile, once) a template; syntax errors become located BuildErrors."""
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as err:
        where = f"{_display(err.filename or err.name or name)}:{err.lineno}"
        raise BuildError(f"{where}: template error: {err.message}") from err
    except jinja2.TemplateNotFound as err:
        raise BuildError(f"template not found: {err.name}") from err


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render; any error inside the template names the template file and line."""
    try:
        return template.render(context)
    except BuildError:
        raise
    except jinja2.TemplateSyntaxError as err:
        where = f"{_display(err.filename or err.name or template.name or '?')}:{err.lineno}"
        raise BuildError(f"{where}: template error: {err.message}") from err
    except Exception as err:
        where = _template_frame(err) or (template.name or "?")
        raise BuildError(f"{where}: template error: {type(err).__name__}: {err}") from err


def _template_frame(err: BaseException) -> str | None:
    """The innermost template file and line in the traceback (jinja2 rewrites frames)."""
    found = None
    for frame in traceback.extract_tb(err.__traceback__):
        if frame.filename.endswith((".html", ".htm", ".xml", ".svg", ".txt")):
            found = f"{_display(frame.filename)}:{frame.lineno}"
    return found


def _display(filename: str) -> str:
    """A template path as a reader knows it: 'default:event.html' or 'site_templates/x.html'."""
    path = Path(filename)
    default = default_template_dir()
    try:
        return f"default:{path.relative_to(default).as_posix()}"
    except ValueError:
        pass
    parts = path.parts
    if TEMPLATE_DIR_NAME in parts:
        at = len(parts) - 1 - parts[::-1].index(TEMPLATE_DIR_NAME)
        return "/".join(parts[at:])
    return filename
