"""What importing a part of dispatchtui pulls in, measured in a fresh interpreter (``sys.modules``).

The core is UI-free (no Textual or Rich behind ``import dispatchtui.analysis`` or any other core module), and
the heavy NLP (the NER model, the morphology, the article extractor) loads where it is used: never when the
command line starts, never in the reader's process, whose analysis runs in a process of its own (see
``app/analyst.py``). The layering itself is checked by ``lint-imports`` (contracts in pyproject.toml); these
tests lock in what is deferred at run time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import dispatchtui

UI = ("textual", "rich")
#: the NER model and its stack, the morphology, the tokenizer, the HTML article extractor, the feed parser
NLP = ("natasha", "slovnet", "navec", "numpy", "pymorphy3", "razdel", "trafilatura", "lxml", "feedparser")
CORE = (
    "model",
    "paths",
    "analysis",
    "load",
    "formats",
    "cache",
    "export",
    "cite",
    "search",
    "pipeline",
    "batch",
    "config",
    "clipboard",
)

TEXT = "Визит в Душанбе\n\nДУШАНБЕ, 16 февраля. Министр прибыл в Душанбе. «Мы ценим партнёрство», — сказал министр.\n"


def imported_after(code: str, watch: tuple[str, ...], **env: str) -> list[str]:
    """The top-level packages of ``watch`` present in ``sys.modules`` after running ``code`` in a fresh
    interpreter that imports this checkout's dispatchtui."""
    script = textwrap.dedent(code) + textwrap.dedent(f"""
        import json as _json, sys as _sys
        print(_json.dumps(sorted({{m.split(".")[0] for m in _sys.modules}} & set({list(watch)!r}))))
        """)
    src = str(Path(dispatchtui.__file__).resolve().parents[1])
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]), **env)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_analysis_pulls_no_ui_and_no_model():
    assert imported_after("import dispatchtui.analysis", UI + NLP) == []


def test_no_core_module_pulls_the_ui():
    code = "\n".join(f"import dispatchtui.{name}" for name in CORE)
    assert imported_after(code, UI) == []


def test_the_command_line_starts_without_the_ui_or_the_nlp():
    code = """
        from dispatchtui import cli
        cli.build_parsers()
        """
    assert imported_after(code, UI + NLP) == []


def test_the_app_module_imports_no_nlp():
    assert imported_after("import dispatchtui.app.app", NLP) == []


READER = """
    import asyncio, time
    from dispatchtui import load
    from dispatchtui.app.app import DispatchApp

    async def main():
        app = DispatchApp([{path!r}], loader=load, theme="textual-dark", system_clipboard=False, lang="en",
                          analysis_process=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "Душанбе" in app.screen.dispatch.text      # the dispatch is on screen
            {wait}
        app.session.close()

    asyncio.run(main())
    """

WAIT_FOR_ANALYSIS = """t = time.monotonic()
            while app.screen.state != "ready" and time.monotonic() - t < 90:
                await pilot.pause(0.1)
            assert app.screen.state == "ready", app.screen.state"""


def _reader(tmp_path, wait: str) -> list[str]:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    return imported_after(
        READER.format(path=str(f), wait=wait),
        NLP,
        DISPATCHTUI_CACHE_DIR=str(tmp_path / "cache"),
        DISPATCHTUI_CONFIG_DIR=str(tmp_path),
    )


def test_the_readers_first_paint_loads_no_nlp(tmp_path):
    assert _reader(tmp_path, "pass") == []


def test_the_reader_stays_free_of_nlp_after_the_analysis_came_back(tmp_path):
    """The analysis ran in its own process (it loads the model there): the reader's process never did."""
    assert _reader(tmp_path, WAIT_FOR_ANALYSIS) == []
