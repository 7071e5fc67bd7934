"""Clipboard helpers. The app sends OSC 52 itself (``App.copy_to_clipboard``); this module adds the
system clipboard through pyperclip where a backend exists. A missing backend is not an error."""

from __future__ import annotations


def copy_system(text: str) -> bool:
    """Copy to the system clipboard via pyperclip. True on success, False when there is no backend
    (headless server, SSH session without X/Wayland) or anything else goes wrong."""
    try:
        import pyperclip
    except ImportError:  # pragma: no cover - pyperclip is a dependency
        return False
    try:
        pyperclip.copy(text)
    except Exception:  # noqa: BLE001 - a backend is whatever the machine offers (xclip, wl-copy, Qt, ctypes): none may raise past a copy
        return False
    return True


def preview(text: str, width: int = 40) -> str:
    """A one-line preview of copied text for notifications."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
