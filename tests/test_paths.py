"""File names are bytes: the one path rule (dispatchtui.paths) and ``extract`` on any name.

A name that is not UTF-8 is shown escaped (``\\xff``) on stderr and in the markdown digest, exact in JSON
(``source`` with U+FFFD, ``source_bytes`` in base64), and every output names the file it came from so
that it can be found again. An unexpected error is one line for its file, never a traceback.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dispatchtui import cli
from dispatchtui.load import Loaded, load_path
from dispatchtui.paths import (
    display_path,
    json_source,
    parse_display_path,
    path_bytes,
    path_from_bytes,
    printable,
    source_from_json,
    valid_utf8,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "01_kaztoday_kosherbaev-v-dushanbe.txt"
SEED_BYTES = SEED.read_bytes()

#: bytes a file name may hold (all but "/" and NUL), with the troublesome ones drawn more often: bytes
#: that are never UTF-8, lead and continuation bytes, ESC, BEL, DEL, C1 as UTF-8, RLO, backslash, backtick,
#: space, a dash, Cyrillic
_TRICKY = [
    0xFF,
    0xFE,
    0x80,
    0xBF,
    0xC0,
    0xC2,
    0xE2,
    0xED,
    0xF0,
    0x1B,
    0x07,
    0x7F,
    0x0A,
    0x0D,
    0x5C,
    0x60,
    0x20,
    0x2D,
    0x2E,
    0x3A,
    0xD0,
    0xB0,
]
_BYTE = st.one_of(st.integers(1, 255).filter(lambda b: b != 0x2F), st.sampled_from(_TRICKY))
_CHUNKS = st.one_of(
    st.lists(_BYTE, min_size=1, max_size=6).map(bytes),
    st.sampled_from(
        ["Москва".encode(), "\u0085".encode(), "\u202e".encode(), b"\xed\xa0\x80", "😀".encode(), b"\\x41", b"``", b" "]
    ),
)
NAMES = (
    st.lists(_CHUNKS, min_size=1, max_size=6).map(b"".join).filter(lambda b: b not in (b".", b"..") and len(b) <= 200)
)

FAST = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


# --------------------------------------------------------------------------------------------- the rule


@given(NAMES)
@FAST
def test_the_rule_is_lossless_and_printable(raw):
    path = path_from_bytes(raw)
    assert path_bytes(path) == raw
    shown = display_path(path)
    assert shown.isprintable() and shown == shown.strip()  # (survives a strip: edge spaces are \x20)
    shown.encode("utf-8")  # never a lone surrogate
    assert parse_display_path(shown) == path
    source, source_bytes = json_source(path)
    source.encode("utf-8")
    assert source_from_json(source, source_bytes) == path
    assert (source_bytes is None) == valid_utf8(path)
    if source_bytes is None:
        assert source == path
    else:
        assert source == raw.decode("utf-8", "replace") and base64.b64decode(source_bytes) == raw


@pytest.mark.parametrize(
    "raw, shown",
    [
        (b"bad\xff.txt", "bad\\xff.txt"),
        (b"x\x1b[31m.txt", "x\\x1b[31m.txt"),
        ("a\u0085b".encode(), "a\\u0085b"),  # C1 as UTF-8: not confused with a byte 0x85
        (b"a\x85b", "a\\x85b"),
        ("evil\u202etxt.exe".encode(), "evil\\u202etxt.exe"),  # a bidi override is shown, not obeyed
        (b"back\\slash", "back\\\\slash"),
        ("Москва 1.txt".encode(), "Москва 1.txt"),
        (b"  two spaces . ", "\\x20\\x20two spaces .\\x20"),
    ],
)
def test_display_examples(raw, shown):
    assert display_path(path_from_bytes(raw)) == shown


def test_printable_keeps_backslashes_and_escapes_bytes():
    assert printable("C:\\x \x1b \udcff") == "C:\\x \\x1b \\xff"


def test_a_hand_made_surrogate_is_kept_too():
    assert parse_display_path(display_path("a\ud800b")) == "a\ud800b"
    assert json_source("a\ud800b")[0].encode("utf-8")


# --------------------------------------------------------------------------------------------- extract


def run_main(argv: list[str], **env) -> tuple[int, str, str]:
    """``dispatchtui`` in this process with stdout/stderr as a terminal or pipe would take them (strict
    UTF-8 bytes): the output must be valid UTF-8 or writing it raises."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", newline="\n")
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="strict", newline="\n")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        code = cli.main(argv)
    finally:
        sys.stdout, sys.stderr = saved
        stdout.flush()
        stderr.flush()
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


