"""The one atomic write (the cache, the config file): the old content or the new, never a temp file left."""

from __future__ import annotations

import pytest

from dispatchtui import atomic, config


def test_a_write_replaces_the_whole_file_and_creates_its_folder(tmp_path):
    target = tmp_path / "new" / "folder" / "entry.json"
    atomic.write_text(target, "первое")
    atomic.write_text(target, "второе")
    assert target.read_text(encoding="utf-8") == "второе"
    assert [p.name for p in target.parent.iterdir()] == ["entry.json"]


def test_a_failed_write_keeps_the_old_content_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "entry.json"
    atomic.write_text(target, "старое")
    with pytest.raises(ValueError):  # a lone surrogate: UTF-8 cannot encode it
        atomic.write_text(target, "новое \udc80")
    assert target.read_text(encoding="utf-8") == "старое"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]


def test_the_config_file_is_written_through_it_and_a_bad_value_is_false_not_an_exception(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    assert config.save_theme("nord") and config.load_theme() == "nord"
    assert config.save_theme("bad \udc80") is False
    assert config.load_theme() == "nord"
    assert [p.name for p in (tmp_path / "config").iterdir()] == ["config.json"]
