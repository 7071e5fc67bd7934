"""The folder index: incremental updates, removal, rename, identical texts, corrupt/stale → rebuilt,
lemma search, statements and speakers, read/unread and the last position kept across sessions."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from dispatchtui.index import IndexUnavailable, index_dir, indexer, open_index
from dispatchtui.index.indexer import BackgroundIndexer, index_folder
from index_fixtures import PESKOV, WEATHER, listing, make_wire


@pytest.fixture
def wire(tmp_path):
    return make_wire(tmp_path)


@pytest.fixture
def calls(monkeypatch):
    """The sources the indexer actually analysed (not those whose analysis it reused)."""
    seen: list[str] = []
    real = indexer.analyse

    def counting(base, use_cache=True):
        seen.append(os.path.basename(base.source))
        return real(base, use_cache)

    monkeypatch.setattr(indexer, "analyse", counting)
    return seen


def names(rows):
    return [os.path.basename(r.source) for r in rows]


def test_documents_sorted_filtered_and_counted(wire):
    assert index_folder(str(wire)).state == "done"
    with open_index(str(wire)) as idx:
        rows = idx.documents()
        assert names(rows) == ["2.txt", "1.txt", "3.txt"]  # newest first
        one = rows[1]
        assert (one.headline, one.place, one.agency, one.date_key) == (
            "Песков прокомментировал встречу",
            "МОСКВА",
            "ТАСС",
            "2019-08-08",
        )
        assert (one.direct, one.reported, one.speakers) == (1, 1, ("Дмитрий Песков",))
        assert names(idx.documents(sort="agency")) == ["2.txt", "1.txt", "3.txt"]  # РИА < ТАСС
        assert names(idx.documents(sort="statements"))[-1] == "3.txt"
        assert names(idx.documents(agency="тасс")) == ["1.txt", "3.txt"]
        assert names(idx.documents(person="Пескова")) == ["1.txt"]
        assert names(idx.documents(text="дождь")) == ["3.txt"]
        assert idx.count_documents(agency="ТАСС") == 2
        facets = idx.facets()
        assert {(f.value, f.count) for f in facets["agency"]} == {("ТАСС", 2), ("РИА Новости", 1)}
        assert ("Дмитрий Песков", 1) in {(f.value, f.count) for f in facets["person"]}


def test_index_lives_in_the_cache_dir_never_in_the_folder(wire):
    before = listing(wire)
    index_folder(str(wire))
    assert listing(wire) == before
    assert str(index_dir(str(wire))).startswith(os.environ["DISPATCHTUI_CACHE_DIR"])
    assert (index_dir(str(wire)) / "index.sqlite").is_file()


def test_only_new_and_changed_files_are_analysed(wire, calls):
    index_folder(str(wire))
    assert sorted(calls) == ["1.txt", "2.txt", "3.txt"]
    calls.clear()
    with open_index(str(wire)) as idx:
        assert not idx.plan()
    index_folder(str(wire))
    assert calls == []
    (wire / "2.txt").write_text(WEATHER.replace("дожди", "снег"), encoding="utf-8")
    (wire / "4.txt").write_text(PESKOV.replace("8 августа", "10 августа"), encoding="utf-8")
    with open_index(str(wire)) as idx:
        plan = idx.plan()
        assert [os.path.basename(s) for s in plan.changed] == ["2.txt"]
        assert [os.path.basename(s) for s in plan.new] == ["4.txt"]
    index_folder(str(wire))
    assert sorted(calls) == ["2.txt", "4.txt"]
    with open_index(str(wire)) as idx:
        assert names(idx.documents(text="снег")) == ["2.txt"]
        assert idx.speakers(query="Захарова") == []  # 2.txt no longer quotes her


def test_touched_but_unchanged_file_is_not_analysed(wire, calls):
    index_folder(str(wire))
    calls.clear()
    later = time.time() + 100
    os.utime(wire / "1.txt", (later, later))
    with open_index(str(wire)) as idx:
        plan = idx.plan()
        assert not plan.todo and [os.path.basename(t[0]) for t in plan.touched] == ["1.txt"]
    index_folder(str(wire))
    assert calls == []
    with open_index(str(wire)) as idx:
        assert not idx.plan().touched


def test_removed_files_leave_the_index(wire):
    index_folder(str(wire))
    (wire / "3.txt").unlink()
    index_folder(str(wire))
    with open_index(str(wire)) as idx:
        assert names(idx.documents()) == ["2.txt", "1.txt"]
        assert idx.search("дожди") == []


def test_rename_reuses_the_analysis(wire, calls):
    index_folder(str(wire))
    calls.clear()
    (wire / "1.txt").rename(wire / "renamed.txt")
    index_folder(str(wire))
    assert calls == []
    with open_index(str(wire)) as idx:
        assert sorted(names(idx.documents())) == ["2.txt", "3.txt", "renamed.txt"]
        assert names(idx.statements(speaker="Песков")) == ["renamed.txt", "renamed.txt"]


def test_identical_texts_are_analysed_once(wire, calls):
    for k in range(3):
        (wire / f"copy{k}.txt").write_text(PESKOV, encoding="utf-8")
    index_folder(str(wire))
    assert len(calls) == 3  # 1.txt, 2.txt, 3.txt; the copies reuse 1.txt's analysis
    with open_index(str(wire)) as idx:
        peskov = idx.speakers(query="Песков")[0]
        assert (peskov.name, peskov.direct, peskov.reported, peskov.dispatches) == ("Дмитрий Песков", 4, 4, 4)


def test_corrupt_index_is_rebuilt(wire):
    index_folder(str(wire))
    db = index_dir(str(wire)) / "index.sqlite"
    for suffix in ("-wal", "-shm"):
        if os.path.exists(f"{db}{suffix}"):
            os.unlink(f"{db}{suffix}")
    db.write_bytes(os.urandom(8192))
    idx = open_index(str(wire))
    assert idx.rebuilt and "corrupt" in idx.rebuilt
    assert idx.count() == 0
    idx.close()
    index_folder(str(wire))
    with open_index(str(wire)) as idx:
        assert idx.rebuilt is None and idx.count() == 3


def test_index_of_another_schema_is_rebuilt(wire):
    index_folder(str(wire))
    db = index_dir(str(wire)) / "index.sqlite"
    with sqlite3.connect(db) as c:
        c.execute("UPDATE meta SET value = '999' WHERE key = 'schema'")
    with open_index(str(wire)) as idx:
        assert idx.rebuilt and "another version" in idx.rebuilt and idx.count() == 0


def test_search_is_by_lemma_with_a_snippet(wire):
    index_folder(str(wire))
    with open_index(str(wire)) as idx:
        hits = idx.search("Пескова")
        assert names(hits) == ["1.txt"]
        hit = hits[0]
        text = idx.text(hit.source)
        assert text[hit.start : hit.end] == "Песков"
        assert hit.snippet == text[hit.snippet_start : hit.snippet_start + len(hit.snippet)].replace("\n", " ")
        assert hit.matches == 3  # Песков (headline), Песков, Пескова
        assert names(idx.search("встречи")) == ["1.txt"]  # встречу / встреча
        assert names(idx.search("дождей и ветра")) == ["3.txt"]  # a phrase, each word in any form
        assert idx.search("ветра дождей") == []
        assert idx.search("еско") == []  # never a plain substring
        assert names(idx.search("Песк")) == ["1.txt"]  # the last word typed so far: a prefix


def test_search_without_fts5_is_the_same(wire, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_INDEX_NO_FTS", "1")
    index_folder(str(wire))
    with open_index(str(wire)) as idx:
        assert idx.fts is False
        assert names(idx.search("Пескова")) == ["1.txt"]
        assert names(idx.search("дождей и ветра")) == ["3.txt"]
        assert idx.search("еско") == []


def test_statements_by_speaker_kind_and_date(wire):
    index_folder(str(wire))
    with open_index(str(wire)) as idx:
        rows = idx.statements(speaker="Пескова")
        assert [(r.speaker, r.kind, r.cue) for r in rows] == [
            ("Дмитрий Песков", "full", "заявил"),
            ("Дмитрий Песков", "reported", "По словам"),
        ]
        text = idx.text(rows[0].source)
        assert [text[r.start : r.end] for r in rows] == [r.text for r in rows]
        assert rows[0].text == "Встреча прошла в конструктивном ключе"
        assert (rows[0].headline, rows[0].agency, rows[0].date_key) == (
            "Песков прокомментировал встречу",
            "ТАСС",
            "2019-08-08",
        )
        assert [r.kind for r in idx.statements(speaker="Песков", kind="direct")] == ["full"]
        assert {r.speaker for r in idx.statements(since="2019-08-09")} == {"Мария Захарова"}
        assert idx.statements(speaker="Иванов") == []
        speakers = {s.name: (s.kind, s.direct, s.reported, s.dispatches) for s in idx.speakers()}
        assert speakers == {"Дмитрий Песков": ("person", 1, 1, 1), "Мария Захарова": ("person", 1, 1, 1)}


def test_read_marks_and_last_position_persist(wire):
    index_folder(str(wire))
    one, two, three = (str(wire / n) for n in ("1.txt", "2.txt", "3.txt"))
    with open_index(str(wire)) as idx:
        idx.set_read(two)
        assert idx.toggle_read(one) is True
        assert idx.next_unread(after=two) == three
        idx.set_last(one, 120)
    with open_index(str(wire)) as idx:
        rows = {os.path.basename(r.source): r.read for r in idx.documents()}
        assert rows == {"1.txt": True, "2.txt": True, "3.txt": False}
        assert idx.last() == (one, 120)
        assert idx.toggle_read(one) is False
        assert idx.next_unread(after=three) == one
    with open_index(str(wire)) as idx:
        assert not idx.is_read(one)


def test_an_index_that_is_not_there_is_not_made_when_asked_not_to(wire):
    with pytest.raises(IndexUnavailable):
        open_index(str(wire), create=False)


def test_background_indexer_pauses_resumes_and_finishes(wire):
    job = BackgroundIndexer(str(wire))
    job.start()
    job.pause()
    states = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        p = job.progress()
        states.add(p.state)
        if p.state == "paused":
            job.resume()
        if p.state in ("done", "failed", "stopped"):
            break
        time.sleep(0.05)
    job.join(5)
    assert p.state == "done", p
    assert "paused" in states and (p.done, p.total) == (3, 3)
    with open_index(str(wire)) as idx:
        assert idx.count() == 3


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Лента</title>
<item><guid>peskov-1</guid><title>Песков о встрече</title><pubDate>Thu, 08 Aug 2019 19:22:59 +0300</pubDate>
<description>Дмитрий Песков заявил: «Встреча прошла хорошо».</description></item>
<item><guid>weather-2</guid><title>Погода</title><pubDate>Fri, 09 Aug 2019 10:00:00 +0300</pubDate>
<description>В Москве ожидаются дожди.</description></item>
</channel></rss>
"""


