"""``dispatchtui statements``: formats, lemma speaker match, filters, exit codes, the index fallback."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3

import pytest

from dispatchtui.cli import main
from dispatchtui.index import index_dir, store
from index_fixtures import listing, make_wire


@pytest.fixture
def wire(tmp_path):
    return make_wire(tmp_path)


def run(capsys, *args):
    code = main(["statements", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_is_one_grep_like_line_per_statement(wire, capsys):
    code, out, err = run(capsys, wire, "--speaker", "Пескова")
    assert code == 0 and err == ""
    lines = out.splitlines()
    one = str(wire / "1.txt")
    assert (
        lines[0].startswith(f"{one}:")
        and "Дмитрий Песков (full, заявил): Встреча прошла в конструктивном ключе" in lines[0]
    )
    assert "Дмитрий Песков (reported, По словам): стороны договорились продолжить переговоры" in lines[1]
    assert len(lines) == 2


def test_jsonl_records_carry_offsets_into_the_text(wire, capsys):
    code, out, _ = run(capsys, wire, "--format", "jsonl", "--kind", "direct")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert {(r["speaker"], r["kind"]) for r in records} == {("Дмитрий Песков", "full"), ("Мария Захарова", "full")}
    from dispatchtui.load import load_path

    for r in records:
        assert load_path(r["source"]).text[r["start"] : r["end"]] == r["text"]
        assert r["source_bytes"] is None and r["date"] and r["agency"]


def test_csv_has_a_header_and_rows(wire, capsys):
    code, out, _ = run(capsys, wire, "--format", "csv", "--kind", "reported", "--since", "2019-08-09")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["speaker"], r["kind"], r["text"]) for r in rows] == [
        ("Мария Захарова", "reported", "Москва готова к диалогу")
    ]


def test_a_file_named_gives_only_its_statements(wire, capsys):
    code, out, _ = run(capsys, wire / "2.txt")
    assert code == 0 and {line.split(":", 1)[0] for line in out.splitlines()} == {str(wire / "2.txt")}


def test_nothing_matched_is_exit_1(wire, capsys):
    assert run(capsys, wire, "--speaker", "Иванов")[0] == 1
    code, out, _ = run(capsys, wire / "3.txt")
    assert code == 1 and out == ""
    code, out, _ = run(capsys, wire, "--format", "csv", "--speaker", "Иванов")
    assert code == 1 and out.splitlines() == [
        ",".join(__import__("dispatchtui.statements", fromlist=["FIELDS"]).FIELDS)
    ]


@pytest.mark.parametrize(
    "args", [["--since", "вчера"], ["--kind", "some"], ["--format", "xml"], ["--bogus"], ["--jobs", "0"], []]
)
def test_usage_errors_are_exit_2(wire, capsys, args):
    with pytest.raises(SystemExit) as exc:
        main(["statements", *(args if args == [] else [str(wire), *args])])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_standard_input_is_refused(capsys):
    code, _, err = run(capsys, "-")
    assert code == 2 and "standard input" in err


def test_missing_path_is_one_line(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "nope")
    assert code == 1 and out == "" and "nope" in err and "Traceback" not in err


def test_a_locked_index_is_one_message_and_the_answer_comes_from_memory(wire, capsys, monkeypatch):
    assert run(capsys, wire)[0] == 0
    (wire / "4.txt").write_text((wire / "1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(store, "BUSY_SECONDS", 0.1)
    other = sqlite3.connect(str(index_dir(str(wire)) / "index.sqlite"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    before = listing(wire)
    cache = os.environ["DISPATCHTUI_CACHE_DIR"]
    try:
        code, out, err = run(capsys, wire, "--speaker", "Песков")
    finally:
        other.close()
    assert code == 0
    assert err.count("\n") == 1 and "locked" in err and "working from memory" in err
    assert {os.path.basename(line.split(":", 1)[0]) for line in out.splitlines()} == {"1.txt", "4.txt"}
    assert listing(wire) == before
    assert os.environ["DISPATCHTUI_CACHE_DIR"] == cache


def test_the_reader_names_a_folders_files_as_its_index_does(wire, monkeypatch):
    # `dispatchtui wire/` from the folder above: the reader's paths must be the index's sources (a relative
    # path would never meet its row, and the table would show no counts)
    from dispatchtui.cli import _canonical
    from dispatchtui.index import open_index
    from dispatchtui.index.indexer import index_folder
    from dispatchtui.load import discover

    monkeypatch.chdir(wire.parent)
    index_folder("wire")
    paths, _ = discover(["wire"])
    sources = {r.source for r in open_index("wire").documents()}
    assert sources and {_canonical(p) for p in paths} == sources
    assert not any(p in sources for p in paths)  # as given, relative: not the index's names
