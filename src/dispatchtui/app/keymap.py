"""The user's keymap: ``"keymap"`` in the config file maps a command id (``reader.find``, see
:mod:`.commands`) to the keys that run it instead of its default ones (``"ctrl+f"``, ``"ctrl+f,f3"``).

Textual applies it (``App.set_keymap``) through the ids the bindings carry: a command with several default
keys has one binding per key (``article.down``, ``article.down#1`` …), and the user's keys replace all of
them. Entries that cannot be used are left out and listed, so that the app can say so once."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .commands import Cmd

#: modifiers Textual puts before a key name ("ctrl+shift+f")
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def known_key(key: str) -> bool:
    """Is ``key`` something a terminal can send in Textual's naming (``f``, ``F``, ``ctrl+f``, ``f3``,
    ``slash``, ``question_mark``, ``?``)?"""
    mods, name = _split(key)
    if not name or any(m not in MODIFIERS for m in mods):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    from textual.keys import REPLACED_KEYS, key_to_character

    return name in _key_names() or name in REPLACED_KEYS or key_to_character(name) is not None


@lru_cache(maxsize=1)
def _key_names() -> frozenset[str]:
    """Textual's names of the keys that are no character (``enter``, ``pagedown``, ``f3`` …)."""
    from textual.keys import Keys

    return frozenset(k.value for k in Keys)


def user_keymap(raw: object, tables: Iterable[Iterable[Cmd]]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """``(keymap for App.set_keymap, problems)`` from the config's ``"keymap"`` value; ``tables``: the command
    tables (:data:`.commands.TABLES`). A problem is ``(what, why)``, ``why`` one of ``not_a_table``,
    ``unknown_id``, ``not_keys``, ``bad_key``, ``clash`` (one key for two commands of one table: the
    keymap's command gets it, as Textual applies keymaps)."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [("keymap", "not_a_table")]
    rows = [tuple(t) for t in tables]
    counts = {c.id: len(c.keys.split(",")) for table in rows for c in table}
    wanted: dict[str, list[str]] = {}
    problems: list[tuple[str, str]] = []
    for cmd_id, value in raw.items():
        if not isinstance(cmd_id, str) or cmd_id not in counts:
            problems.append((str(cmd_id), "unknown_id"))
            continue
        keys = [k.strip() for k in value.split(",")] if isinstance(value, str) else []
        if not keys or any(not k for k in keys):
            problems.append((cmd_id, "not_keys"))
            continue
        bad = [k for k in keys if not known_key(k)]
        if bad:
            problems.append((f"{cmd_id}: {', '.join(bad)}", "bad_key"))
            continue
        wanted[cmd_id] = [normal_key(k) for k in keys]
    problems += _clashes(rows, wanted)
    keymap: dict[str, str] = {}
    for cmd_id, keys in wanted.items():
        for n in range(counts[cmd_id]):  # every binding of the command: the user's keys replace them all
            keymap[cmd_id if n == 0 else f"{cmd_id}#{n}"] = ",".join(keys)
    return keymap, problems


def _clashes(tables: list[tuple[Cmd, ...]], wanted: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Keys the keymap gives to a command while another command of the same table has them too."""
    out = []
    for table in tables:
        owner: dict[str, str] = {}
        for c in table:
            for key in wanted.get(c.id) or [normal_key(k) for k in c.keys.split(",")]:
                other = owner.setdefault(key, c.id)
                if other != c.id and (c.id in wanted or other in wanted):
                    out.append((f"{key}: {other}, {c.id}", "clash"))
    return out


def normal_key(key: str) -> str:
    """Textual's name of a key written as its character (``?`` → ``question_mark``, ``/`` → ``slash``)."""
    mods, name = _split(key)
    if len(name) == 1 and not name.isalnum():
        import unicodedata

        from textual.keys import KEY_NAME_REPLACEMENTS

        spoken = unicodedata.name(name, name).lower().replace("-", "_").replace(" ", "_")
        name = KEY_NAME_REPLACEMENTS.get(spoken, spoken)
    return "+".join([*mods, name])


def describe(problems: list[tuple[str, str]], path: str) -> str:
    """One notice for every problem of the keymap in the config file at ``path``."""
    from .i18n import tr

    return "\n".join([tr("keymap_problems", path=path), *(tr(f"keymap_{why}", what=what) for what, why in problems)])


def _split(key: str) -> tuple[list[str], str]:
    """``ctrl+shift+f`` → ``(["ctrl", "shift"], "f")``; the plus key itself: ``+``, ``ctrl++``."""
    if key.endswith("+") and (key == "+" or key.endswith("++")):
        return (key[:-2].split("+") if len(key) > 1 else []), "+"
    *mods, name = key.split("+")
    return mods, name
