"""Pilot tests: a file name in any bytes is shown exactly (``paths.display_path``) by the library, the
reader's status line and the notices, and the file is found again from what is shown."""

from __future__ import annotations

import asyncio
import io
import os
import sys
import tempfile
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.widgets import Static

from app_fakes import FakeLoader, make_app, settle
from dispatchtui.app.screens.library import LibraryScreen
from dispatchtui.app.screens.reader import ReaderScreen
from dispatchtui.app.widgets.safe import visible
from dispatchtui.paths import display_path, parse_display_path, path_bytes, path_from_bytes
from test_paths import NAMES

#: not UTF-8 for the fake loader: the row shows its file name and an error, opening it is a notice
BROKEN = b"\xff\xfe broken \xc3\x28"
GOOD = "Заголовок {i}\n\nТекст номер {i}.\n"


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))


async def _check_names(names: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp)
        broken, good = [], []
        for sub, out in ((b"broken", broken), (b"good", good)):
            os.mkdir(os.path.join(root, sub))
            for i, raw in enumerate(names):
                p = os.path.join(root, sub, raw)
                with open(p, "wb") as fh:
                    fh.write(BROKEN if sub == b"broken" else GOOD.format(i=i).encode())
                out.append(path_from_bytes(p))
        paths = broken + good
        told: list[str] = []
        real_notify = App.notify

        def spy(self, message, **kwargs):  # what reaches Textual, after DispatchApp.notify
            told.append(message)
            return real_notify(self, message, **kwargs)

        app = make_app(paths)
        with mock.patch.object(App, "notify", spy):
            async with app.run_test(size=(250, 4 * len(paths) + 6)) as pilot:
                await settle(pilot)
                screen = app.screen
                assert isinstance(screen, LibraryScreen)
                lst = screen.list
                for row, path in enumerate(paths):
                    text = lst.row_text(row)
                    if path in broken:  # the file name stands in for its headline
                        shown = display_path(os.path.basename(path))
                        assert lst.source(row).headline == shown and shown in text, (text, shown)
                        assert path_bytes(parse_display_path(shown)) == os.path.basename(os.fsencode(path))
                    else:  # the headline, whatever the file is called
                        assert lst.source(row).headline in text, text
                # open the first broken one: a notice names it exactly
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, ReaderScreen) and app.screen.dispatch is None
                reason = visible(FakeLoader().load_path(broken[0]).reason)
                notice = next(m for m in told if m.startswith("Cannot open "))
                assert notice.endswith(f": {reason}"), notice
                shown = notice[len("Cannot open ") : -len(f": {reason}")]
                assert parse_display_path(shown) == broken[0]
                # a good one in the reader: the status line names it exactly
                app.screen.show(len(broken))
                await settle(pilot)
                status = str(app.screen.query_one("#status", Static).render())
                head = f"{len(broken) + 1}/{len(paths)}  "
                assert status.startswith(head + display_path(good[0])), status
                rest = status[len(head) + len(display_path(good[0])) :]
                assert rest == "" or rest.startswith("  "), status
                status.encode("utf-8")
                for m in told:
                    m.encode("utf-8")  # nothing unwritable reached the notices


@pytest.mark.slow
@given(st.lists(NAMES.filter(lambda b: len(b) <= 40), min_size=1, max_size=3, unique=True))
@example([b"bad\xff.txt", b"x\x1b[31m\\.txt"])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_library_reader_and_notices_show_any_name_exactly(names):
    asyncio.run(_check_names(names))


def test_run_app_with_nothing_to_open_names_it_exactly(tmp_path):
    """The reader's entry point on a missing file in bytes that are not UTF-8: one line, exact, UTF-8."""
    from dispatchtui.app import run_app

    missing = path_from_bytes(os.path.join(os.fsencode(tmp_path), b"gone\xff\x1b.txt"))
    err = io.BytesIO()
    strict = io.TextIOWrapper(err, encoding="utf-8", errors="strict")
    saved, sys.stderr = sys.stderr, strict
    try:
        assert run_app([missing], lang="en") == 2
    finally:
        sys.stderr = saved
        strict.flush()
    line = err.getvalue().decode("utf-8")
    assert line.startswith("Cannot open ") and line.endswith(": no such file or folder\n"), line
    assert parse_display_path(line[len("Cannot open ") : -len(": no such file or folder\n")]) == missing
