"""The stylesheets are found one way (``importlib.resources``, see ``app.app.styles_dir``) in a source checkout,
where ``dispatchtui/styles`` links to the top-level ``styles/``, and in an installed wheel, which carries the
files themselves."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import dispatchtui
from dispatchtui.app.app import DispatchApp, styles_dir

ROOT = Path(__file__).resolve().parents[1]
FROM_CHECKOUT = Path(dispatchtui.__file__).resolve().parents[1] == ROOT / "src"


@pytest.mark.skipif(not FROM_CHECKOUT, reason="dispatchtui is not imported from this source checkout")
def test_a_source_checkout_uses_the_top_level_styles_folder():
    assert styles_dir().resolve() == (ROOT / "styles").resolve()
    assert [Path(p).resolve() for p in DispatchApp.CSS_PATH] == [(ROOT / "styles" / "app.tcss").resolve()]


@pytest.mark.slow
@pytest.mark.skipif(not FROM_CHECKOUT, reason="builds the wheel of this source checkout")
def test_an_installed_wheel_carries_the_stylesheet_and_the_app_starts_with_it(tmp_path):
    pytest.importorskip("hatchling")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("dispatchtui-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = {name for name in zf.namelist() if name.endswith(".tcss")}
        assert shipped == {"dispatchtui/styles/app.tcss"}
        assert zf.read("dispatchtui/styles/app.tcss") == (ROOT / "styles" / "app.tcss").read_bytes()
    site = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    dispatch = tmp_path / "a.txt"
    dispatch.write_text("Визит в Душанбе\n\nМинистр прибыл в Душанбе.\n", encoding="utf-8")
    # the installed copy first on the path (Textual and the rest come from this environment)
    script = textwrap.dedent(f"""
        import asyncio, sys
        sys.path.insert(0, {str(site)!r})
        import dispatchtui
        from dispatchtui.app.app import DispatchApp, styles_dir
        assert dispatchtui.__file__.startswith({str(site)!r}), dispatchtui.__file__
        assert str(styles_dir()).startswith({str(site)!r}) and (styles_dir() / "app.tcss").is_file()

        async def main():
            app = DispatchApp([{str(dispatch)!r}], analyser=lambda d: d.with_(analysed=True), theme="textual-dark",
                              system_clipboard=False, lang="en")
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert "Душанбе" in app.screen.dispatch.text
            print("started")

        asyncio.run(main())
        """)
    env = dict(os.environ, DISPATCHTUI_CONFIG_DIR=str(tmp_path / "config"), DISPATCHTUI_CACHE_DIR=str(tmp_path / "c"))
    env.pop("PYTHONPATH", None)
    ran = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env
    )
    assert ran.returncode == 0 and ran.stdout.strip().endswith("started"), ran.stderr
