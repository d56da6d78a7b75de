"""``timeline serve``: a live preview of the site that rebuilds and reloads on every save.

See :mod:`timeline.serve.server` for the loop, :mod:`timeline.serve.livereload`
for how pages reload and show errors, :mod:`timeline.serve.loader` for the
incremental reading of events.yaml and :mod:`timeline.serve.watcher` for the
file watcher.
"""

from timeline.serve.server import DevServer, ServeError, is_loopback, serve

__all__ = ["DevServer", "ServeError", "is_loopback", "serve"]
