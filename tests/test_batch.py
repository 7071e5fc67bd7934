"""Running extract's jobs (dispatchtui.batch): results in order, a time limit per file that kills only that
file's worker, a worker dying mid-job, and the progress line on a terminal. The jobs here are small fake
functions (forked workers inherit them), so these tests take seconds, not minutes."""

from __future__ import annotations

import io
import os
import time

import pytest

from dispatchtui import batch

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def job(task, on_stage):
    """A fake analysis: ``("sleep:3", ...)`` sleeps, ``("die", ...)`` kills its own process, else echoes."""
    name = task[0]
    on_stage("people")
    if name.startswith("sleep:"):
        time.sleep(float(name.split(":")[1]))
    if name == "die":
        os._exit(9)
    if name == "raise":
        raise ValueError("bad input")
    return name, name.upper(), None


def names(results):
    return [(p, d, r) for p, d, r in results]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_time_limit_is_given_up_and_the_rest_go_on_in_order(jobs):
    tasks = [("a",), ("sleep:60",), ("b",), ("c",)]
    t = time.perf_counter()
    out = names(batch.run(tasks, job, jobs=jobs, max_seconds=1.0))
    assert time.perf_counter() - t < 30  # not the 60 s the slow one wanted
    assert out == [("a", "A", None), ("sleep:60", None, batch.gave_up(1.0)), ("b", "B", None), ("c", "C", None)]
    assert batch.gave_up(1.0) == "gave up after 1 s (--max-seconds); the other files go on"


def test_the_clock_starts_after_the_warm_up():
    """Loading the model is not on any file's clock: a warm-up longer than the limit fails no file."""
    out = names(batch.run([("a",), ("b",)], job, jobs=1, max_seconds=0.5, warm=lambda: time.sleep(1.5)))
    assert out == [("a", "A", None), ("b", "B", None)]


def test_a_worker_that_dies_mid_job_fails_that_file_only():
    out = names(batch.run([("a",), ("die",), ("b",)], job, jobs=1, max_seconds=30))
    assert out == [("a", "A", None), ("die", None, "the analysis process stopped (exit code 9)"), ("b", "B", None)]


def test_an_exception_in_a_worker_is_that_files_reason():
    out = names(batch.run([("raise",), ("a",)], job, jobs=2, max_seconds=30))
    assert out == [("raise", None, "analysis failed (ValueError: bad input)"), ("a", "A", None)]


def test_workers_that_cannot_start_fail_the_files_instead_of_restarting_forever():
    t = time.perf_counter()
    out = names(batch.run([("a",), ("b",), ("c",)], job, jobs=1, max_seconds=5, warm=lambda: os._exit(3)))
    assert time.perf_counter() - t < 30
    assert [r for _, _, r in out] == ["the analysis process stopped (exit code 3)"] * 3


def test_without_a_limit_one_job_runs_in_this_process():
    pid = os.getpid()
    out = names(batch.run([("a",), ("b",)], lambda task, on_stage: (task[0], os.getpid(), None)))
    assert out == [("a", pid, None), ("b", pid, None)]


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_on_a_terminal_names_the_file_its_stage_and_seconds(monkeypatch, tmp_path):
    monkeypatch.setattr(batch, "PROGRESS_AFTER_SECONDS", 0.0)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * 3 * 1024 * 1024)
    stream = Tty()
    progress = batch.Progress(stream)
    assert progress.enabled

    def slow(task, on_stage):
        on_stage("people")
        time.sleep(1.2)  # the ticker redraws while a stage runs
        return task[0], 1, None

    out = list(batch.run([(str(path),), (str(path),)], slow, progress=progress))
    assert [r for _, _, r in out] == [None, None]
    written = stream.getvalue()
    assert "\rdispatchtui: 1/2 · huge.txt (3.0 MB) · people · " in written
    assert "2/2 · huge.txt" in written
    assert written.endswith("\r\x1b[K")  # cleared at the end: the terminal is clean


def test_no_progress_line_when_not_a_terminal(monkeypatch):
    monkeypatch.setattr(batch, "PROGRESS_AFTER_SECONDS", 0.0)
    stream = io.StringIO()
    progress = batch.Progress(stream)
    list(batch.run([("a",)], lambda task, on_stage: (on_stage("people"), (task[0], 1, None))[1], progress=progress))
    assert stream.getvalue() == ""


def test_a_message_clears_the_progress_line_first(monkeypatch):
    monkeypatch.setattr(batch, "PROGRESS_AFTER_SECONDS", 0.0)
    stream = Tty()
    progress = batch.Progress(stream, total=3)
    progress.start(0, "-")
    progress.stage(0, "topics")
    progress.message("dispatchtui: x.txt: binary file, not text")
    assert stream.getvalue().endswith("\r\x1b[Kdispatchtui: x.txt: binary file, not text\n")
