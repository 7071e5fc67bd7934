"""The analysis cache: exact roundtrip, corrupt entries ignored, atomic writes, opt-out."""

from __future__ import annotations

import json
import os

import pytest

from dispatchtui import cache
from dispatchtui.analysis import segment
from dispatchtui.model import Quote, Span, Speaker, Topic

TEXT = (
    "Кошербаев прибыл в Душанбе\n\n"
    "Душанбе. 16 февраля. KAZAKHSTAN TODAY - Министр иностранных дел Ермек Кошербаев был принят президентом. "
    "«Мы высоко ценим наше партнерство», - сказал Кошербаев. По словам МИД, визит прошел успешно."
)


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(d))
    monkeypatch.delenv("DISPATCHTUI_NO_CACHE", raising=False)
    return d


def analysed_by_hand(source="a.txt", encoding="cp1251", notes=("removed 1 control character",)):
    base = segment(TEXT, source=source, encoding=encoding, notes=notes)
    t = base.text
    q_start = t.index("«") + 1
    q_end = t.index("»")
    sp = t.index("Кошербаев", q_end)
    cue = t.index("сказал")
    po = t.index("По словам")
    quotes = (
        Quote(
            q_start,
            q_end,
            1,
            "full",
            "Ермек Кошербаев",
            Span(sp, sp + len("Кошербаев")),
            "сказал",
            Span(cue, cue + len("сказал")),
        ),
        Quote(
            t.index("визит"),
            t.index("успешно") + len("успешно"),
            1,
            "fragment",
            "МИД Казахстана",
            Span(t.index("МИД"), t.index("МИД") + 3),
            "по словам",
            Span(po, po + len("По словам")),
        ),
    )
    first = t.index("Ермек Кошербаев")
    speakers = (
        Speaker(
            "Ермек Кошербаев",
            "person",
            "министр иностранных дел",
            (Span(first, first + len("Ермек Кошербаев")), Span(sp, sp + len("Кошербаев"))),
            (0,),
        ),
        Speaker("МИД Казахстана", "organization", None, (Span(t.index("МИД"), t.index("МИД") + 3),), (1,)),
    )
    topics = (
        Topic("визит министра", (Span(t.index("визит"), t.index("визит") + 5),), "theme", 0.123456789),
        Topic("Душанбе", (Span(t.index("Душанбе"), t.index("Душанбе") + 7),), "place", 1 / 3),
    )
    return base, base.with_(quotes=quotes, speakers=speakers, topics=topics, analysed=True)


def cache_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_roundtrip_equals_analysed_dispatch(cache_dir):
    base, d = analysed_by_hand()
    assert cache.get(base) is None
    cache.put(d)
    got = cache.get(base)
    assert got == d  # every field, including cue spans and unrounded topic weights
    assert got.analysed is True


def test_hit_takes_source_encoding_notes_from_the_request(cache_dir):
    _, d = analysed_by_hand()
    cache.put(d)
    other = segment(TEXT, source="copy/of/it.txt", encoding="utf-8", notes=())
    got = cache.get(other)
    assert got is not None
    assert (got.source, got.encoding, got.notes) == ("copy/of/it.txt", "utf-8", ())
    assert got.quotes == d.quotes and got.speakers == d.speakers and got.topics == d.topics


def test_miss_for_other_text(cache_dir):
    _, d = analysed_by_hand()
    cache.put(d)
    assert cache.get(segment(TEXT + " Еще одно предложение.")) is None


def test_entry_does_not_store_the_text(cache_dir):
    _, d = analysed_by_hand()
    cache.put(d)
    (entry,) = [p for p in cache_dir.rglob("*.json")]
    o = json.loads(entry.read_text(encoding="utf-8"))
    assert "text" not in o and o["schema"] == "dispatchtui/2"


