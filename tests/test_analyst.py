"""The reader's analysis process: same results as in-process, stopped when the reader moves on from a big
text, restarted after it dies. Uses the real model (a few seconds)."""

from __future__ import annotations

import time

import pytest

from app_fakes import SEED
from dispatchtui import load
from dispatchtui.analysis import analyze, outline, segment
from dispatchtui.app.analyst import KILL_FROM_CHARS, AnalysisProcess, Cancelled


@pytest.fixture
def worker():
    p = AnalysisProcess()
    yield p
    p.close()


@pytest.mark.slow
def test_the_process_gives_what_analyze_gives_in_process(worker):
    text = load.load_path(str(SEED)).text
    # an outline (what the reader paints from) goes over as text and is segmented there
    result = worker.analyse(outline(text, source="seed.txt"))
    assert result == analyze(segment(text, source="seed.txt"))
    assert result.analysed and sum(q.kind == "full" for q in result.quotes) == 2  # the seed has two direct quotes


def test_a_big_job_the_reader_left_is_stopped_and_the_process_restarts(worker):
    text = load.load_path(str(SEED)).text
    big = "\n\n".join([text] * (KILL_FROM_CHARS // len(text) + 2))
    t = time.perf_counter()
    with pytest.raises(Cancelled):
        worker.analyse(outline(big), cancelled=lambda: True)
    assert time.perf_counter() - t < 5  # not the minutes a full analysis takes
    assert worker._proc is None  # killed
    assert worker.analyse(segment(text)).quotes  # a new process answers


@pytest.mark.slow
def test_a_process_that_dies_mid_job_is_an_error_and_one_dead_between_jobs_is_restarted(worker):
    text = load.load_path(str(SEED)).text
    assert worker.analyse(segment(text)).analysed
    worker._proc.kill()  # died while idle: a fresh one takes the job
    worker._proc.wait()
    assert worker.analyse(segment(text)).analysed
    big = "\n\n".join([text] * 40)

    def crash():  # dies while working on a job
        if worker._proc is not None and worker._proc.poll() is None:
            worker._proc.kill()
            worker._proc.wait()
        return False

    with pytest.raises(RuntimeError, match="stopped"):
        worker.analyse(outline(big), cancelled=crash)
    assert worker.analyse(segment(text)).quotes
