"""Shared test setup: the analysis cache never touches the user's cache dir during tests."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path_factory.mktemp("dispatchtui-cache")))


@pytest.fixture
def folder(tmp_path):
    """A small library: three dispatches, two of them mentioning Рахмон (library and search tests)."""
    d = tmp_path / "wire"
    d.mkdir()
    (d / "1.txt").write_text("Путин провёл встречу\n\nПрезидент России встретился с Рахмоном.\n", encoding="utf-8")
    (d / "2.txt").write_text("Погода в Москве\n\nДожди и ветер.\n", encoding="utf-8")
    (d / "3.txt").write_text("Визит в Душанбе\n\nРахмон принял министра. Рахмона поздравили.\n", encoding="utf-8")
    return d