def test_atomic_write_leaves_no_temp_files(cache_dir):
    _, d = analysed_by_hand()
    cache.put(d)
    cache.put(d)  # overwrite in place
    files = cache_files(cache_dir)
    assert len(files) == 1 and files[0].endswith(".json")
    assert not any(os.path.basename(f).startswith(".tmp") for f in files)


def test_failed_write_leaves_no_temp_files_and_is_silent(cache_dir, monkeypatch):
    _, d = analysed_by_hand()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", boom)
    cache.put(d)  # no exception: the cache is an optimisation
    assert cache_files(cache_dir) == []


def test_unwritable_cache_dir_is_silent(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(blocker / "cache"))
    base, d = analysed_by_hand()
    cache.put(d)
    assert cache.get(base) is None


def _entry(cache_dir):
    (entry,) = list(cache_dir.rglob("*.json"))
    return entry


@pytest.mark.parametrize(
    "corrupt",
    [
        b"\x00\xff\xfe garbage \x89PNG",
        b'{"schema": "dispatchtui/2", "source": "a.txt", "quotes": [',
        b"",
        b"[]",
        b"null",
        b'"just a string"',
    ],
    ids=["garbage", "truncated", "empty", "list", "null", "string"],
)
def test_corrupt_entry_ignored(cache_dir, corrupt):
    base, d = analysed_by_hand()
    cache.put(d)
    _entry(cache_dir).write_bytes(corrupt)
    assert cache.get(base) is None
    cache.put(d)  # rebuilt
    assert cache.get(base) == d


def _mutate(o, how):
    if how == "other-schema":
        o["schema"] = "dispatchtui/0"
    elif how == "missing-key":
        del o["paragraphs"]
    elif how == "wrong-type":
        o["paragraphs"] = "not a list"
    elif how == "bad-span":
        o["sentences"][0] = {"start": 10, "end": 2}
    elif how == "span-not-int":
        o["quotes"][0]["start"] = "zero"
    elif how == "speaker-not-dict":
        o["speakers"][0] = ["Ермек Кошербаев"]
    elif how == "other-text":
        o["text_sha"] = "0" * 64
    elif how == "no-sha":
        del o["text_sha"]
    return o


@pytest.mark.parametrize(
    "how",
    [
        "other-schema",
        "missing-key",
        "wrong-type",
        "bad-span",
        "span-not-int",
        "speaker-not-dict",
        "other-text",
        "no-sha",
    ],
)
def test_wrong_schema_entry_ignored(cache_dir, how):
    base, d = analysed_by_hand()
    cache.put(d)
    entry = _entry(cache_dir)
    o = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(_mutate(o, how)), encoding="utf-8")
    assert cache.get(base) is None


def test_no_cache_env_disables(cache_dir, monkeypatch):
    base, d = analysed_by_hand()
    monkeypatch.setenv("DISPATCHTUI_NO_CACHE", "1")
    cache.put(d)
    assert cache_files(cache_dir) == []
    monkeypatch.delenv("DISPATCHTUI_NO_CACHE")
    cache.put(d)
    assert cache.get(base) == d
    monkeypatch.setenv("DISPATCHTUI_NO_CACHE", "1")
    assert cache.get(base) is None  # reading is disabled too


def test_cache_dir_override(cache_dir):
    assert cache.cache_dir() == cache_dir


def test_analysis_in_parts_and_whole_have_their_own_entries(cache_dir, monkeypatch):
    # extract analyses a huge text in parts (worker processes allowed), the reader whole: the two results differ
    # a little at the parts' edges, so one must never be served for the other
    from dispatchtui.analysis import nlp, parts

    monkeypatch.setattr(parts, "PARTS_FROM_CHARS", 10)
    before = nlp.processes_allowed()
    base, d = analysed_by_hand()
    try:
        nlp.allow_processes(2)
        if nlp.processes_allowed() == 0:
            pytest.fail("this machine cannot fork worker processes")
        cache.put(d)
        assert cache.get(base) is not None
        nlp.allow_processes(0)
        assert cache.get(base) is None
    finally:
        nlp.allow_processes(before)
