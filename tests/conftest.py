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


def corpus_missing(reason: str) -> None:
    """Skip a test whose third-party corpus is missing; under CI=true, fail it instead:
    a CI run that silently skips its accuracy floors proves nothing."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; under CI=true a missing corpus is a failure", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, or skip the test when it is not there (fail under CI=true)."""
    folder = shared_dir()
    if not folder.is_dir():
        corpus_missing(f"third-party corpora not found at {folder} (set TIMELINE_SHARED)")
    return folder


@pytest.fixture(scope="session")
def corpus(shared: Path):
    """``corpus("corpora", "seed")``: that path under ../shared, or the test is skipped
    (failed under CI=true) when it is missing or empty."""

    def find(*parts: str) -> Path:
        path = shared.joinpath(*parts)
        if not path.exists() or (path.is_dir() and not any(path.iterdir())):
            corpus_missing(f"{path} not found (set TIMELINE_SHARED)")
        return path

    return find


@pytest.fixture
def write_events(tmp_path: Path):
    """Write events.yaml text into a temporary project and return its path."""

    def write(text: str, name: str = "events.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


# --- site/browser fixtures ---
# Browser tests drive Debian's Chromium (apt package "chromium") through Playwright.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"  # screenshots; git-ignored


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/expected/ from the current build (see tests/golden/README.md)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True with --update-golden or UPDATE_GOLDEN=1: golden tests rewrite instead of compare."""
    flag = bool(request.config.getoption("--update-golden"))
    return flag or os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium; skipped loudly when it is not installed, failed under CI=true."""
    if not CHROMIUM.exists():
        reason = (
            f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing; install it with "
            "'apt-get install -y chromium'"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
