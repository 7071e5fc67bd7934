"""Dispatches in wire formats: NewsML-G2, RSS / Atom, HTML pages, e-mail (dispatchtui.formats).

Each format's sample (samples/15-19, built from the plain samples by samples/make_wire_samples.py) must load to
the plain sample's text, with the format's metadata; hostile and broken files are one message each; nothing
is ever fetched (the socket module is patched to fail and to record any attempt).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from dispatchtui import formats, load
from dispatchtui.analysis import analyze, segment
from dispatchtui.load import Loaded, LoadError, discover, load_path, peek

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
NEWSML = SAMPLES / "15_tass_raschistka-kunovki.newsml.xml"
RSS = SAMPLES / "16_ria_lenta.rss"
ATOM = SAMPLES / "17_interfax_sport.atom"
PAGE = SAMPLES / "18_gazeta_teatr-rossiya.html"
MAIL = SAMPLES / "19_tass_johnson-vizy-uchenym.eml"

#: (wire source, the plain sample it was built from)
PAIRS = [
    (str(NEWSML), "02_tass_raschistka-kunovki.txt"),
    (f"{RSS}#https://ria.ru/20190810/1557366973.html", "04_ria_turisty-v-primorye.txt"),
    (f"{RSS}#https://ria.ru/20190810/1557366366.html", "05_ria_andreychenko.txt"),
    (f"{RSS}#https://ria.ru/20190810/1557366421.html", "06_ria_yakutiya-pozhary.txt"),
    (f"{ATOM}#https://www.sport-interfax.ru/659837", "07_interfax_labazanov-doping.txt"),
    (f"{ATOM}#https://www.sport-interfax.ru/660425", "08_interfax_pervyy-kanal-hokkey.txt"),
    (str(PAGE), "10_gazeta_teatr-rossiya.txt"),
    (str(MAIL), "03_tass_johnson-vizy-uchenym.txt"),
]
IDS = ["newsml", "rss-content", "rss-description", "rss-yandex", "atom-xhtml", "atom-html", "html", "email"]


def loaded(source) -> Loaded:
    got = load_path(str(source))
    assert isinstance(got, Loaded), got
    return got


def errors_of(paths) -> list[str]:
    return [e.reason for e in discover([str(p) for p in paths])[1]]


@pytest.fixture
def no_network(monkeypatch):
    """Every way to open a connection fails and is recorded."""
    # imported before the patch: urllib3 (under trafilatura) opens a socket at import time to probe for IPv6,
    # which is no fetch; a test that ran first in the same worker used to import it by luck
    import trafilatura  # noqa: F401

    attempts: list[str] = []

    def refuse(name):
        def call(*args, **kwargs):
            attempts.append(f"{name}{args[:2]!r}")
            raise OSError("network access in a test")

        return call

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(f"socket{args!r}")
            raise OSError("network access in a test")

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


# --------------------------------------------------------------------------------------------- per format


def test_discover_lists_every_item_of_the_samples():
    paths, errors = discover([str(SAMPLES)])
    assert errors == []
    wire = [p for p in paths if not p.endswith(".txt")]
    assert sorted(wire) == sorted(src for src, _ in PAIRS)  # a feed is one source per entry


@pytest.mark.parametrize(("source", "plain"), PAIRS, ids=IDS)
def test_wire_text_is_the_plain_dispatch(source, plain):
    got, txt = loaded(source), loaded(SAMPLES / plain)
    assert got.text == txt.text  # same normalized text: every offset, paragraph and quote the same
    assert got.meta is not None and got.meta.headline == txt.text.split("\n", 1)[0]
    d = segment(got.text, source=got.path, meta=got.meta)
    assert d.headline is not None and d.headline.slice(d.text) == got.meta.headline
    assert [p.slice(d.text) for p in d.paragraphs] == [p.slice(txt.text) for p in segment(txt.text).paragraphs]


@pytest.fixture(scope="module")
def analysed_pairs():
    return {
        src: (analyze(segment(loaded(src).text, meta=loaded(src).meta)), analyze(loaded(SAMPLES / plain).text))
        for src, plain in PAIRS
    }


@pytest.mark.parametrize(("source", "plain"), PAIRS, ids=IDS)
def test_quotes_are_found_as_in_the_plain_dispatch(analysed_pairs, source, plain):
    wire, txt = analysed_pairs[source]

    def quotes(d):
        return [(q.span.slice(d.text), q.kind, q.speaker) for q in d.quotes]

    assert quotes(wire) == quotes(txt)
    if "02_" in plain or "03_" in plain or "10_" in plain:
        assert quotes(wire), "these samples quote someone"


def test_newsml_metadata():
    m = loaded(NEWSML).meta
    assert (m.format, m.item, m.date, m.place, m.agency, m.url) == (
        "newsml",
        "urn:newsml:tass.ru:20190808:6745682",
        "2019-08-08T19:22:59+03:00",
        "Москва",
        "ТАСС",
        "https://tass.ru/moskovskaya-oblast/6745682",
    )
    d = segment(loaded(NEWSML).text, meta=m)
    # the text prints its own dateline: its span stays, the format's place / date / agency win
    assert d.dateline.span.slice(d.text) == "МОСКВА, 8 августа. /ТАСС/."
    assert (d.dateline.place, d.dateline.date, d.dateline.agency) == ("Москва", "8 августа 2019", "ТАСС")


def test_rss_and_atom_metadata():
    m = loaded(PAIRS[1][0]).meta
    assert (m.format, m.item, m.date, m.agency, m.url) == (
        "rss",
        "https://ria.ru/20190810/1557366973.html",
        "2019-08-10T06:35:00+03:00",
        "РИА Новости",
        "https://ria.ru/20190810/1557366973.html",
    )
    a = loaded(PAIRS[4][0]).meta
    assert (a.format, a.date, a.byline, a.agency) == (
        "atom",
        "2019-04-30T13:26:00+03:00",
        "Интерфакс",
        "Спорт-Интерфакс",
    )


def test_html_page_main_text_without_navigation_ads_comments():
    got = loaded(PAGE)
    assert (got.meta.format, got.meta.date, got.meta.agency, got.meta.url, got.encoding) == (
        "html",
        "2012-09-27T10:36:58+04:00",
        "Газета.Ru",
        "https://www.gazeta.ru/culture/news/2012/09/27/n_2546493.shtml",
        "windows-1251",
    )
    for furniture in ("Главная", "Реклама", "Аноним", "Все права защищены", "dataLayer"):
        assert furniture not in got.text
    d = segment(got.text, meta=got.meta)
    # no dateline in the text: the format's date and site as an empty span at the start of the lead
    assert d.dateline.start == d.dateline.end == d.paragraphs[1].start
    assert (d.dateline.date, d.dateline.agency) == ("27 сентября 2012", "Газета.Ru")


def test_mail_subject_date_sender_and_odd_charsets():
    got = loaded(MAIL)  # subject RFC 2047 base64 in Windows-1251, sender in KOI8-R, body KOI8-R base64
    assert got.meta.headline.startswith("Джонсон поручил разработать систему")
    assert (got.meta.format, got.meta.item, got.meta.date, got.meta.byline, got.encoding) == (
        "email",
        "6747431.alert@tass.example",
        "2019-08-09T05:56:49+03:00",
        "ТАСС - Оповещения",
        "koi8-r",
    )
    assert "оповещения по подписке" not in got.text  # the signature is cut


def test_peek_shows_the_formats_headline_and_date():
    p = peek(PAIRS[2][0])
    assert (p.headline, p.date, p.agency) == (loaded(PAIRS[2][0]).meta.headline, "10 августа 2019", "РИА Новости")
    assert peek(str(PAGE)).date == "27 сентября 2012"
    assert peek(str(MAIL)).headline == loaded(MAIL).meta.headline


def test_library_rows_show_the_formats_headline_and_date():
    from dispatchtui.app.session import Session

    paths, _ = discover([str(SAMPLES)])
    s = Session(paths)
    rows = {s.paths[i]: s.row(i) for i in range(len(s))}
    row = rows[PAIRS[4][0]]
    assert (row.headline, row.date) == (
        "Российского чемпиона мира по греко-римской борьбе отстранили за допинг",
        "30 апреля 2019",
    )
    lay = s.layout(paths.index(str(NEWSML)))
    assert lay.meta.format == "newsml" and lay.dateline.date == "8 августа 2019"


# --------------------------------------------------------------------------------------------- detection


def test_detection_by_content(tmp_path):
    (tmp_path / "wire.xml").write_bytes(RSS.read_bytes())  # an .xml that is RSS
    (tmp_path / "page").write_bytes(PAGE.read_bytes())  # an HTML page without a suffix
    (tmp_path / "alert").write_bytes(MAIL.read_bytes())  # a mail without a suffix
    (tmp_path / "item.g2").write_bytes(NEWSML.read_bytes())
    (tmp_path / "notes").write_text("Заметка\n\nКороткий текст: просто текст.", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>', encoding="utf-8")
    assert [
        formats.kind(str(tmp_path / n)) for n in ("wire.xml", "page", "alert", "item.g2", "notes", "sitemap.xml")
    ] == ["rss", "html", "email", "newsml", "text", "xml"]
    paths, errors = discover([str(tmp_path)])
    assert errors == []  # XML of no known kind is skipped in a folder…
    assert len(paths) == 3 + 1 + 1 + 1 + 1
    assert errors_of([tmp_path / "sitemap.xml"]) == ["XML, but neither an RSS/Atom feed nor NewsML-G2"]  # …named
    assert loaded(tmp_path / "page").meta.format == "html"
    assert loaded(tmp_path / "notes").meta is None


def test_an_item_can_be_given_by_name():
    source = PAIRS[3][0]
    assert discover([source]) == ([source], [])
    assert isinstance(load_path(f"{RSS}#no-such-entry"), LoadError)
    whole = load_path(str(RSS))
    assert isinstance(whole, LoadError) and "PATH#ID" in whole.reason


@pytest.mark.slow
def test_extract_records_format_and_item(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISPATCHTUI_")}
    env["DISPATCHTUI_CACHE_DIR"] = str(tmp_path / "cache")
    p = subprocess.run(
        [sys.executable, "-m", "dispatchtui", "extract", str(RSS), str(NEWSML)],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr.decode()
    out = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [(o["meta"]["format"], o["meta"]["item"]) for o in out] == [
        ("rss", "https://ria.ru/20190810/1557366973.html"),
        ("rss", "https://ria.ru/20190810/1557366366.html"),
        ("rss", "https://ria.ru/20190810/1557366421.html"),
        ("newsml", "urn:newsml:tass.ru:20190808:6745682"),
    ]
    assert out[0]["source"] == f"{RSS}#https://ria.ru/20190810/1557366973.html"
    for o in out:
        assert o["text"][o["headline"]["start"] : o["headline"]["end"]] == o["meta"]["headline"]


# --------------------------------------------------------------------------------------------- hostile files

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>x</title><item><title>&lol9;</title><description>a</description></item>
<item><title>b</title><description>b</description></item></channel></rss>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><contentMeta><headline>&xxe;&web;</headline>
</contentMeta><contentSet><inlineData contenttype="text/plain">&xxe;</inlineData></contentSet></newsItem>
"""


