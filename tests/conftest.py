"""Shared test setup: the analysis cache and the config never touch the user's dirs during tests, and the
Hypothesis profiles.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` (the default) is derandomized, so every run of the suite tries
the same examples and CI is repeatable; ``deep`` is derandomized too, with 10x the examples of every
property test: the long run before a release (``bash .ci/deep``), whose findings are pinned as regression
cases next to the property that found them.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

#: examples per property test, times the count each test names (see :func:`examples`)
PROFILE_SCALE = {"ci": 1, "deep": 10}
settings.register_profile(
    "ci", derandomize=True, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep",
    derandomize=True,
    deadline=None,
    print_blob=True,
    max_examples=10 * settings.default.max_examples,
    suppress_health_check=[HealthCheck.too_slow],
)
# a misspelt grammeme (``t.case == "gen"``) raises in the tests (see analysis.morph._plain_grammemes)
os.environ["DISPATCHTUI_CHECKED_GRAMMEMES"] = "1"
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in PROFILE_SCALE:
    raise pytest.UsageError(f"HYPOTHESIS_PROFILE={PROFILE!r}: choose one of {', '.join(PROFILE_SCALE)}")
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """``n`` examples under ``ci``, ``10 * n`` under ``deep``: for ``@settings(max_examples=examples(n))``."""
    return n * PROFILE_SCALE[PROFILE]


def pytest_xdist_auto_num_workers(config) -> int:
    """``-n auto``: two workers per core. The app and CLI tests spend most of their time waiting (for frames,
    timers, a child process loading the model), so one worker per core leaves the cores half idle."""
    return 2 * (os.cpu_count() or 1)


@pytest.fixture(autouse=True)
def _isolated_cache_dir(tmp_path_factory, monkeypatch):
    """Each test its own cache and config dirs: never the user's, never another xdist worker's."""
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path_factory.mktemp("dispatchtui-cache")))
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path_factory.mktemp("dispatchtui-config")))


@pytest.fixture
def folder(tmp_path):
    """A small library: three dispatches, two of them mentioning Рахмон (library and search tests)."""
    d = tmp_path / "wire"
    d.mkdir()
    (d / "1.txt").write_text("Путин провёл встречу\n\nПрезидент России встретился с Рахмоном.\n", encoding="utf-8")
    (d / "2.txt").write_text("Погода в Москве\n\nДожди и ветер.\n", encoding="utf-8")
    (d / "3.txt").write_text("Визит в Душанбе\n\nРахмон принял министра. Рахмона поздравили.\n", encoding="utf-8")
    return d
