"""Reported statements, multi-part statements, interviewers' questions and unnamed sources in the reader and
the digest (issue 11 point 6, issue 14 point 3). The Dispatch objects are built by hand: these tests do not
depend on the analysis finding them."""

from __future__ import annotations

import pytest

from app_fakes import fake_segment, make_app, run_async, settle
from dispatchtui.export import to_markdown
from dispatchtui.model import Quote, Span, Speaker

TEXT = (
    "Заявление МИД\n\n"
    "«Утверждают, что это так, — пояснила она, — но ведь никто не проверял». "
    "Мария Иванова также заявила, что переговоры будут продолжены. "
    "«Вы где были?» — спросил корреспондент. «Дома», — ответил Антон Силуанов. "
    "Источник сообщил, что визит отложен. Министр назвал встречу «полезной».\n"
)
IVANOVA, SILUANOV, SOURCE = "Мария Иванова", "Антон Силуанов", "источник"


def _at(words: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(words, after)
    return start, start + len(words)


def analyse(d):
    text = d.text
    p = d.paragraph_at(text.index("Утверждают")) or 0
    a, b, r, qn, h, s, f = (
        _at("Утверждают, что это так"),
        _at("но ведь никто не проверял"),
        _at("переговоры будут продолжены"),
        _at("Вы где были?"),
        _at("Дома"),
        _at("визит отложен"),
        _at("полезной"),
    )
    cue = _at("заявила")
    quotes = (
        Quote(*a, p, speaker=IVANOVA, statement=0),
        Quote(*b, p, speaker=IVANOVA, statement=0),
        Quote(
            *r,
            p,
            kind="reported",
            speaker=IVANOVA,
            cue="заявила",
            cue_span=Span(*cue),
            speaker_span=Span(*_at("Мария Иванова")),
        ),
        Quote(*qn, p, question=True),
        Quote(*h, p, speaker=SILUANOV),
        Quote(*s, p, kind="reported", speaker=SOURCE, cue="сообщил", cue_span=Span(*_at("сообщил"))),
        Quote(*f, p, kind="fragment", speaker=SILUANOV),
    )
    speakers = (
        Speaker(IVANOVA, "person", "официальный представитель МИД", (Span(*_at("Мария Иванова")),), (0, 1, 2)),
        Speaker(SILUANOV, "person", "министр финансов", (Span(*_at("Антон Силуанов")),), (4, 6)),
        Speaker(SOURCE, "unnamed", None, (Span(*_at("Источник")),), (5,)),
    )
    return d.with_(quotes=quotes, speakers=speakers, analysed=True)


@pytest.fixture
def dispatch_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    f = tmp_path / "statements.txt"
    f.write_text(TEXT, encoding="utf-8")
    return f


def rows(panel) -> list[str]:
    return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]


@run_async
async def test_quotes_panel_lists_each_statement_once_and_marks_reported_and_questions(dispatch_file):
    app = make_app([dispatch_file], analyser=analyse)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        panel = app.screen.panel("quotes")
        shown = rows(panel)
        assert len(shown) == 6  # 7 parts, the split statement is one row
        assert "Утверждают, что это так, — пояснила она, — но ведь никто не проверял" in shown[0]
        assert panel.entries[0].spans == (_at("Утверждают, что это так"), _at("но ведь никто не проверял"))
        assert "reported" in shown[1] and "≈ переговоры будут продолжены" in shown[1]
        assert shown[2].startswith("question")
        assert "fragment" in shown[5]
        # r: direct statements only (no reported ones, no questions)
        await pilot.press("3", "r")
        shown = rows(panel)
        assert len(shown) == 3 and not any("reported" in r or r.startswith("question") for r in shown)
        assert "direct" in str(panel.border_title)
        await pilot.press("r")
        assert len(rows(panel)) == 6


