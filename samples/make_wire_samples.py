"""Build the wire-format samples (NewsML-G2, RSS, Atom, HTML, e-mail) from the plain-text samples beside this
script, the way the agencies publish such files. Run from the repository root:

    python samples/make_wire_samples.py

The texts are the plain samples' words, unchanged: headline = first line, paragraphs = the blank-line
separated blocks after it. URLs and dates are the originals recorded in SOURCES.md. Nothing else is made up
but the markup around them (navigation, an ad, a comment block in the HTML page; the mail headers).
"""

from __future__ import annotations

import html
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parts(name: str) -> tuple[str, list[str]]:
    text = next(HERE.glob(f"{name}*.txt")).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    return head.strip(), [p.strip() for p in body.split("\n\n") if p.strip()]


def xhtml(paragraphs: list[str], indent: str) -> str:
    return "\n".join(f"{indent}<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def newsml() -> str:
    head, paras = parts("02_tass")
    e = html.escape
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:tass.ru:20190808:6745682" version="1"
  standard="NewsML-G2" standardversion="2.29" conformance="power" xml:lang="ru">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
  <rightsInfo><copyrightHolder literal="ТАСС"/></rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="ТАСС"/>
    <versionCreated>2019-08-08T19:22:59+03:00</versionCreated>
    <firstCreated>2019-08-08T19:22:59+03:00</firstCreated>
    <pubStatus qcode="stat:usable"/>
    <link rel="irel:seeAlso" href="https://tass.ru/moskovskaya-oblast/6745682"/>
  </itemMeta>
  <contentMeta>
    <contentCreated>2019-08-08T19:22:59+03:00</contentCreated>
    <located type="cptype:city"><name>Москва</name></located>
    <creator literal="ТАСС"/>
    <headline>{e(head)}</headline>
    <dateline>МОСКВА, 8 августа. /ТАСС/</dateline>
    <creditline>ТАСС</creditline>
    <language tag="ru"/>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>{e(head)}</title></head>
        <body>
{xhtml(paras, "          ")}
        </body>
      </html>
    </inlineXML>
  </contentSet>
</newsItem>
"""


RIA = [
    ("04_ria", "https://ria.ru/20190810/1557366973.html", "Sat, 10 Aug 2019 06:35:00 +0300"),
    ("05_ria", "https://ria.ru/20190810/1557366366.html", "Sat, 10 Aug 2019 03:26:00 +0300"),
    ("06_ria", "https://ria.ru/20190810/1557366421.html", "Sat, 10 Aug 2019 03:32:00 +0300"),
]


def rss() -> str:
    items = []
    for n, (name, url, date) in enumerate(RIA):
        head, paras = parts(name)
        html_body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
        if n == 0:  # full text in content:encoded (CDATA)
            body = (
                f"<description>{html.escape(paras[1][:120])}…</description>\n"
                f"      <content:encoded><![CDATA[{html_body}]]></content:encoded>"
            )
        elif n == 1:  # full text as escaped HTML in <description>
            body = f"<description>{html.escape(html_body)}</description>"
        else:  # Yandex News' plain full text
            body = "<yandex:full-text>" + html.escape("\n".join(paras)) + "</yandex:full-text>"
        items.append(f"""    <item>
      <title>{html.escape(head)}</title>
      <link>{url}</link>
      <guid>{url}</guid>
      <pubDate>{date}</pubDate>
      <category>Происшествия</category>
      <enclosure url="https://cdnn21.img.ria.ru/images/{n}.jpg" type="image/jpeg" length="0"/>
      {body}
    </item>""")
    nl = "\n"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:yandex="http://news.yandex.ru">
  <channel>
    <title>РИА Новости</title>
    <link>https://ria.ru/</link>
    <description>Главные новости</description>
    <language>ru</language>
{nl.join(items)}
  </channel>
</rss>
"""


INTERFAX = [
    ("07_interfax", "https://www.sport-interfax.ru/659837", "2019-04-30T13:26:00+03:00"),
    ("08_interfax", "https://www.sport-interfax.ru/660425", "2019-05-07T12:46:00+03:00"),
]


def atom() -> str:
    entries = []
    for n, (name, url, date) in enumerate(INTERFAX):
        head, paras = parts(name)
        if n == 0:
            content = (
                f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{xhtml(paras, "")}</div></content>'
            )
        else:
            content = (
                '<content type="html">'
                + html.escape("".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras))
                + "</content>"
            )
        entries.append(f"""  <entry>
    <id>{url}</id>
    <title>{html.escape(head)}</title>
    <link rel="alternate" href="{url}"/>
    <published>{date}</published>
    <updated>{date}</updated>
    <author><name>Интерфакс</name></author>
    {content}
  </entry>""")
    nl = "\n"
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>Спорт-Интерфакс</title>
  <id>https://www.sport-interfax.ru/</id>
  <updated>2019-05-07T12:46:00+03:00</updated>
  <link rel="self" href="https://www.sport-interfax.ru/rss.xml"/>
{nl.join(entries)}
</feed>
"""


def page() -> str:
    head, paras = parts("10_gazeta")
    e = html.escape
    body = "\n".join(f"      <p>{e(p, quote=False)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="windows-1251">
  <title>{e(head)} - Газета.Ru | Новости</title>
  <meta property="og:title" content="{e(head)}">
  <meta property="og:site_name" content="Газета.Ru">
  <meta property="article:published_time" content="2012-09-27T10:36:58+04:00">
  <link rel="canonical" href="https://www.gazeta.ru/culture/news/2012/09/27/n_2546493.shtml">
  <script>window.dataLayer = [];</script>
</head>
<body>
  <header><nav><a href="/">Главная</a> <a href="/politics/">Политика</a> <a href="/culture/">Культура</a>
    <a href="/sport/">Спорт</a></nav></header>
  <div class="banner ad"><a href="https://ads.example/"><img src="https://ads.example/b.gif" alt="Реклама"></a>
    Реклама. Купите подписку со скидкой</div>
  <main>
    <article>
      <h1>{e(head)}</h1>
      <time datetime="2012-09-27T10:36:58+04:00">27.09.2012, 10:36</time>
{body}
    </article>
  </main>
  <section class="comments" id="comments"><h3>Комментарии</h3>
    <div class="comment"><p>Аноним: наконец-то открыли, давно пора было</p></div></section>
  <footer><p>© 1999–2012 «Газета.Ru». Все права защищены.</p></footer>
</body>
</html>
"""


