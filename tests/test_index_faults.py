"""Faults of the folder index: locked, read-only, full disk, corrupt, a folder on a read-only disk, a file
replaced while it is indexed, two readers. Each: one clear message, the reader goes on (from what is
there or from memory), nothing of the user's written or deleted."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess

import pytest

from dispatchtui.index import (
    IndexBusy,
    IndexUnavailable,
    index_dir,
    indexer,
    open_index,
    store,
)
from dispatchtui.index.indexer import index_folder
from index_fixtures import PESKOV, WEATHER, ZAKHAROVA, listing, make_wire


@pytest.fixture
def wire(tmp_path):
    return make_wire(tmp_path)


def names(rows):
    return sorted(os.path.basename(r.source) for r in rows)


def _db(folder) -> str:
    return str(index_dir(str(folder)) / "index.sqlite")


def test_locked_index_fails_the_update_with_one_message_and_still_reads(wire, monkeypatch):
    index_folder(str(wire))
    monkeypatch.setattr(store, "BUSY_SECONDS", 0.1)
    other = sqlite3.connect(_db(wire), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        (wire / "4.txt").write_text(PESKOV.replace("Песков", "Пескову"), encoding="utf-8")
        before = listing(wire)
        final = index_folder(str(wire))
        assert final.state == "failed"
        assert "locked" in final.message and "working from memory" in final.message
        with open_index(str(wire)) as idx:  # WAL: readers are not blocked by the writer
            assert names(idx.documents()) == ["1.txt", "2.txt", "3.txt"]
        assert listing(wire) == before
    finally:
        other.close()


def _read_only(monkeypatch):
    """Every connection to the index opens it read-only (as a read-only file or folder would)."""
    real = store._connect

    def ro(path):
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, timeout=0.1, isolation_level=None, check_same_thread=False
        )
        return conn

    monkeypatch.setattr(store, "_connect", ro)
    return real


def test_read_only_index_reads_but_does_not_write(wire, monkeypatch):
    index_folder(str(wire))
    _read_only(monkeypatch)
    (wire / "4.txt").write_text(ZAKHAROVA, encoding="utf-8")
    final = index_folder(str(wire))
    assert final.state == "failed" and "read-only" in final.message
    with open_index(str(wire)) as idx:
        assert names(idx.documents()) == ["1.txt", "2.txt", "3.txt"]
        idx.set_read(str(wire / "1.txt"))  # the marks are a file of their own: still kept
        assert idx.is_read(str(wire / "1.txt"))


def test_no_index_and_a_read_only_one_cannot_be_made(wire, monkeypatch):
    _read_only(monkeypatch)
    with pytest.raises(IndexUnavailable, match="working from memory"):
        open_index(str(wire))


def test_cache_dir_that_cannot_be_made_is_one_message(wire, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(blocker / "cache"))
    with pytest.raises(IndexUnavailable, match="index folder"):
        open_index(str(wire))
    assert blocker.read_text() == "x"


def test_full_disk_keeps_what_was_indexed(wire, monkeypatch):
    index_folder(str(wire))
    real = store._connect

    def tiny_disk(path):  # no page more than the index has now: SQLite's own "database or disk is full"
        conn = real(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(store, "_connect", tiny_disk)
    (wire / "4.txt").write_text((PESKOV + "\n") * 40, encoding="utf-8")
    before = listing(wire)
    final = index_folder(str(wire))
    assert final.state == "failed", final
    assert "no space left" in final.message and "full" in final.message
    monkeypatch.setattr(store, "_connect", real)
    with open_index(str(wire)) as idx:
        assert names(idx.documents()) == ["1.txt", "2.txt", "3.txt"]
    assert listing(wire) == before


def test_full_disk_from_a_patched_write(wire, monkeypatch):
    def full(self, d, thash, lemma_tokens=None):
        raise store.unavailable(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(store.IndexWriter, "add_analysis", full)
    final = index_folder(str(wire))
    assert final.state == "failed" and final.message.startswith("no space left on the disk for the folder index")
    with open_index(str(wire)) as idx:
        assert idx.count() == 0


def test_garbage_index_file_is_rebuilt_and_the_folder_untouched(wire):
    before = listing(wire)
    os.makedirs(index_dir(str(wire)), exist_ok=True)
    with open(_db(wire), "wb") as fh:
        fh.write(b"\x00garbage" * 1000)
    final = index_folder(str(wire))
    assert final.state == "done"
    with open_index(str(wire)) as idx:
        assert idx.count() == 3
    assert listing(wire) == before


def test_corrupt_read_marks_are_started_afresh(wire):
    index_folder(str(wire))
    state = index_dir(str(wire)) / "state.sqlite"
    state.write_bytes(os.urandom(4096))
    with open_index(str(wire)) as idx:
        assert idx.rebuilt and "read/unread" in idx.rebuilt
        idx.set_read(str(wire / "1.txt"))
        assert idx.is_read(str(wire / "1.txt"))


def test_file_replaced_while_indexed_is_queued_again(wire, monkeypatch):
    seen: list[str] = []
    real = indexer.analyse

    def replacing(base, use_cache=True):
        seen.append(os.path.basename(base.source))
        if base.source.endswith("2.txt") and seen.count("2.txt") == 1:  # replaced mid-analysis
            tmp = wire / ".2.txt.new"
            tmp.write_text(WEATHER.replace("Погода в Москве", "Погода в Казани"), encoding="utf-8")
            os.replace(tmp, wire / "2.txt")
        return real(base, use_cache)

    monkeypatch.setattr(indexer, "analyse", replacing)
    final = index_folder(str(wire))
    assert final.state == "done" and final.failed == 0
    assert seen.count("2.txt") == 2
    with open_index(str(wire)) as idx:
        heads = {os.path.basename(r.source): r.headline for r in idx.documents()}
        assert heads["2.txt"] == "Погода в Казани"
        assert idx.statements(speaker="Захарова") == []


def test_two_readers_and_a_second_writer(wire):
    index_folder(str(wire))
    a, b = open_index(str(wire)), open_index(str(wire))
    try:
        a.set_read(str(wire / "3.txt"))
        assert b.is_read(str(wire / "3.txt"))
        assert names(a.documents()) == names(b.documents()) == ["1.txt", "2.txt", "3.txt"]
        lock = store.writer_lock(index_dir(str(wire)))
        try:
            with pytest.raises(IndexBusy, match="another dispatchtui is indexing"):
                index_folder(str(wire))
        finally:
            lock.close()
        assert index_folder(str(wire)).state == "done"
    finally:
        a.close()
        b.close()


def _mount_read_only(src, dst) -> bool:
    dst.mkdir()
    try:
        subprocess.run(["mount", "--bind", str(src), str(dst)], check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(dst)], check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        subprocess.run(["umount", str(dst)], capture_output=True, timeout=10, check=False)
        return False
    return True


def test_folder_and_cache_on_a_read_only_disk(wire, tmp_path, monkeypatch):
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs mount (root) for a read-only bind mount")
    ro = tmp_path / "ro"
    if not _mount_read_only(tmp_path, ro):
        pytest.skip("cannot make a read-only bind mount here")
    try:
        folder = ro / "wire"
        # the folder on a read-only disk: indexed (the index is elsewhere), nothing written there
        assert index_folder(str(folder)).state == "done"
        with open_index(str(folder)) as idx:
            assert idx.count() == 3
        # the cache dir on the read-only disk too: one message, nothing written
        monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(ro / "cache"))
        with pytest.raises(IndexUnavailable, match="read-only"):
            open_index(str(folder))
    finally:
        subprocess.run(["umount", str(ro)], capture_output=True, timeout=10, check=False)


def test_an_analysis_worker_killed_mid_work_fails_that_file_only(wire, monkeypatch):
    (wire / "4.txt").write_text(PESKOV.replace("8 августа", "11 августа"), encoding="utf-8")
    parent = os.getpid()
    real = indexer.analyse

    def dying(base, use_cache=True):
        if base.source.endswith("2.txt") and os.getpid() != parent:
            os._exit(9)  # the worker process dies mid-analysis
        return real(base, use_cache)

    monkeypatch.setattr(indexer, "analyse", dying)
    final = index_folder(str(wire), jobs=2)
    assert final.state == "done" and final.failed == 1
    assert [os.path.basename(s) for s, _ in final.errors] == ["2.txt"]
    assert "stopped" in final.errors[0][1]
    monkeypatch.setattr(indexer, "analyse", real)
    with open_index(str(wire)) as idx:
        assert names(idx.documents()) == ["1.txt", "3.txt", "4.txt"]
        assert [os.path.basename(s) for s in idx.plan().new] == ["2.txt"]  # tried again next time
    assert index_folder(str(wire)).state == "done"
    with open_index(str(wire)) as idx:
        assert idx.count() == 4


def test_the_indexing_process_killed_mid_run_loses_nothing(wire):
    import time

    from dispatchtui.index.indexer import BackgroundIndexer

    for k in range(6):
        (wire / f"more{k}.txt").write_text(ZAKHAROVA.replace("9 августа", f"{k + 10} августа"), encoding="utf-8")
    before = listing(wire)
    job = BackgroundIndexer(str(wire))
    job.start()
    deadline = time.monotonic() + 120
    while job.progress().done < 1 and job.progress().state not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(job.pid, signal.SIGKILL)  # no stop(), no commit: killed
    job.join(5)
    assert not job.alive
    assert listing(wire) == before
    final = index_folder(str(wire))  # the next run finds a consistent index and finishes the rest
    assert final.state == "done" and final.failed == 0
    with open_index(str(wire)) as idx:
        assert idx.count() == 9 and not idx.plan()
