"""Shared fixtures. Each area keeps its fixtures in its own marked block."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Shared CI machines are slow and busy: judge properties by their results, not by timing.
settings.register_profile("default", deadline=None)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The read-only ../shared folder beside the checkout (TIMELINE_SHARED overrides)."""
    return Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    """../shared, or skip the test when it is not there."""
    folder = shared_dir()
    if not folder.is_dir():
        pytest.skip(f"third-party corpora not found at {folder} (set TIMELINE_SHARED)")
    return folder


@pytest.fixture
def write_events(tmp_path: Path):
    """Write events.yaml text into a temporary project and return its path."""

    def write(text: str, name: str = "events.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


# --- site/browser fixtures ---
