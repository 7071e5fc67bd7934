"""Shared test setup: the analysis cache never touches the user's cache dir during tests."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path_factory.mktemp("dispatchtui-cache")))
