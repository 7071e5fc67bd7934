"""The command line, end to end: ``python -m dispatchtui`` in a subprocess, a private cache dir every time."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import dispatchtui

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "01_kaztoday_kosherbaev-v-dushanbe.txt"
TASS = SAMPLES / "02_tass_raschistka-kunovki.txt"
NEWS = (
    "Расчистку реки завершат в 2020 году\n\n"
    "МОСКВА, 8 августа. /ТАСС/. Министерство экологии Подмосковья объявило конкурс по расчистке реки Куновки. "
    '"Работы завершатся в 2020 году", - сообщила пресс-служба ведомства.'
)


def run(args, tmp_path, *, stdin: bytes | None = None, env_extra: dict | None = None, cwd=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISPATCHTUI_")}
    env["DISPATCHTUI_CACHE_DIR"] = str(tmp_path / "cache")
    env["DISPATCHTUI_CONFIG_DIR"] = str(tmp_path / "config")
    env.update(env_extra or {})
    p = subprocess.run(
        [sys.executable, "-m", "dispatchtui", *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        cwd=cwd or tmp_path,
        timeout=300,
    )
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    return p.returncode, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


# --------------------------------------------------------------------------------------------- help, version


def test_help(tmp_path):
    code, out, err = run(["--help"], tmp_path)
    assert code == 0 and err == ""
    assert out.startswith("usage: dispatchtui")
    assert "extract" in out and "--encoding" in out and "--version" in out


def test_extract_help(tmp_path):
    code, out, _ = run(["extract", "--help"], tmp_path)
    assert code == 0
    assert "usage: dispatchtui extract" in out
    for word in ("jsonl", "json", "markdown", "--format", "--no-cache"):
        assert word in out


def test_version(tmp_path):
    code, out, _ = run(["--version"], tmp_path)
    assert code == 0 and out.strip() == f"dispatchtui {dispatchtui.__version__}"


# --------------------------------------------------------------------------------------------- usage errors (2)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["extract", str(TASS), "--format", "yaml"], "--format"),
        (["extract", str(TASS), "--encoding", "no-such-codec"], "unknown encoding"),
        (["extract", str(TASS), "--encoding", "base64"], "not a text encoding"),
        (["extract"], "PATH"),
        ([], "PATH"),
        (["extract", str(TASS), "--jobs", "0"], "--jobs"),
        (["extract", str(TASS), "--frobnicate"], "unknown option --frobnicate"),
        (["--bogus"], "unknown option --bogus"),  # named, not "PATH required"
        ([str(TASS), "--encoding", "no-such-codec"], "unknown encoding"),
    ],
    ids=[
        "format",
        "encoding",
        "non-text-codec",
        "extract-no-path",
        "no-path",
        "jobs",
        "unknown-option",
        "bogus",
        "read-encoding",
    ],
)
def test_usage_errors_exit_2(tmp_path, args, needle):
    code, out, err = run(args, tmp_path)
    assert code == 2
    assert out == ""
    assert needle in err
    assert not (tmp_path / "cache").exists()


def test_reader_refuses_without_terminal(tmp_path):
    code, out, err = run([TASS], tmp_path)
    assert code == 2
    assert "extract" in err and out == ""


# --------------------------------------------------------------------------------------------- bad inputs (1)


def test_bad_inputs_are_named_one_line_each_no_traceback(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_bytes(b"  \r\n\r\n\t\n")
    (bad / "loop.txt").symlink_to(bad / "loop.txt")
    (tmp_path / "nothing-here").mkdir()
    (tmp_path / "nothing-here" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    missing = tmp_path / "missing.txt"
    code, out, err = run(["extract", bad, tmp_path / "nothing-here", missing, "/dev/null"], tmp_path)
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    for name, reason in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("loop.txt", "symlink loop"),
        ("nothing-here", "no dispatches"),
        ("missing.txt", "no such file"),
        ("/dev/null", "not a regular file"),
    ]:
        hits = [ln for ln in lines if name in ln]
        assert len(hits) == 1, (name, err)
        assert reason in hits[0] and hits[0].startswith("dispatchtui: ")
    assert len(lines) == 7


def test_bad_inputs_json_format_still_prints_an_array(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(["extract", "--format", "json", tmp_path / "b.txt"], tmp_path)
    assert code == 1
    assert json.loads(out) == []
    assert "b.txt" in err and "binary" in err


def test_unusable_encoding_per_file(tmp_path):
    (tmp_path / "x.txt").write_bytes("Привет".encode("cp1251"))
    code, out, err = run(["extract", tmp_path / "x.txt", "--encoding", "idna"], tmp_path)
    assert code == 1 and out == ""
    assert "x.txt" in err and "idna" in err


def test_malformed_environment_is_not_fatal(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00" * 10)
    code, _, err = run(["extract", tmp_path / "b.txt"], tmp_path, env_extra={"DISPATCHTUI_MAX_BYTES": "lots"})
    assert code == 1 and "binary" in err


def test_error_message_survives_ascii_locale(tmp_path):
    code, out, err = run(["extract", tmp_path / "нет-такого.txt"], tmp_path, env_extra={"PYTHONIOENCODING": "ascii"})
    assert code == 1 and out == ""
    assert "no such file" in err


# --------------------------------------------------------------------------------------------- full runs
# These need the whole analysis (quotes, people, topics) to work.


def test_missing_path_named_and_others_processed(tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = run(["extract", missing, TASS], tmp_path)
    assert code == 1
    assert err.splitlines() == [f"dispatchtui: {missing}: no such file or folder"]
    recs = records(out)
    assert [r["source"] for r in recs] == [str(TASS)]


def test_all_fine_exit_0_jsonl(tmp_path):
    code, out, err = run(["extract", SEED, TASS], tmp_path)
    assert code == 0, err
    recs = records(out)
    assert [r["source"] for r in recs] == [str(SEED), str(TASS)]
    assert all(r["schema"] == "dispatchtui/2" for r in recs)
    assert len(recs[0]["paragraphs"]) == 19
    assert recs[1]["dateline"]["agency"] == "ТАСС"


def test_json_is_an_array(tmp_path):
    code, out, err = run(["extract", "--format", "json", TASS, SEED], tmp_path)
    assert code == 0, err
    arr = json.loads(out)
    assert isinstance(arr, list) and [o["source"] for o in arr] == [str(TASS), str(SEED)]


def test_markdown_has_headline(tmp_path):
    code, out, err = run(["extract", "--format", "markdown", TASS], tmp_path)
    assert code == 0, err
    first = out.splitlines()[0]
    assert first == "# Расчистку участка реки Куновки в Талдомском округе Подмосковья завершат в 2020 году"
    assert "МОСКВА, 8 августа, ТАСС" in out


def test_markdown_separates_dispatches(tmp_path):
    code, out, err = run(["extract", "--format", "markdown", TASS, SEED], tmp_path)
    assert code == 0, err
    assert out.count("\n---\n") == 1
    assert out.splitlines()[0].startswith("# Расчистку")


def test_stdin_dash(tmp_path):
    code, out, err = run(["extract", "-"], tmp_path, stdin=NEWS.encode("koi8-r"))
    assert code == 0, err
    (rec,) = records(out)
    assert rec["source"] == "-" and rec["encoding"] == "koi8-r"
    assert rec["text"] == NEWS
    assert rec["text"][rec["headline"]["start"] : rec["headline"]["end"]] == "Расчистку реки завершат в 2020 году"
    assert rec["dateline"]["place"] == "МОСКВА"


def test_stdin_garbage(tmp_path):
    code, out, err = run(["extract", "-"], tmp_path, stdin=bytes(range(256)) * 4)
    assert code == 1 and out == ""
    assert err.strip() == "dispatchtui: -: binary file, not text"


def test_folder_in_natural_order(tmp_path):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    shutil.copy(TASS, d / "10.txt")
    shutil.copy(TASS, d / "2.txt")
    (d / "sub" / "3.txt").write_text(NEWS, encoding="utf-8")
    (d / ".hidden.txt").write_text(NEWS, encoding="utf-8")
    code, out, err = run(["extract", d], tmp_path)
    assert code == 0, err
    assert [Path(r["source"]).relative_to(d).as_posix() for r in records(out)] == ["2.txt", "10.txt", "sub/3.txt"]


@pytest.mark.slow
def test_cache_is_written_and_reused_no_cache_writes_nothing(tmp_path):
    code, out1, err = run(["extract", "--no-cache", TASS], tmp_path)
    assert code == 0, err
    assert not (tmp_path / "cache").exists()
    code, out2, _ = run(["extract", TASS], tmp_path)
    assert code == 0 and out2 == out1
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1
    code, out3, _ = run(["extract", TASS], tmp_path)  # served from the cache, same bytes
    assert code == 0 and out3 == out1


@pytest.mark.slow
def test_input_files_untouched(tmp_path):
    src = tmp_path / "in.txt"
    shutil.copy(TASS, src)
    os.utime(src, (1_000_000_000, 1_000_000_000))
    before = (src.read_bytes(), src.stat().st_mtime_ns)
    code, _, err = run(["extract", src], tmp_path)
    assert code == 0, err
    assert (src.read_bytes(), src.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "in.txt"]


def test_markdown_digest_escapes_control_characters_in_the_source_path(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\x1b[31m.txt").write_text(
        "Заголовок\n\nТекст новости. «Мы готовы к переговорам», — сказал он.\n", encoding="utf-8"
    )
    env = {**os.environ, "DISPATCHTUI_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-m", "dispatchtui", "extract", str(folder), "--format", "markdown"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout
    assert "x\\x1b[31m.txt" in out.stdout


# --------------------------------------------------------------------------------------------- no hang, no runaway


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_folder_is_one_line_and_never_blocks(tmp_path):
    d = tmp_path / "dir"
    d.mkdir()
    (d / "1.txt").write_text(NEWS, encoding="utf-8")
    os.mkfifo(d / "f.txt")
    try:
        # run() has a timeout: the old loader blocked here forever, waiting for a writer
        code, out, err = run(["extract", "--no-cache", d], tmp_path)
    finally:
        try:
            os.close(os.open(d / "f.txt", os.O_WRONLY | os.O_NONBLOCK))  # release a blocked reader
        except OSError:
            pass
    assert code == 1
    assert [r["source"] for r in records(out)] == [str(d / "1.txt")]
    assert err.splitlines() == [f"dispatchtui: {d / 'f.txt'}: skipped: not a regular file (a named pipe (FIFO))"]


@pytest.mark.slow
def test_max_seconds_gives_up_on_one_file_with_one_line_and_the_rest_go_on(tmp_path):
    big = tmp_path / "big.txt"
    # ~9 MB: many minutes of analysis, far beyond the limit on any machine; the small files take a second
    big.write_text(("\n\n".join([SEED.read_text(encoding="utf-8")] * 1000)), encoding="utf-8")
    code, out, err = run(["extract", "--no-cache", "--max-seconds", "15", TASS, big, SEED], tmp_path)
    assert code == 1
    assert [Path(r["source"]).name for r in records(out)] == [TASS.name, SEED.name]
    assert err.splitlines() == [f"dispatchtui: {big}: gave up after 15 s (--max-seconds); the other files go on"]


@pytest.mark.parametrize("value", ["0", "-1", "nan", "soon"])
def test_max_seconds_must_be_a_positive_number(tmp_path, value):
    code, out, err = run(["extract", f"--max-seconds={value}", TASS], tmp_path)
    last = err.strip().splitlines()[-1]
    assert code == 2 and out == "" and last.startswith("dispatchtui extract: error:") and "--max-seconds" in last


def test_help_names_exactly_the_suffixes_the_loader_takes():
    from dispatchtui.cli import _DESCRIPTION
    from dispatchtui.formats import SUFFIXES
    from dispatchtui.load import TEXT_SUFFIXES

    named = set(
        re.findall(r"(?<![\w/])\.[a-z][a-z0-9]*\b", _DESCRIPTION.split("PATH may be", 1)[1].split("Encodings")[0])
    )
    assert named == {s for s in TEXT_SUFFIXES | set(SUFFIXES) if s}
    assert "extension-less" in _DESCRIPTION and "" in TEXT_SUFFIXES