def _markdown_source(md: str) -> str:
    """The name on the digest's ``source:`` line: a CommonMark code span, unescaped."""
    line = next(x for x in md.split("\n") if "source: `" in x)
    span = line[line.index("source: `") + len("source: ") :]
    fence = re.match(r"`+", span).group()
    assert span.endswith(fence)
    inner = span[len(fence) : -len(fence)]
    if len(inner) > 2 and inner[0] == inner[-1] == " " and inner.strip(" "):
        inner = inner[1:-1]
    return parse_display_path(inner)


@given(NAMES)
@example(b"bad\xff.txt")
@FAST
def test_extract_finds_any_name_again_in_every_format(raw):
    """A good file and an empty one under the same name: the record names the good one (jsonl, json,
    markdown), the error line the empty one, both exactly; nothing raises, everything is UTF-8."""
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp)
        for sub, data in ((b"good", SEED_BYTES), (b"empty", b"")):
            os.mkdir(os.path.join(root, sub))
            with open(os.path.join(root, sub, raw), "wb") as fh:
                fh.write(data)
        good, empty = (path_from_bytes(os.path.join(root, sub, raw)) for sub in (b"good", b"empty"))
        text = load_path(good)
        assert isinstance(text, Loaded)
        for fmt in ("jsonl", "json", "markdown"):
            code, out, err = run_main(["extract", good, empty, "--format", fmt])
            assert code == 1, err  # the empty file failed, the good one did not
            assert "Traceback" not in err
            lines = err.split("\n")[:-1]
            assert (
                len(lines) == 1 and lines[0].startswith("dispatchtui: ") and lines[0].endswith(": empty (no text)")
            ), lines
            shown = lines[0][len("dispatchtui: ") : -len(": empty (no text)")]
            assert path_bytes(parse_display_path(shown)) == os.fsencode(empty)
            if fmt == "markdown":
                found = _markdown_source(out)
            else:
                # (split at "\n" only: str.splitlines also breaks at U+0085 and U+2028, which JSON keeps raw)
                recs = [json.loads(x) for x in out.split("\n") if x] if fmt == "jsonl" else json.loads(out)
                assert len(recs) == 1 and recs[0]["text"] == text.text
                found = source_from_json(recs[0]["source"], recs[0]["source_bytes"])
            assert path_bytes(found) == os.fsencode(good)
            assert load_path(found) == text  # the dispatch, found again from the output


@pytest.mark.slow
def test_the_reproduction_exits_0_in_every_format(tmp_path):
    """The issue's reproduction, as a user runs it (a subprocess, a folder, the name in a real argv)."""
    import subprocess

    os.mkdir(tmp_path / "in")
    with open(os.path.join(os.fsencode(tmp_path / "in"), b"bad\xff.txt"), "wb") as fh:
        fh.write(SEED_BYTES)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISPATCHTUI_")}
    env.update(DISPATCHTUI_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=os.pathsep.join(sys.path))
    for fmt in ("jsonl", "json", "markdown"):
        p = subprocess.run(
            [sys.executable, "-m", "dispatchtui", "extract", str(tmp_path / "in"), "--format", fmt],
            capture_output=True,
            env=env,
            timeout=300,
        )
        assert (p.returncode, p.stderr) == (0, b""), p.stderr.decode("utf-8", "replace")
        out = p.stdout.decode("utf-8")
        if fmt == "markdown":
            assert "source: `" + str(tmp_path / "in") + "/bad\\xff.txt`" in out and "## Quotes" in out
        else:
            rec = json.loads(out)[0] if fmt == "json" else json.loads(out)
            assert rec["source"].endswith("/bad\ufffd.txt") and rec["quotes"]
            assert base64.b64decode(rec["source_bytes"]).endswith(b"/bad\xff.txt")


# --------------------------------------------------------------------------------------------- the guard


@pytest.fixture
def files(tmp_path, monkeypatch):
    """Four dispatches (the second named in bytes that are not UTF-8), a cheap stand-in for the analysis (the
    guard is under test, not the model)."""
    import dispatchtui.analysis as analysis

    monkeypatch.setattr(analysis, "analyze", lambda d, **kw: d.with_(analysed=True))  # (kw: on_stage)
    paths = []
    for i, name in enumerate((b"1.txt", b"2\xff.txt", b"3.txt", b"4.txt")):
        p = os.path.join(os.fsencode(tmp_path), name)
        with open(p, "wb") as fh:
            fh.write(f"Новость {i}\n\nМОСКВА, 8 августа. /ТАСС/. Текст номер {i}.\n".encode())
        paths.append(path_from_bytes(p))
    return paths