@run_async
async def test_y_on_a_split_statement_copies_it_whole_and_on_a_reported_one_its_sentence(dispatch_file):
    app = make_app([dispatch_file], analyser=analyse)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "y")
        assert app.clipboard == (
            "«Утверждают, что это так, — пояснила она, — но ведь никто не проверял», — "
            "Мария Иванова, официальный представитель МИД"
        )
        # enter jumps to the first part; again: to the second
        await pilot.press("enter")
        assert app.screen.article.highlight == _at("Утверждают, что это так")
        await pilot.press("enter")
        assert app.screen.article.highlight == _at("но ведь никто не проверял")
        await pilot.press("down", "y")
        assert app.clipboard == "Мария Иванова также заявила, что переговоры будут продолжены."
        await pilot.press("down", "down", "down", "y")  # the unnamed source, named in its sentence
        assert app.clipboard == "Источник сообщил, что визит отложен."
        await pilot.press("down", "y")  # a fragment: its sentence, with who
        assert app.clipboard == "Министр назвал встречу «полезной» (Антон Силуанов, министр финансов)."
        # from the article: the highlighted second part still copies the whole statement
        await pilot.press("up", "up", "up", "up", "up", "enter", "enter", "1", "y")
        assert app.clipboard.startswith("«Утверждают, что это так, — пояснила она, — но ведь")


@run_async
async def test_speakers_panel_counts_direct_and_reported_and_marks_unnamed_sources(dispatch_file):
    app = make_app([dispatch_file], analyser=analyse)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        shown = rows(app.screen.panel("speakers"))
        ivanova = next(r for r in shown if r.startswith(IVANOVA))
        assert "❝1❞" in ivanova and "≈1" in ivanova  # one split statement, one reported
        siluanov = next(r for r in shown if r.startswith(SILUANOV))
        assert "❝2❞" in siluanov and "≈" not in siluanov
        source = next(r for r in shown if r.startswith(SOURCE))
        assert "unnamed" in source and "≈1" in source


@run_async
async def test_article_shows_reported_statements_lighter_than_quotes(dispatch_file):
    app = make_app([dispatch_file], analyser=analyse)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        article = app.screen.article
        styles = {}
        for y in range(article.size.height):
            for seg in article.render_line(y):
                for words in ("переговоры будут продолжены", "Дома", "также"):
                    if words in seg.text:
                        styles[words] = seg.style
        reported, quote, plain = styles["переговоры будут продолжены"], styles["Дома"], styles["также"]
        assert reported.italic and reported.bgcolor == plain.bgcolor  # lighter: no background block
        assert quote.bgcolor != plain.bgcolor and not quote.italic


def test_markdown_digest_has_a_reported_section_and_counts_what_it_prints():
    d = analyse(fake_segment(TEXT))
    md = to_markdown(d)
    quotes = md[md.index("## Quotes") : md.index("## Reported")]
    assert quotes.count("> «") == 3  # split statement once, Дома, the fragment
    assert "«Утверждают, что это так, — пояснила она, — но ведь никто не проверял»" in quotes
    assert "Вы где были" not in quotes  # an interviewer's question
    assert "_(fragment)_" in quotes
    reported = md[md.index("## Reported") : md.index("## People")]
    assert "- Мария Иванова также заявила, что переговоры будут продолжены. — Мария Иванова" in reported
    assert "Источник сообщил, что визит отложен." in reported
    assert f"- {IVANOVA} — официальный представитель МИД (1 quote, 1 reported)" in md
    assert f"- {SILUANOV} — министр финансов (2 quotes)" in md


@run_async
async def test_library_counts_direct_statements_once(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "2.txt").write_text("Другое\n\nТекст.\n", encoding="utf-8")
    app = make_app([folder], analyser=analyse)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        row = app.screen.list.row_text(0)
        direct = app.screen.list.source(app.screen.list.rows[0]).direct
        assert direct == 3 and " 3/" in row, row  # the split statement once, Дома, the fragment; no question


def test_speaker_jumps_cycle_through_role_mentions_too():
    from dispatchtui.app.widgets.panels import speaker_spans

    d = analyse(fake_segment(TEXT))
    name, role = _at("Антон Силуанов"), _at("Министр")
    s = Speaker(SILUANOV, "person", "министр финансов", (Span(*name),), (4, 6), (Span(*role),))
    d = d.with_(speakers=(d.speakers[0], s, d.speakers[2]))
    assert speaker_spans(d, s) == (name, role)
