"""timeline: turn political news into a trustworthy, sourced timeline."""

__version__ = "0.1.0"