def _boom_on(monkeypatch, module, name: str, victim: str):
    real = getattr(module, name)

    def boom(d, *a, **k):
        if (d if isinstance(d, str) else d.source) == victim:
            raise RuntimeError("boom \x1b[31m")
        return real(d, *a, **k)

    monkeypatch.setattr(module, name, boom)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "markdown"])
@pytest.mark.parametrize("where", ["load", "serialize"])
def test_an_unexpected_error_is_one_line_and_the_rest_goes_on(files, monkeypatch, fmt, where):
    import dispatchtui.export as export
    import dispatchtui.load as load

    victim = files[1]
    if where == "load":
        _boom_on(monkeypatch, load, "load_path", victim)
    else:
        _boom_on(
            monkeypatch,
            export,
            {"jsonl": "to_json_line", "json": "json_array_item", "markdown": "to_markdown"}[fmt],
            victim,
        )
    code, out, err = run_main(["extract", *files, "--format", fmt, "--no-cache"])
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"dispatchtui: {display_path(victim)}: ") and "RuntimeError: boom \\x1b[31m" in lines[0]
    assert "/1.txt" in out and "/3.txt" in out and "/4.txt" in out
    assert "2\\xff.txt" not in out and "2\ufffd.txt" not in out  # (markdown / json shows of the victim)
    if fmt == "json":
        assert len(json.loads(out)) == 3
    code, _, err = run_main(["extract", *files, "--format", fmt, "--no-cache", "--debug"])
    assert code == 1 and "Traceback" in err and "RuntimeError: boom" in err


def test_an_error_in_a_worker_process_is_that_file_only(files, monkeypatch):
    import dispatchtui.load as load

    _boom_on(monkeypatch, load, "load_path", files[1])
    code, out, err = run_main(["extract", *files, "--jobs", "2", "--no-cache"])  # 4 tasks: a pool of 2
    assert code == 1 and "Traceback" not in err
    assert [json.loads(x)["text"].split()[-1] for x in out.splitlines()] == ["0.", "2.", "3."]
    assert err.startswith(f"dispatchtui: {display_path(files[1])}: analysis failed (RuntimeError: boom")
    assert len(err.splitlines()) == 1


def test_an_error_outside_any_file_is_one_line(monkeypatch):
    import dispatchtui.load as load

    def broken(paths):
        raise KeyError("oops")

    monkeypatch.setattr(load, "discover", broken)
    code, out, err = run_main(["extract", "x.txt"])
    assert (code, out) == (1, "")
    assert err == "dispatchtui: internal error: KeyError: 'oops' (--debug shows where)\n"
    code, out, err = run_main(["extract", "x.txt", "--debug"])
    assert code == 1 and "Traceback" in err and err.rstrip().endswith("KeyError: 'oops'")


def test_the_cache_takes_a_name_that_is_not_utf8(tmp_path, monkeypatch):
    """The cache entry is written (it was the first thing to crash) and read back under the exact name."""
    from dispatchtui import cache
    from dispatchtui.analysis import segment

    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path / "cache"))
    name = path_from_bytes(b"dir/bad\xff.txt")
    d = segment("Заголовок\n\nТекст номер один.", source=name).with_(analysed=True)
    cache.put(d)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1
    got = cache.get(segment(d.text, source=name))
    assert got is not None and path_bytes(got.source) == b"dir/bad\xff.txt"


def test_a_huge_dispatch_is_written_piece_by_piece_with_the_same_bytes(files, monkeypatch):
    import dispatchtui.export as export

    code, whole, err = run_main(["extract", *files, "--no-cache"])
    assert code == 0 and not err
    monkeypatch.setattr(export, "PIECEWISE_CHARS", 10)  # every one of the four counts as huge
    monkeypatch.setattr(export, "to_json_line", None)  # so the whole-line writer is never called
    code, pieces, err = run_main(["extract", *files, "--no-cache"])
    assert code == 0 and not err
    assert pieces == whole and len(pieces.splitlines()) == 4


def test_near_shows_a_path_under_the_working_directory_relative(tmp_path, monkeypatch):
    from dispatchtui.paths import near

    monkeypatch.chdir(tmp_path)
    assert near(str(tmp_path / "news" / "a.txt")) == "news/a.txt"
    assert near("/elsewhere/a.txt") == "/elsewhere/a.txt"
    assert near("news/a.txt") == "news/a.txt"