def test_feed_items_are_dispatches_of_their_own(tmp_path):
    d = tmp_path / "feeds"
    d.mkdir()
    (d / "lenta.rss").write_text(FEED, encoding="utf-8")
    index_folder(str(d))
    with open_index(str(d)) as idx:
        rows = idx.documents()
        assert [(r.item, r.headline, r.date_key[:10]) for r in rows] == [
            ("weather-2", "Погода", "2019-08-09"),
            ("peskov-1", "Песков о встрече", "2019-08-08"),
        ]
        assert {r.path for r in rows} == {str(d / "lenta.rss")}
        assert rows[1].source.endswith("#peskov-1")
        [st] = idx.statements(speaker="Пескову")
        assert (st.item, st.text) == ("peskov-1", "Встреча прошла хорошо")
    (d / "lenta.rss").write_text(FEED.replace("дожди", "грозы"), encoding="utf-8")
    index_folder(str(d))
    with open_index(str(d)) as idx:
        assert [r.item for r in idx.documents(text="гроза")] == ["weather-2"]
        assert idx.count() == 2


def test_a_dispatch_without_headline_is_listed_without_its_dateline(tmp_path):
    from dispatchtui.index import open_index
    from dispatchtui.index.indexer import index_folder

    d = tmp_path / "w"
    d.mkdir()
    (d / "a.txt").write_text(
        "Душанбе. 16 февраля. KAZAKHSTAN TODAY - Министр иностранных дел прибыл в Душанбе с официальным визитом.\n",
        encoding="utf-8",
    )
    index_folder(str(d))
    (row,) = open_index(str(d)).documents()
    assert row.headline.startswith("Министр иностранных дел прибыл") and row.place == "Душанбе"
