"""The export schema dispatchtui/2, checked on every sample: a small JSON-Schema-like checker, no dependency.

``segment()`` output is validated too, so the layout half of the schema is checked even without the NLP half.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path

import pytest

from dispatchtui.analysis import analyze, segment
from dispatchtui.analysis.layout import ru_date
from dispatchtui.export import to_json_array, to_json_line
from dispatchtui.load import Loaded, discover, load_path
from dispatchtui.model import SCHEMA, dispatch_from_json

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"))
#: every dispatch of the NewsML-G2 / RSS / Atom / HTML / e-mail samples (a feed is several)
WIRE_SAMPLES = [p for p in discover([str(SAMPLES_DIR)])[0] if not p.endswith(".txt")]

TOP_KEYS = {
    "schema",
    "source",
    "source_bytes",
    "encoding",
    "text",
    "headline",
    "dateline",
    "paragraphs",
    "sentences",
    "repeats",
    "quotes",
    "speakers",
    "topics",
    "meta",
}
META_KEYS = {"format", "item", "headline", "date", "place", "agency", "byline", "url"}
SPAN_KEYS = {"start", "end"}
DATELINE_KEYS = {"start", "end", "place", "date", "agency"}
REPEAT_KEYS = {"start", "end", "of"}
QUOTE_KEYS = {
    "start",
    "end",
    "paragraph",
    "kind",
    "speaker",
    "speaker_span",
    "cue",
    "cue_span",
    "statement",
    "question",
    "reason",
}
SPEAKER_KEYS = {"name", "kind", "role", "mentions", "quotes", "role_mentions"}
TOPIC_KEYS = {"label", "mentions", "facet", "weight"}


class SchemaError(AssertionError):
    pass


def need(cond: bool, where: str, msg: str) -> None:
    if not cond:
        raise SchemaError(f"{where}: {msg}")


def is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def check_keys(o, keys: set[str], where: str) -> None:
    need(isinstance(o, dict), where, f"expected an object, got {type(o).__name__}")
    need(set(o) == keys, where, f"keys {sorted(o)} != {sorted(keys)}")


def check_str_or_none(x, where: str, nonempty: bool = True) -> None:
    need(x is None or (isinstance(x, str) and (not nonempty or x.strip() != "")), where, f"bad string {x!r}")


def check_span(o, n: int, where: str, keys: set[str] = SPAN_KEYS, allow_empty: bool = False) -> tuple[int, int]:
    check_keys(o, keys, where)
    s, e = o["start"], o["end"]
    need(is_int(s) and is_int(e), where, f"offsets must be integers: {s!r}, {e!r}")
    need(0 <= s <= e <= n, where, f"span {s}..{e} out of bounds 0..{n}")
    need(allow_empty or s < e, where, f"empty span {s}..{e}")
    return s, e


def check_ordered_disjoint(spans: list[tuple[int, int]], where: str) -> None:
    for (a, b), (c, d) in zip(spans, spans[1:]):
        need(b <= c, where, f"spans {a}..{b} and {c}..{d} overlap or are out of order")


def inside(inner: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    return any(s <= inner[0] and inner[1] <= e for s, e in outer)


def validate(o: dict, *, analysed: bool) -> None:
    """Raise SchemaError unless ``o`` is a valid dispatchtui/2 record."""
    check_keys(o, TOP_KEYS, "$")
    need(o["schema"] == SCHEMA, "$.schema", repr(o["schema"]))
    need(isinstance(o["source"], str) and o["source"] != "", "$.source", repr(o["source"]))
    raw = o["source_bytes"]
    need(raw is None or isinstance(raw, str), "$.source_bytes", f"must be base64 or null: {raw!r}")
    if raw is not None:  # only for a name that is not UTF-8: source is then its display form, with U+FFFD
        try:
            name = base64.b64decode(raw, validate=True)
        except binascii.Error:
            raise SchemaError(f"$.source_bytes: not base64: {raw!r}") from None
        need(name.decode("utf-8", "replace") == o["source"], "$.source_bytes", "does not match source")
        need(
            name.decode("utf-8", "replace").encode("utf-8") != name,
            "$.source_bytes",
            "set for a name that is valid UTF-8 (must be null)",
        )
    need(isinstance(o["encoding"], str) and o["encoding"] != "", "$.encoding", repr(o["encoding"]))
    text = o["text"]
    need(isinstance(text, str) and text.strip() != "", "$.text", "must be non-empty text")
    need("\r" not in text and "\x1b" not in text, "$.text", "not normalized")
    n = len(text)

    need(isinstance(o["paragraphs"], list) and o["paragraphs"], "$.paragraphs", "non-empty array")
    paras = [check_span(p, n, f"$.paragraphs[{i}]") for i, p in enumerate(o["paragraphs"])]
    check_ordered_disjoint(paras, "$.paragraphs")
    for i, (s, e) in enumerate(paras):
        chunk = text[s:e]
        need(chunk == chunk.strip() and "\n" not in chunk, f"$.paragraphs[{i}]", "must be one trimmed line")

    need(isinstance(o["sentences"], list), "$.sentences", "array")
    sents = [check_span(s, n, f"$.sentences[{i}]") for i, s in enumerate(o["sentences"])]
    check_ordered_disjoint(sents, "$.sentences")
    for i, s in enumerate(sents):
        need(inside(s, paras), f"$.sentences[{i}]", "not inside a paragraph")

    if o["headline"] is not None:
        h = check_span(o["headline"], n, "$.headline")
        need(h == paras[0], "$.headline", "the headline is the first paragraph")
    meta = o["meta"]
    if meta is not None:
        check_keys(meta, META_KEYS, "$.meta")
        need(meta["format"] in ("newsml", "rss", "atom", "html", "email"), "$.meta.format", repr(meta["format"]))
        for k in META_KEYS - {"format"}:
            check_str_or_none(meta[k], f"$.meta.{k}")
    if o["dateline"] is not None:
        dl = o["dateline"]
        # a dateline the format gives but the text does not print is an empty span at the lead's start
        d = check_span(dl, n, "$.dateline", DATELINE_KEYS, allow_empty=meta is not None)
        need(
            d[0] == d[1] and any(s == d[0] for s, _ in paras) or inside(d, paras),
            "$.dateline",
            "not inside a paragraph",
        )
        need(o["headline"] is None or d[0] >= o["headline"]["end"], "$.dateline", "before the headline")
        for k in ("place", "date", "agency"):
            check_str_or_none(dl[k], f"$.dateline.{k}")
        from_meta = meta is not None and dl["date"] is not None and dl["date"] == ru_date(meta["date"])
        need(
            dl["date"] is not None or (meta is not None and d[0] == d[1]),
            "$.dateline.date",
            "a dateline in the text has a date",
        )
        need(
            from_meta or dl["date"] is None or dl["date"] in text[d[0] : d[1]],
            "$.dateline.date",
            "date neither in the dateline text nor the format's",
        )
        need(not any(s[0] < d[1] and d[0] < s[1] for s in sents), "$.sentences", "a sentence overlaps the dateline")

    need(isinstance(o["repeats"], list), "$.repeats", "array")
    reps = []
    for i, r in enumerate(o["repeats"]):
        w = f"$.repeats[{i}]"
        rs = check_span(r, n, w, REPEAT_KEYS)
        of = check_span(r["of"], n, w + ".of")
        need(of[1] <= rs[0], w, "a repeat comes after what it repeats")
        need(text[rs[0] : rs[1]] == text[of[0] : of[1]], w, "repeat text differs from its original")
        reps.append(rs)
    check_ordered_disjoint(reps, "$.repeats")

    need(isinstance(o["speakers"], list), "$.speakers", "array")
    need(isinstance(o["quotes"], list), "$.quotes", "array")
    names = []
    for i, sp in enumerate(o["speakers"]):
        w = f"$.speakers[{i}]"
        check_keys(sp, SPEAKER_KEYS, w)
        need(isinstance(sp["name"], str) and sp["name"].strip() == sp["name"] != "", w + ".name", repr(sp["name"]))
        need(sp["kind"] in ("person", "organization", "unnamed"), w + ".kind", repr(sp["kind"]))
        check_str_or_none(sp["role"], w + ".role")
        need(isinstance(sp["mentions"], list), w + ".mentions", "array")
        ms = [check_span(m, n, f"{w}.mentions[{j}]") for j, m in enumerate(sp["mentions"])]
        # Sorted and unique; nested mentions ("министр Ермек Кошербаев" ⊃ "Кошербаев") are allowed.
        need(ms == sorted(set(ms)), w + ".mentions", "mentions sorted and unique")
        need(isinstance(sp["role_mentions"], list), w + ".role_mentions", "array")
        rs = [check_span(m, n, f"{w}.role_mentions[{j}]") for j, m in enumerate(sp["role_mentions"])]
        need(rs == sorted(set(rs)), w + ".role_mentions", "role mentions sorted and unique")
        # a role mention is where no name is: it overlaps none of the name mentions
        need(
            not any(a < me and ms_ < b for a, b in rs for ms_, me in ms),
            w + ".role_mentions",
            "a role mention overlaps a name mention",
        )
        need(isinstance(sp["quotes"], list) and all(is_int(q) for q in sp["quotes"]), w + ".quotes", "int array")
        need(all(0 <= q < len(o["quotes"]) for q in sp["quotes"]), w + ".quotes", "index out of range")
        need(sp["quotes"] == sorted(set(sp["quotes"])), w + ".quotes", "indexes sorted and unique")
        names.append(sp["name"])
    need(len(names) == len(set(names)), "$.speakers", "names must be unique")

    qspans = []
    for i, q in enumerate(o["quotes"]):
        w = f"$.quotes[{i}]"
        check_keys(q, QUOTE_KEYS, w)
        qs = check_span(q, n, w, QUOTE_KEYS)
        need(is_int(q["paragraph"]) and 0 <= q["paragraph"] < len(paras), w + ".paragraph", repr(q["paragraph"]))
        ps, pe = paras[q["paragraph"]]
        need(ps <= qs[0] and qs[1] <= pe, w, "quote outside its paragraph")
        need(q["kind"] in ("full", "fragment", "reported"), w + ".kind", repr(q["kind"]))
        if q["cue_span"] is not None:
            check_span(q["cue_span"], n, w + ".cue_span")
        need(
            q["statement"] is None or (is_int(q["statement"]) and 0 <= q["statement"] <= i),
            w + ".statement",
            "a part points back to its statement's first part",
        )
        need(isinstance(q["question"], bool), w + ".question", repr(q["question"]))
        check_str_or_none(q["reason"], w + ".reason")
        need(q["speaker"] is None or q["speaker"] in names, w + ".speaker", f"{q['speaker']!r} not a speaker")
        if q["speaker_span"] is not None:
            check_span(q["speaker_span"], n, w + ".speaker_span")
        check_str_or_none(q["cue"], w + ".cue")
        if q["speaker"] is not None:
            owner = next(sp for sp in o["speakers"] if sp["name"] == q["speaker"])
            need(i in owner["quotes"], w, f"not listed in {q['speaker']!r}.quotes")
        qspans.append(qs)
    need(qspans == sorted(qspans), "$.quotes", "quotes in text order")
    for i, sp in enumerate(o["speakers"]):
        for qi in sp["quotes"]:
            need(o["quotes"][qi]["speaker"] == sp["name"], f"$.speakers[{i}].quotes", f"quote {qi} is not theirs")

    need(isinstance(o["topics"], list), "$.topics", "array")
    for i, t in enumerate(o["topics"]):
        w = f"$.topics[{i}]"
        check_keys(t, TOPIC_KEYS, w)
        need(isinstance(t["label"], str) and t["label"].strip() != "", w + ".label", repr(t["label"]))
        need(t["facet"] in ("theme", "place", "organization"), w + ".facet", repr(t["facet"]))
        need(isinstance(t["weight"], (int, float)) and not isinstance(t["weight"], bool), w + ".weight", "number")
        need(isinstance(t["mentions"], list), w + ".mentions", "array")
        for j, m in enumerate(t["mentions"]):
            check_span(m, n, f"{w}.mentions[{j}]")

    if not analysed:
        need(o["quotes"] == [] and o["speakers"] == [] and o["topics"] == [], "$", "segment() finds no NLP parts")


def load_sample(path: Path | str):
    loaded = load_path(str(path))
    assert isinstance(loaded, Loaded), loaded
    return segment(loaded.text, source=str(path), encoding=loaded.encoding, notes=loaded.notes, meta=loaded.meta)


# --------------------------------------------------------------------------------------------- the checker


def _valid_record():
    return {
        "schema": SCHEMA,
        "source": "x.txt",
        "source_bytes": None,
        "encoding": "utf-8",
        "text": "Заголовок\n\nТекст. Еще.",
        "headline": {"start": 0, "end": 9},
        "dateline": None,
        "paragraphs": [{"start": 0, "end": 9}, {"start": 11, "end": 22}],
        "sentences": [{"start": 0, "end": 9}, {"start": 11, "end": 17}, {"start": 18, "end": 22}],
        "repeats": [],
        "quotes": [
            {
                "start": 11,
                "end": 16,
                "paragraph": 1,
                "kind": "full",
                "speaker": "Иван Петров",
                "speaker_span": None,
                "cue": "сказал",
                "cue_span": None,
                "statement": None,
                "question": False,
                "reason": None,
            }
        ],
        "speakers": [
            {
                "name": "Иван Петров",
                "kind": "person",
                "role": None,
                "mentions": [{"start": 11, "end": 16}],
                "quotes": [0],
                "role_mentions": [{"start": 18, "end": 21}],
            }
        ],
        "topics": [{"label": "текст", "mentions": [{"start": 11, "end": 16}], "facet": "theme", "weight": 1.0}],
        "meta": None,
    }


@pytest.mark.parametrize(
    "breakage",
    [
        lambda o: o.update(extra=1),
        lambda o: o.pop("topics"),
        lambda o: o.pop("source_bytes"),
        lambda o: o.update(source_bytes="eC50eHQ="),  # "x.txt" is UTF-8: must be null
        lambda o: o.update(source="y\ufffd.txt", source_bytes="eP8udHh0"),  # the bytes are x\xff.txt
        lambda o: o.update(source_bytes="eP8udHh0!"),
        lambda o: o["paragraphs"].reverse(),
        lambda o: o["paragraphs"][1].update(end=99),
        lambda o: o["sentences"][1].update(start=True),
        lambda o: o["quotes"][0].update(speaker="Кто-то другой"),
        lambda o: o["speakers"][0].update(quotes=[3]),
        lambda o: o["speakers"][0].update(quotes=[]),
        lambda o: o["speakers"][0].update(role_mentions=[{"start": 12, "end": 14}]),  # inside a name mention
        lambda o: o["speakers"][0].update(role_mentions=[{"start": 18, "end": 99}]),
        lambda o: o["speakers"][0].pop("role_mentions"),
        lambda o: o.update(headline={"start": 11, "end": 22}),
        lambda o: o["quotes"][0].update(paragraph=0),
        lambda o: o["topics"][0].update(facet="mood"),
        lambda o: o["quotes"][0].update(kind="indirect"),
        lambda o: o["quotes"][0].update(statement=5),
        lambda o: o["quotes"][0].pop("cue_span"),
        lambda o: o.update(repeats=[{"start": 18, "end": 22, "of": {"start": 11, "end": 15}}]),
        lambda o: o.pop("meta"),
        lambda o: o.update(
            meta={
                "format": "pdf",
                "item": None,
                "headline": None,
                "date": None,
                "place": None,
                "agency": None,
                "byline": None,
                "url": None,
            }
        ),
        lambda o: o.update(meta={"format": "rss"}),
        lambda o: o.update(dateline={"start": 11, "end": 11, "place": None, "date": "1 мая", "agency": None}),
    ],
)
def test_checker_rejects_broken_records(breakage):
    o = _valid_record()
    validate(o, analysed=True)
    breakage(o)
    with pytest.raises(SchemaError):
        validate(o, analysed=True)


def test_role_mentions_round_trip_and_an_older_record_without_them_still_reads():
    o = _valid_record()
    d = dispatch_from_json(o)
    assert [(m.start, m.end) for m in d.speakers[0].role_mentions] == [(18, 21)]
    assert json.loads(to_json_line(d))["speakers"][0]["role_mentions"] == [{"start": 18, "end": 21}]
    del o["speakers"][0]["role_mentions"]  # written before role mentions were exported
    assert dispatch_from_json(o).speakers[0].role_mentions == ()


def test_a_name_that_is_not_utf8_is_exact_in_source_bytes():
    o = _valid_record()
    o.update(source="x\ufffd.txt", source_bytes="eP8udHh0")  # b"x\xff.txt"
    validate(o, analysed=True)
    d = dispatch_from_json(o)
    assert os.fsencode(d.source) == b"x\xff.txt"
    again = json.loads(to_json_line(d))
    assert (again["source"], again["source_bytes"]) == ("x\ufffd.txt", "eP8udHh0")


# --------------------------------------------------------------------------------------------- layout half


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name[:2] for p in SAMPLES])
def test_segment_output_matches_schema(path):
    d = load_sample(path)
    o = json.loads(to_json_line(d))
    validate(o, analysed=False)
    assert dispatch_from_json(o).paragraphs == d.paragraphs


def test_wire_samples_are_there():
    assert {load_path(p).meta.format for p in WIRE_SAMPLES} == {"newsml", "rss", "atom", "html", "email"}


@pytest.mark.parametrize(
    "source", WIRE_SAMPLES, ids=[p.rsplit("/", 1)[-1][:2] + str(i) for i, p in enumerate(WIRE_SAMPLES)]
)
def test_wire_sample_segment_output_matches_schema(source):
    d = load_sample(source)
    o = json.loads(to_json_line(d))
    validate(o, analysed=False)
    back = dispatch_from_json(o)
    assert (back.meta, back.headline, back.dateline) == (d.meta, d.headline, d.dateline)
    assert o["meta"]["headline"] == d.headline.slice(d.text)  # the format's headline is the layout's


# --------------------------------------------------------------------------------------------- full analysis


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name[:2] for p in SAMPLES])
def test_analyze_output_matches_schema(path):
    d = analyze(load_sample(path))
    assert d.analysed is True
    o = json.loads(to_json_line(d))
    validate(o, analysed=True)
    # The analysis keeps the layout it was given.
    base = load_sample(path)
    assert (d.text, d.paragraphs, d.sentences, d.headline, d.dateline, d.repeats) == (
        base.text,
        base.paragraphs,
        base.sentences,
        base.headline,
        base.dateline,
        base.repeats,
    )


def test_seed_analysis_has_quotes_and_speakers():
    d = analyze(load_sample(SAMPLES[0]))
    assert len(d.paragraphs) == 19
    assert len(d.quotes) >= 1
    assert any(s.kind == "person" for s in d.speakers)


def test_json_array_of_samples_is_valid():
    ds = [analyze(load_sample(p)) for p in SAMPLES[:3]]
    arr = json.loads(to_json_array(ds))
    assert isinstance(arr, list) and len(arr) == 3
    for o in arr:
        validate(o, analysed=True)


def test_old_schema_is_named_with_what_to_do():
    o = _valid_record()
    o["schema"] = "dispatchtui/1"
    with pytest.raises(ValueError, match=r"dispatchtui/1.*re-run"):
        dispatch_from_json(o)


@pytest.mark.parametrize("path", SAMPLES[:3], ids=lambda p: p.name)
def test_a_record_written_piece_by_piece_is_the_same_bytes(path):
    import io

    from dispatchtui.export import write_json_line

    d = analyze(load_path(str(path)).text, source=str(path))
    assert d.sentences and d.quotes
    for chunk in (1, 3, 4096):
        out = io.BytesIO()
        write_json_line(d, out, chunk=chunk)
        assert out.getvalue() == to_json_line(d).encode("utf-8")


def test_a_record_with_a_lone_surrogate_cannot_be_written_piece_by_piece():
    import io

    from dispatchtui.export import write_json_line

    d = segment("Текст \ud800 новости.\n")
    with pytest.raises(UnicodeEncodeError):
        write_json_line(d, io.BytesIO())
