"""The one pipeline (load → layout → cache lookup → analyse → store) that the CLI, the reader and the folder
index share: a hit gives back what was stored, a bad file is a LoadError value, a new analyser version misses,
an outline is segmented before the analysis, a cancelled job stops at a stage boundary.

``analysis.analyze`` is replaced by a counting stand-in: these tests are about the plumbing, not the model
(the real analysis through the same path is covered by test_cli and test_analyst)."""

from __future__ import annotations

import pytest

import dispatchtui.analysis as analysis
from dispatchtui import pipeline
from dispatchtui.model import Span, Speaker

TEXT = "Визит в Душанбе\n\nДУШАНБЕ, 16 февраля. Министр прибыл в Душанбе. Рахмон принял министра.\n"
STAGES = ("quotes", "people", "topics")


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DISPATCHTUI_NO_CACHE", raising=False)


@pytest.fixture
def calls(monkeypatch):
    """The dispatches the (stand-in) analysis was run on."""
    seen: list = []

    def analyze(d, *, on_stage=None):
        seen.append(d)
        for name in STAGES:
            if on_stage is not None:
                on_stage(name)
        who = d.text.index("Рахмон")
        speaker = Speaker("Эмомали Рахмон", "person", None, (Span(who, who + len("Рахмон")),), ())
        return d.with_(speakers=(speaker,), analysed=True)

    monkeypatch.setattr(analysis, "analyze", analyze)
    return seen


@pytest.fixture
def dispatch_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    return f


def test_a_cache_hit_returns_the_stored_analysis_without_analysing_again(dispatch_file, calls):
    first = pipeline.analyse_path(str(dispatch_file))
    assert not isinstance(first, pipeline.LoadError)
    assert first.analysed and len(calls) == 1
    again = pipeline.analyse_path(str(dispatch_file))
    assert again == first and len(calls) == 1
    assert pipeline.cached(pipeline.layout(pipeline.load(str(dispatch_file)))) == first


def test_without_the_cache_nothing_is_read_or_written(dispatch_file, calls, tmp_path):
    pipeline.analyse_path(str(dispatch_file), use_cache=False)
    pipeline.analyse_path(str(dispatch_file), use_cache=False)
    assert len(calls) == 2
    assert not (tmp_path / "cache").exists()


def test_a_new_analyser_version_misses(dispatch_file, calls, monkeypatch):
    pipeline.analyse_path(str(dispatch_file))
    monkeypatch.setattr(analysis, "ANALYSER_VERSION", analysis.ANALYSER_VERSION + "-next")
    assert pipeline.cached(pipeline.layout(pipeline.load(str(dispatch_file)))) is None
    pipeline.analyse_path(str(dispatch_file))
    assert len(calls) == 2


def test_a_missing_or_binary_file_is_a_load_error_value(tmp_path, calls):
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    for path in (tmp_path / "missing.txt", binary):
        result = pipeline.analyse_path(str(path))
        assert isinstance(result, pipeline.LoadError)
        assert result.path == str(path) and result.reason
    assert calls == []


def test_stages_are_reported_in_order(dispatch_file, calls):
    stages: list[str] = []
    pipeline.analyse_path(str(dispatch_file), on_stage=stages.append)
    assert stages == ["reading", "layout", *STAGES]


def test_an_outline_is_segmented_fully_by_the_analysis():
    outline = analysis.outline(TEXT, source="a.txt")
    assert outline.paragraphs and not outline.sentences
    result = pipeline.analyse_dispatch(outline, use_cache=False)
    whole = analysis.segment(TEXT)
    assert (result.sentences, result.repeats) == (whole.sentences, whole.repeats)
    assert result.sentences and result.source == "a.txt" and result.analysed
    assert result == pipeline.analyse_dispatch(whole.with_(source="a.txt"), use_cache=False)


def test_a_cancelled_job_stops_and_stores_nothing(calls):
    base = analysis.segment(TEXT)
    with pytest.raises(pipeline.Cancelled):
        pipeline.analyse_dispatch(base, cancelled=lambda: True)
    assert pipeline.cached(base) is None
    asked: list[str] = []

    def after_first_stage() -> bool:  # the caller gives up while the analysis runs
        asked.append("?")
        return len(asked) > 2

    with pytest.raises(pipeline.Cancelled):
        pipeline.analyse_dispatch(base, cancelled=after_first_stage)
    assert pipeline.cached(base) is None


def test_an_unwritable_cache_is_no_error(dispatch_file, calls, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(blocker / "cache"))
    result = pipeline.analyse_path(str(dispatch_file))
    assert not isinstance(result, pipeline.LoadError) and result.analysed
    assert pipeline.analyse_path(str(dispatch_file)) == result and len(calls) == 2
