"""A small JSON config file in the platform config dir (theme persistence, the article's measure, the
user's keymap).

``DISPATCHTUI_CONFIG_DIR`` overrides the location (tests point it at a tmp dir)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import atomic

ENV_VAR = "DISPATCHTUI_CONFIG_DIR"
FILENAME = "config.json"


def config_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("dispatchtui", appauthor=False))


def config_path() -> Path:
    return config_dir() / FILENAME


def load_config() -> dict:
    """The stored settings, or ``{}`` when there are none or the file is unreadable."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_config(changes: dict) -> bool:
    """Merge ``changes`` into the stored settings. False (never an exception) if it cannot be written."""
    data = load_config()
    data.update(changes)
    try:
        atomic.write_text(config_path(), json.dumps(data, ensure_ascii=False, indent=1))
    except (OSError, ValueError):  # ValueError: a value json or UTF-8 refuses (a lone surrogate)
        return False
    return True


def load_theme() -> str | None:
    theme = load_config().get("theme")
    return theme if isinstance(theme, str) else None


def save_theme(theme: str) -> bool:
    return save_config({"theme": theme})


def load_keymap() -> object:
    """The ``"keymap"`` entry as written (``{command id: keys}``; checked by ``app.keymap``), or None."""
    return load_config().get("keymap")


#: the article's default measure: lines of at most this many characters (comfortable reading)
DEFAULT_MEASURE = 100


def load_measure() -> int:
    """The article's measure in columns: ``DISPATCHTUI_MEASURE`` or ``"measure"`` in the config file, else
    :data:`DEFAULT_MEASURE`; ``0`` means no limit (the article takes all the width it gets)."""
    raw = os.environ.get("DISPATCHTUI_MEASURE")
    if raw is None:
        raw = load_config().get("measure", DEFAULT_MEASURE)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return DEFAULT_MEASURE
    return 0 if value <= 0 else max(30, value)