def mail() -> bytes:
    head, paras = parts("03_tass")
    msg = MIMEMultipart("alternative", boundary="=_dispatchtui-sample_=")
    msg["Subject"] = Header(head, "windows-1251")  # RFC 2047, base64 in Windows-1251
    msg["From"] = Header("ТАСС - Оповещения", "koi8-r").encode() + " <alerts@tass.example>"
    msg["To"] = "desk@newsroom.example"
    msg["Date"] = "Fri, 09 Aug 2019 05:56:49 +0300"
    msg["Message-ID"] = "<6747431.alert@tass.example>"
    msg.attach(MIMEText("\n\n".join(paras) + "\n\n-- \nТАСС, оповещения по подписке\n", "plain", "koi8-r"))
    page_html = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paras) + "</body></html>"
    msg.attach(MIMEText(page_html, "html", "utf-8"))
    return msg.as_bytes()


def main() -> None:
    (HERE / "15_tass_raschistka-kunovki.newsml.xml").write_text(newsml(), encoding="utf-8")
    (HERE / "16_ria_lenta.rss").write_text(rss(), encoding="utf-8")
    (HERE / "17_interfax_sport.atom").write_text(atom(), encoding="utf-8")
    (HERE / "18_gazeta_teatr-rossiya.html").write_bytes(page().encode("windows-1251", "xmlcharrefreplace"))
    (HERE / "19_tass_johnson-vizy-uchenym.eml").write_bytes(mail())


if __name__ == "__main__":
    main()