def test_billion_laughs_is_refused_and_the_folder_still_loads(tmp_path, no_network):
    (tmp_path / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (tmp_path / "bomb-broken.rss").write_text(BOMB.replace("</channel>", "</chanel>"), encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Заголовок\n\nТекст новости.", encoding="utf-8")
    paths, errors = discover([str(tmp_path)])
    assert paths == [str(tmp_path / "ok.txt")]
    assert [e.reason for e in errors] == ["refused: the XML declares entities (entity expansion is off)"] * 2
    assert no_network == []


def test_external_entities_are_refused_and_never_fetched(tmp_path, no_network):
    (tmp_path / "xxe.xml").write_text(XXE, encoding="utf-8")
    assert errors_of([tmp_path / "xxe.xml"]) == ["refused: the XML declares entities (entity expansion is off)"]
    # a DTD by reference (RSS 0.91 style) is neither fetched nor needed
    dtd = RSS.read_text(encoding="utf-8").replace(
        "<rss ", '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss-0.91.dtd">\n<rss ', 1
    )
    (tmp_path / "dtd.rss").write_text(dtd, encoding="utf-8")
    paths, errors = discover([str(tmp_path / "dtd.rss")])
    assert errors == [] and len(paths) == 3
    assert all(isinstance(load_path(p), Loaded) for p in paths)
    assert no_network == []


def test_nothing_is_fetched(tmp_path, no_network):
    """Feed links, enclosures, images, Atom remote content, NewsML-G2 remoteContent, a page's scripts and
    stylesheets: all present in these files, none touched."""
    (tmp_path / "remote.atom").write_text(
        """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>F</title><entry><id>a</id><title>Удалённое</title><content src="http://127.0.0.1:9/a.html"/>
<summary>Краткое содержание статьи.</summary></entry><entry><id>b</id><title>Б</title>
<content type="html">&lt;p&gt;Текст &lt;img src="http://127.0.0.1:9/i.png"&gt;&lt;/p&gt;</content></entry></feed>""",
        encoding="utf-8",
    )
    (tmp_path / "remote.xml").write_text(
        """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="r">
<contentMeta><headline>Н</headline></contentMeta><contentSet><remoteContent href="http://127.0.0.1:9/x.txt"/>
</contentSet></newsItem>""",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        """<html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css">
<script src="http://127.0.0.1:9/s.js"></script><base href="http://127.0.0.1:9/"></head><body><article><h1>Заголовок
</h1><p>Первый абзац новости, в котором достаточно слов, чтобы извлечь его как основной текст статьи.</p>
<img src="http://127.0.0.1:9/i.png"><iframe src="http://127.0.0.1:9/f"></iframe></article></body></html>""",
        encoding="utf-8",
    )
    paths, errors = discover([str(tmp_path), str(SAMPLES)])
    assert [e.reason for e in errors] == []
    for p in paths:
        peek(p)
        load_path(p)
    assert loaded(f"{tmp_path / 'remote.atom'}#a").text == "Удалённое\n\nКраткое содержание статьи."
    remote = load_path(str(tmp_path / "remote.xml"))
    assert isinstance(remote, LoadError) and "never fetched" in remote.reason
    assert "Первый абзац новости" in loaded(tmp_path / "page.html").text
    assert no_network == []


def test_a_feed_of_ten_thousand_entries(tmp_path):
    items = "".join(
        f"<item><title>Новость номер {i}</title><guid>id-{i}</guid><pubDate>Thu, 08 Aug 2019 19:22:59"
        f" +0300</pubDate><description>&lt;p&gt;Текст новости {i}.&lt;/p&gt;</description></item>"
        for i in range(10_000)
    )
    (tmp_path / "big.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>ТАСС</title>{items}</channel></rss>', encoding="utf-8"
    )
    paths, errors = discover([str(tmp_path)])
    assert errors == [] and len(paths) == 10_000 and len(set(paths)) == 10_000
    assert paths[9_999] == f"{tmp_path / 'big.rss'}#id-9999"
    assert loaded(paths[9_999]).text == "Новость номер 9999\n\nТекст новости 9999."
    assert peek(paths[5_000]).headline == "Новость номер 5000"


def test_a_hundred_megabyte_feed(tmp_path, monkeypatch):
    """Parsed as a stream: the small entries load, the 100 MB one is over the per-item limit; with a lower
    limit for the whole file it is one message."""
    big = tmp_path / "huge.rss"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>')
        fh.write("<item><guid>small-1</guid><title>Малая</title><description>Текст.</description></item>")
        fh.write("<item><guid>huge</guid><title>Огромная</title><description>")
        chunk = "Очень длинный текст новости. " * 2000
        for _ in range(100 * 1024 * 1024 // len(chunk.encode()) + 1):
            fh.write(chunk)
        fh.write("</description></item>")
        fh.write("<item><guid>small-2</guid><title>Ещё</title><description>Конец.</description></item>")
        fh.write("</channel></rss>")
    assert big.stat().st_size > 100 * 1024 * 1024
    paths, errors = discover([str(big)])
    assert errors == [] and [p.rsplit("#", 1)[1] for p in paths] == ["small-1", "huge", "small-2"]
    assert loaded(paths[2]).text == "Ещё\n\nКонец."
    huge = load_path(paths[1])
    assert isinstance(huge, LoadError) and huge.reason.startswith("item too large")
    formats._cache.clear()
    monkeypatch.setattr(formats, "MAX_CONTAINER_BYTES", 64 * 1024 * 1024)
    assert errors_of([big])[0].startswith("too large (100.")


def test_malformed_feed_is_read_leniently(tmp_path, no_network):
    (tmp_path / "sloppy.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Лента &amp; Ко</title>'
        "<item><title>Цены&nbsp;на нефть выросли</title><guid>s1</guid><description>Нефть &mdash; выросла"
        " в цене & это всё.</description></item>"
        "<item><title>Вторая</title><guid>s2</guid><description><p>Абзац<br>второй</description></item>",
        encoding="utf-8",
    )
    paths, errors = discover([str(tmp_path)])
    assert errors == [] and len(paths) == 2
    first = loaded(paths[0])
    assert first.meta.headline == "Цены\u00a0на нефть выросли" and "Нефть — выросла" in first.text
    assert any("read leniently" in n for n in first.notes)
    assert no_network == []


def test_malformed_html(tmp_path):
    (tmp_path / "broken.html").write_bytes(
        b"<html><head><title>\xd0\x97\xd0\xb0\xd0\xb3\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xba</title>"
        b"<body><div><p>\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb2\xd1\x8b\xd0\xb9 <b>\xd0\xb0\xd0\xb1\xd0\xb7\xd0\xb0\xd1\x86"
        b"<p>\xd0\x92\xd1\x82\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb9</i></span></table>\x01<<<>>>&bogus; <!-- open"
    )
    (tmp_path / "deep.html").write_text(
        "<html><body>" + "<div>" * 1000 + "Глубоко внутри" + "</div>" * 10 + "</body></html>", encoding="utf-8"
    )
    (tmp_path / "deeper.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "Глубоко внутри" + "</div>" * 10 + "</body></html>", encoding="utf-8"
    )
    (tmp_path / "empty.html").write_text("<html><head><script>x()</script></head><body>  </body></html>")
    (tmp_path / "binary.html").write_bytes(os.urandom(4096))
    got = loaded(tmp_path / "broken.html")
    assert got.text.startswith("Заголовок\n\n") and "Первый абзац" in got.text and "Второй" in got.text
    assert "Глубоко внутри" in loaded(tmp_path / "deep.html").text
    deeper = load_path(str(tmp_path / "deeper.html"))
    assert isinstance(deeper, LoadError) and "nested too deeply" in deeper.reason
    empty = load_path(str(tmp_path / "empty.html"))
    assert isinstance(empty, LoadError) and "empty" in empty.reason
    assert isinstance(load_path(str(tmp_path / "binary.html")), LoadError)
    paths, errors = discover([str(tmp_path)])
    assert len(paths) == 5 and errors == []  # every page is listed; the bad ones fail when opened, one line each


def _mail(tmp_path, name: str, raw: bytes) -> Loaded | LoadError:
    (tmp_path / name).write_bytes(raw)
    return load_path(str(tmp_path / name))


def test_multipart_mail_with_odd_charsets(tmp_path):
    cp1251 = "«Цены вырастут», — сказал министр.".encode("cp1251")
    raw = (
        b"From: =?utf-8?q?=D0=A0=D0=98=D0=90?= <a@b.example>\nSubject: =?koi8-r?q?=F3=CF=CF=C2=DD=C5=CE=C9=C5?=\n"
        b"Date: not a date\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\n"
        b"Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 8bit\n\n"
        + cp1251
        + b"\n--XX\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\n%PDF\n--XX--\n"
    )
    got = _mail(tmp_path, "odd.eml", raw)
    assert isinstance(got, Loaded), got
    assert got.meta.headline == "Сообщение" and got.meta.byline == "РИА" and got.meta.date is None
    assert got.text == "Сообщение\n\n«Цены вырастут», — сказал министр."  # the part said us-ascii: detected
    assert got.encoding == "cp1251" and any("us-ascii" in n for n in got.notes)
    unknown = raw.replace(b"charset=us-ascii", b"charset=x-klingon")
    assert _mail(tmp_path, "unknown.eml", unknown).text.endswith("сказал министр.")
    html_only = (
        b"Subject: =?utf-8?b?" + __import__("base64").b64encode("Тема".encode()) + b"?=\n"
        b"Content-Type: text/html; charset=windows-1251\nContent-Transfer-Encoding: quoted-printable\n\n"
        b"<html><body><p>=C0=E1=E7=E0=F6 =EE=E4=E8=ED.</p><p>=C0=E1=E7=E0=F6 =E4=E2=E0.</p></body></html>\n"
    )
    got = _mail(tmp_path, "html.eml", html_only)
    assert got.text == "Тема\n\nАбзац один.\n\nАбзац два."
    broken = _mail(tmp_path, "broken.eml", b"Subject: x\nContent-Type: multipart/mixed; boundary=Q\n\n--Q\n")
    assert isinstance(broken, LoadError)


def test_item_limits_and_fragments(tmp_path):
    (tmp_path / "dup.rss").write_text(
        '<rss version="2.0"><channel><title>T</title>'
        + "".join(
            f"<item><guid>same</guid><title>Н{i}</title><description>Т{i}.</description></item>" for i in range(3)
        )
        + "</channel></rss>",
        encoding="utf-8",
    )
    paths, _ = discover([str(tmp_path)])
    assert [p.rsplit("#", 1)[1] for p in paths] == ["1", "2", "3"]  # ids not distinct: positions
    assert loaded(paths[1]).meta.item == "same"


def test_package_without_items_says_so(tmp_path):
    (tmp_path / "pkg.xml").write_text(
        """<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p">
<groupSet root="G1"><group id="G1"><itemRef residref="a"/><itemRef residref="b"/></group></groupSet></packageItem>""",
        encoding="utf-8",
    )
    assert errors_of([tmp_path / "pkg.xml"]) == [
        "a NewsML-G2 package: its 2 item(s) are referred to (itemRef), not included — open the item files"
    ]


def test_news_message_with_several_items(tmp_path):
    item = NEWSML.read_text(encoding="utf-8").split("?>", 1)[1]
    second = item.replace("6745682", "6745683").replace("Расчистку участка", "Уборку участка")
    (tmp_path / "message.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
        f"<header/><itemSet>{item.replace(' xmlns=', ' data-x=', 1)}{second.replace(' xmlns=', ' data-x=', 1)}"
        "</itemSet></newsMessage>",
        encoding="utf-8",
    )
    paths, errors = discover([str(tmp_path)])
    assert errors == [] and [p.rsplit("#", 1)[1][-7:] for p in paths] == ["6745682", "6745683"]
    assert loaded(paths[1]).meta.headline.startswith("Уборку участка")


def test_windows_1251_feed(tmp_path):
    (tmp_path / "cp.rss").write_bytes(
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
        "<title>Лента</title><item><guid>1</guid><title>Новость</title>"
        "<description>Текст.</description></item></channel></rss>".encode("cp1251")
    )
    got = loaded(tmp_path / "cp.rss")
    assert (got.text, got.encoding) == ("Новость\n\nТекст.", "windows-1251")


def test_the_plain_text_loader_is_untouched_by_formats(monkeypatch):
    """A .txt never reaches dispatchtui.formats' parsers (no sniffing, no container)."""
    monkeypatch.setattr(formats, "kind", lambda p: pytest.fail(f"sniffed {p}"))
    assert loaded(SAMPLES / "02_tass_raschistka-kunovki.txt").meta is None
    assert load.load_preview(str(SAMPLES / "02_tass_raschistka-kunovki.txt")) is None


def test_markdown_digest_names_the_link_and_date():
    from dispatchtui.export import to_markdown

    got = loaded(NEWSML)
    md = to_markdown(segment(got.text, source=got.path, meta=got.meta))
    assert "<https://tass.ru/moskovskaya-oblast/6745682>" in md and "Москва, 8 августа 2019, ТАСС" in md


def test_a_pages_own_heading_is_its_headline_once(tmp_path):
    (tmp_path / "p.html").write_text(
        '<html><head><meta property="og:title" content="Короткий заголовок"><meta property="article:published_time"'
        ' content="2020-01-02T10:00:00+03:00"><meta name="author" content="Иван Петров"></head><body><nav>Меню'
        "</nav><article><h1>Длинный&nbsp;заголовок статьи на сайте</h1><p>Первый абзац статьи, достаточно длинный,"
        " чтобы его взяли в основной текст.</p><p>«Цитата из статьи», — сказал он.</p></article></body></html>",
        encoding="utf-8",
    )
    got = loaded(tmp_path / "p.html")
    assert got.text.startswith("Длинный\u00a0заголовок статьи на сайте\n\nПервый абзац")
    assert got.text.count("заголовок") == 1 and got.meta.headline == got.text.split("\n", 1)[0]
    assert (got.meta.byline, got.meta.date) == ("Иван Петров", "2020-01-02T10:00:00+03:00")
    d = segment(got.text, meta=got.meta)
    assert d.headline.slice(d.text) == got.meta.headline


# --------------------------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MARKUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<script>x</script>",
            "<b>",
            "</i>",
            "<!--",
            "-->",
            "&nbsp;",
            "&amp;",
            "&bogus;",
            "<",
            ">",
            "\n",
            "  ",
            "\t",
            "Слово",
            "«цитата»",
            " — ",
            "<h1>",
            "</h1>",
            "<li>",
            "\u00a0",
            "<?xml?>",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600) | _MARKUP.map(lambda s: s.encode("utf-8")))
def test_sniff_never_raises(head):
    from dispatchtui.formats.sniff import sniff

    assert sniff(head) in {"rss", "atom", "newsml", "html", "email", "xml", "text"}


@settings(max_examples=200, deadline=None)
@given(_MARKUP)
def test_fragments_become_trimmed_paragraphs(fragment):
    from dispatchtui.formats.html import fragment_to_text

    text = fragment_to_text(fragment)
    for para in text.split("\n\n") if text else []:
        assert para and para == para.strip(" \t\n") and "\n" not in para and "  " not in para
    assert "<script" not in text and "x</script>" not in text
