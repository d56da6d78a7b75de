"""Live reload: the shared build state, the long-poll answer and the script pages run.

Every served HTML page gets one ``<script src="/__livereload.js">`` tag (added
to the response, never to the built files). The script asks
``/__livereload?since=VERSION``; the server holds the request until the state
changes (or 25 s pass) and answers with the current build id and errors. A new
build id reloads the page; errors show an overlay, which goes away when they
are fixed. Long polling needs nothing beyond ``fetch`` and plain HTTP, works
through the stdlib server's threads, and reconnects by itself after a restart.
"""

from __future__ import annotations

import html
import json
import secrets
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

SCRIPT_PATH = "/__livereload.js"
POLL_PATH = "/__livereload"
POLL_TIMEOUT = 25.0  # seconds a poll is held open; below common proxy and browser limits


@dataclass(frozen=True)
class Snapshot:
    """What is being served: the last good build and the errors of the latest attempt."""

    version: str  # changes whenever anything below changes
    build: str | None  # id of the last good build; None before the first one
    site_dir: Path | None
    errors: tuple[str, ...] = ()
    site: Any = field(default=None, compare=False, repr=False)  # a LazySite: renders pages

    def as_json(self) -> str:
        return json.dumps({"version": self.version, "build": self.build, "errors": self.errors})


class BuildState:
    """The current :class:`Snapshot`, and a way to wait until it changes."""

    def __init__(self) -> None:
        self._token = secrets.token_hex(4)  # so ids never repeat across restarts
        self._counter = 0
        self._changed = threading.Condition()
        self._closed = False
        self._snapshot = Snapshot(self._next(), None, None)

    def _next(self) -> str:
        self._counter += 1
        return f"{self._token}-{self._counter}"

    @property
    def snapshot(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def publish_build(self, site_dir: Path, site: Any = None) -> Snapshot:
        """A build succeeded: serve it, clear the errors, reload every page."""
        with self._changed:
            version = self._next()
            self._snapshot = Snapshot(version, version, site_dir, (), site)
            self._changed.notify_all()
            return self._snapshot

    def publish_errors(self, errors: list[str]) -> Snapshot:
        """A build failed: keep serving the last good one and show ``errors``."""
        with self._changed:
            self._snapshot = replace(self._snapshot, version=self._next(), errors=tuple(errors))
            self._changed.notify_all()
            return self._snapshot

    def wait_for_change(self, since: str, timeout: float = POLL_TIMEOUT) -> Snapshot:
        """Return as soon as the version differs from ``since`` (or after ``timeout``)."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._closed or self._snapshot.version != since, timeout=timeout
            )
            return self._snapshot

    def close(self) -> None:
        """Release every waiting poll (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()


def inject(page: str, snapshot: Snapshot) -> str:
    """Add the live-reload script tag before ``</body>`` (or at the end)."""
    tag = (
        f'<script src="{SCRIPT_PATH}" data-build="{html.escape(snapshot.build or "")}" '
        "defer></script>\n"
    )
    at = page.lower().rfind("</body>")
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def placeholder_page(snapshot: Snapshot, status: str) -> str:
    """A page for when there is nothing to show (no good build yet, or no such file)."""
    return inject(
        "<!doctype html>\n<html lang=en><meta charset=utf-8>"
        f"<title>{html.escape(status)}</title>\n"
        f"<body><main><h1>{html.escape(status)}</h1>"
        "<p>This page reloads by itself when the site is rebuilt.</p></main></body></html>\n",
        snapshot,
    )


# The browser side. Errors are put in with textContent, never as HTML.
SCRIPT = r"""(function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : "";
  var since = "";
  var overlay = null;
  var ID = "timeline-livereload-overlay";

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = ID;
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(24,24,27,.94);color:#fafafa;padding:2rem;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
    var title = document.createElement("h2");
    title.style.cssText = "margin:0 0 .5rem;font:600 18px/1.3 system-ui,sans-serif;color:#fca5a5";
    title.textContent = "The timeline has errors: still showing the last good build";
    var note = document.createElement("p");
    note.style.cssText = "margin:0 0 1rem;font:14px/1.4 system-ui,sans-serif;color:#d4d4d8";
    note.textContent = "Fix the file and save; this page reloads by itself.";
    var list = document.createElement("pre");
    list.style.cssText = "margin:0;white-space:pre-wrap;color:#fecaca";
    list.textContent = errors.join("\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.cssText = "position:absolute;top:1rem;right:1rem;font:inherit";
    close.addEventListener("click", hide);
    overlay.append(title, note, list, close);
    document.body.appendChild(overlay);
  }

  // A page with the chart keeps Plotly loaded: fetch the new page, swap in its body and
  // run its scripts again, instead of reloading and parsing plotly.min.js (4.8 MB) anew.
  // Anything unexpected falls back to a full reload.
  function refresh(next) {
    var gd = document.getElementById("chart");
    if (!gd || !window.Plotly || !window.DOMParser) { window.location.reload(); return; }
    build = next;
    fetch(window.location.href, {cache: "no-store"})
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html");
        var y = window.scrollY;
        window.Plotly.purge(gd);
        hide();
        document.title = fresh.title;
        var body = document.adoptNode(fresh.body);
        var scripts = Array.prototype.slice.call(body.querySelectorAll("script"));
        document.body.replaceWith(body);
        scripts.forEach(function (old) {
          var src = old.getAttribute("src") || "";
          if (/plotly\.min\.js$/.test(src) || src.indexOf("__SCRIPT__") === 0) {
            return;  // Plotly is loaded already; this poller keeps running
          }
          var script = document.createElement("script");
          Array.prototype.forEach.call(old.attributes, function (a) {
            script.setAttribute(a.name, a.value);
          });
          script.async = false;  // in page order
          script.text = old.text;
          old.replaceWith(script);
        });
        window.scrollTo(0, y);
      })
      .catch(function () { window.location.reload(); });
  }

  function poll(delay) {
    window.setTimeout(function () {
      fetch("__POLL__?since=" + encodeURIComponent(since), {cache: "no-store"})
        .then(function (response) {
          if (!response.ok) { throw new Error("status " + response.status); }
          return response.json();
        })
        .then(function (state) {
          since = state.version;
          if (state.build && state.build !== build) { refresh(state.build); }
          if (state.errors.length) { show(state.errors); } else { hide(); }
          poll(0);
        })
        .catch(function () { poll(1000); });  // server restarting or gone: try again
    }, delay);
  }

  poll(0);
})();
""".replace("__POLL__", POLL_PATH).replace("__SCRIPT__", SCRIPT_PATH)
