"""The loader: encodings, normalization, hostile inputs, discovery. All fixtures are generated in tmp_path."""

from __future__ import annotations

import builtins
import errno
import io
import os
import sys
from pathlib import Path

import pytest

from dispatchtui import load, reading
from dispatchtui.analysis import segment
from dispatchtui.load import Loaded, LoadError, Peek, decode, discover, load_path, natural_key, peek

NEWS = (
    "МОСКВА, 8 августа. /ТАСС/. Министерство экологии и природопользования Подмосковья объявило конкурс "
    "по расчистке участка реки Куновки. Работы планируется завершить в 2020 году. Об этом сообщила "
    'пресс-служба ведомства.\n\nПо словам министра, "в этом году будут расчищены еще восемь рек".'
)
SHORT = "Президент подписал указ о помиловании."
# One-line texts that are hard for a code-page guesser: all capitals, tiny, with ё.
TINY = ["Путин прибыл в Москву.", "МОСКВА, 8 августа. /ТАСС/.", "Да.", "куб.", "16 февраля."]


def write(tmp_path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return str(p)


def loaded(path, encoding=None) -> Loaded:
    r = load_path(path, encoding)
    assert isinstance(r, Loaded), r
    return r


def failed(path, encoding=None) -> LoadError:
    r = load_path(path, encoding)
    assert isinstance(r, LoadError), r
    assert r.path == path
    return r


# --------------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "codec, prefix, expected",
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("cp1251", b"", "cp1251"),
        ("koi8-r", b"", "koi8-r"),
        ("cp866", b"", "cp866"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "cp1251",
        "koi8r",
        "cp866",
    ],
)
@pytest.mark.parametrize("text", [NEWS, SHORT], ids=["news", "one-line"])
def test_encodings_detected(tmp_path, codec, prefix, expected, text):
    path = write(tmp_path, "d.txt", prefix + text.encode(codec))
    r = loaded(path)
    assert r.text == text
    assert r.encoding == expected
    assert "\ufeff" not in r.text
    assert not any("control" in n for n in r.notes)  # a BOM is not reported as a stripped control


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "cp866"])
@pytest.mark.parametrize("text", TINY, ids=["sentence", "dateline-caps", "two-letters", "abbrev", "date"])
def test_tiny_legacy_texts(codec, text):
    r = decode(text.encode(codec))
    assert not isinstance(r, str), r
    assert r[0] == text, (codec, r)


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "cp866"])
def test_every_sample_in_legacy_code_pages(tmp_path, codec):
    from pathlib import Path

    for sample in sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue  # the sample has characters the code page lacks
        r = decode(data)
        assert not isinstance(r, str), (sample.name, r)
        assert (r[0], r[1]) == (text, codec), sample.name


def test_utf16_without_bom_is_noted(tmp_path):
    r = loaded(write(tmp_path, "u.txt", NEWS.encode("utf-16-le")))
    assert "UTF-16 without byte-order mark" in r.notes


def test_encoding_override(tmp_path):
    data = NEWS.encode("cp1251")
    path = write(tmp_path, "d.txt", data)
    # Forced to KOI8-R, the same bytes read as mojibake — the override wins over detection.
    r = loaded(path, "koi8-r")
    assert r.encoding == "koi8-r" and r.text == normalize_text(data.decode("koi8-r"))
    assert loaded(path, "cp1251").text == NEWS
    # UTF-8 override on legacy bytes: replaced, and said so.
    r = loaded(path, "utf-8")
    assert "\ufffd" in r.text and any("undecodable" in n for n in r.notes)


def test_encoding_override_unknown_or_unusable(tmp_path):
    path = write(tmp_path, "d.txt", b"abc \xff\xfe")
    assert "unknown encoding" in failed(path, "no-such-codec").reason
    assert "idna" in failed(path, "idna").reason  # a codec without errors="replace" fails cleanly


def normalize_text(raw: str) -> str:
    from dispatchtui.analysis.normalize import normalize

    return normalize(raw)[0]


def test_truncated_utf8_at_end(tmp_path):
    data = "Президент подписал указ о помиловании".encode()[:-1]  # cut inside the last letter
    r = loaded(write(tmp_path, "t.txt", data))
    assert r.text == "Президент подписал указ о помиловани"
    assert r.encoding == "utf-8"
    assert any("truncated" in n for n in r.notes)


def test_few_invalid_bytes_in_utf8_are_replaced(tmp_path):
    text = (NEWS + "\n\n") * 3
    data = text.encode()
    data = data[:20] + b"\xff" + data[21:]
    r = loaded(write(tmp_path, "x.txt", data))
    assert r.encoding == "utf-8" and r.text.count("\ufffd") >= 1
    assert any("invalid UTF-8" in n for n in r.notes)


def test_peek_tolerates_cut_at_peek_limit(tmp_path, monkeypatch):
    text = "Заголовок сообщения о реке\n\n" + NEWS
    data = text.encode()
    # Cut inside a two-byte letter exactly at the peek limit.
    limit = next(i for i in range(60, len(data)) if data[i] >= 0xC0) + 1
    monkeypatch.setattr(load, "PEEK_BYTES", limit)
    pk = peek(write(tmp_path, "p.txt", data))
    assert isinstance(pk, Peek), pk
    assert pk.headline == "Заголовок сообщения о реке"


def test_peek_reads_headline_and_dateline(tmp_path):
    pk = peek(write(tmp_path, "p.txt", ("Расчистку реки завершат в 2020 году\n\n" + NEWS).encode("cp1251")))
    assert isinstance(pk, Peek), pk
    assert (pk.headline, pk.place, pk.date, pk.agency) == (
        "Расчистку реки завершат в 2020 году",
        "МОСКВА",
        "8 августа",
        "ТАСС",
    )
    # No headline: the lead (after the dateline) is the title.
    pk = peek(write(tmp_path, "q.txt", NEWS.encode()))
    assert pk.headline.startswith("Министерство экологии") and pk.agency == "ТАСС"


# --------------------------------------------------------------------------------------------- normalization


def test_crlf_and_lone_cr_become_lf(tmp_path):
    r = loaded(write(tmp_path, "c.txt", "Первая строка.\r\nВторая строка.\rТретья строка.\r\n".encode()))
    assert r.text == "Первая строка.\nВторая строка.\nТретья строка."
    assert "\r" not in r.text


def test_controls_and_terminal_escapes_stripped_offsets_consistent(tmp_path):
    raw = (
        "Заголовок\x1b[31m о реке\x1b[0m\n\n"
        "МОСКВА, 8 августа. /ТАСС/. \x1b]0;pwned\x07Министерство\x01 экологии\x07 объявило\u202e конкурс.\x08 "
        "Работы\x1b]8;;http://evil.example\x1b\\ завершат\x1b]8;;\x1b\\ в 2020 году.\x7f\x9b2J"
    )
    r = loaded(write(tmp_path, "e.txt", raw.encode()))
    assert "\x1b" not in r.text and "\x07" not in r.text and "\x01" not in r.text and "\u202e" not in r.text
    assert "pwned" not in r.text and "evil" not in r.text and "[31m" not in r.text
    assert r.text == (
        "Заголовок о реке\n\nМОСКВА, 8 августа. /ТАСС/. Министерство экологии объявило конкурс. "
        "Работы завершат в 2020 году."
    )
    assert any("escape" in n for n in r.notes) and any("control" in n for n in r.notes)
    d = segment(r.text)
    assert d.text[d.headline.start : d.headline.end] == "Заголовок о реке"
    assert d.text[d.dateline.start : d.dateline.end] == "МОСКВА, 8 августа. /ТАСС/."
    assert [d.text[s.start : s.end] for s in d.sentences] == [
        "Заголовок о реке",
        "Министерство экологии объявило конкурс.",
        "Работы завершат в 2020 году.",
    ]


def test_tab_becomes_space(tmp_path):
    assert loaded(write(tmp_path, "t.txt", "Слово\tслово.".encode())).text == "Слово слово."


# --------------------------------------------------------------------------------------------- not text


def test_nul_bytes_are_binary(tmp_path):
    r = failed(write(tmp_path, "n.txt", b"\x00\x01\x02 some \x00 bytes \x00" * 50))
    assert "binary" in r.reason


def test_one_nul_byte_in_text_is_binary(tmp_path):
    assert "binary" in failed(write(tmp_path, "n1.txt", NEWS.encode()[:40] + b"\x00" + NEWS.encode()[40:])).reason


def test_random_bytes_are_binary(tmp_path):
    import random

    rng = random.Random(1234)
    data = bytes(rng.randrange(256) for _ in range(4000))
    assert "binary" in failed(write(tmp_path, "r.bin.txt", data)).reason


def test_png_is_binary(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "binary" in failed(write(tmp_path, "img.txt", data)).reason


def test_empty_file(tmp_path):
    assert "empty" in failed(write(tmp_path, "e.txt", b"")).reason


def test_whitespace_only_file(tmp_path):
    assert "empty" in failed(write(tmp_path, "w.txt", b"  \n\n\t \r\n \xc2\xa0\n")).reason


def test_controls_only_file_is_empty(tmp_path):
    assert "empty" in failed(write(tmp_path, "c.txt", b"\x1b[2J\x1b[H\n\n")).reason


# --------------------------------------------------------------------------------------------- file system


def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.txt")
    assert failed(path).reason == "no such file or folder"
    found, errors = discover([path])
    assert found == [] and [e.reason for e in errors] == ["no such file or folder"]


def test_folder_without_dispatches(tmp_path):
    (tmp_path / "d").mkdir()
    write(tmp_path, "d/image.png", b"\x89PNG")
    write(tmp_path, "d/.hidden.txt", SHORT.encode())
    found, errors = discover([str(tmp_path / "d")])
    assert found == []
    assert len(errors) == 1 and errors[0].path == str(tmp_path / "d") and "no dispatches" in errors[0].reason


def test_folder_given_to_load_path(tmp_path):
    r = failed(str(tmp_path))
    assert r.reason in ("is a folder", "not a regular file")


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", SHORT.encode())
    os.chmod(path, 0)
    try:
        if os.geteuid() != 0:  # a normal user: the real thing
            assert failed(path).reason == "permission denied"
        # Root (CI) reads anything: make open() refuse as the OS would for a normal user.
        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if os.fspath(file) == path:
                raise PermissionError(errno.EACCES, "Permission denied", path)
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
        assert failed(path).reason == "permission denied"
        assert peek(path) == LoadError(path, "permission denied")
    finally:
        os.chmod(path, 0o644)


def test_symlink_loop_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    found, errors = discover([str(a)])
    assert found == [] and [e.reason for e in errors] == ["symlink loop"]
    assert failed(str(a)).reason == "symlink loop"
    # Inside a folder the real files are found, and a looping link fails by name when it is loaded.
    real = write(tmp_path, "real.txt", SHORT.encode())
    found, errors = discover([str(tmp_path)])
    assert real in found
    for p in found:
        if p != real:
            assert failed(p).reason == "symlink loop"


def test_symlink_loop_folder(tmp_path):
    root = tmp_path / "news"
    write(root, "x/1.txt", SHORT.encode())
    (root / "x" / "back").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root, target_is_directory=True)
    found, errors = discover([str(root)])
    assert found == [str(root / "x" / "1.txt")]
    assert errors == []


def test_file_deleted_between_discover_and_load(tmp_path, monkeypatch):
    path = write(tmp_path, "gone.txt", SHORT.encode())
    found, errors = discover([str(tmp_path)])
    assert found == [path] and errors == []
    real_open = builtins.open

    def vanishing_open(file, *args, **kwargs):
        if os.fspath(file) == path and os.path.exists(path):
            os.unlink(path)  # the file goes away in the instant between discover and load
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", vanishing_open)
    assert failed(path).reason == "no such file or folder"


def test_file_larger_than_limit(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", (SHORT + "\n").encode() * 20)
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    r = failed(path)
    assert r.reason.startswith("too large") and "limit" in r.reason
    monkeypatch.setattr(reading, "MAX_BYTES", 10_000)
    assert loaded(path).text.startswith(SHORT)


def test_really_large_sparse_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    r = failed(str(path))
    assert r.reason == "too large (50.0 MB; the limit is 16.0 MB)"


def test_malformed_max_bytes_env_falls_back():
    assert load._env_int("DISPATCHTUI_NO_SUCH_VAR_FOR_TEST", 7) == 7
    os.environ["DISPATCHTUI_TEST_INT"] = "lots"
    try:
        assert load._env_int("DISPATCHTUI_TEST_INT", 7) == 7
    finally:
        del os.environ["DISPATCHTUI_TEST_INT"]


# --------------------------------------------------------------------------------------------- discovery


def test_natural_sort_and_recursion(tmp_path):
    for name in [
        "10.txt",
        "2.txt",
        "1.txt",
        "sub/3.txt",
        "sub/deeper/b.txt",
        "Sub2/a",
        "notes.pdf",
        "SOURCES.md",
        "README",
        "notes.md",
    ]:
        write(tmp_path, name, SHORT.encode())
    found, errors = discover([str(tmp_path)])
    rel = [os.path.relpath(p, tmp_path) for p in found]
    # natural order over the whole relative path, case-insensitive: "sub/…" < "sub2/…"
    assert rel == ["1.txt", "2.txt", "10.txt", "sub/3.txt", "sub/deeper/b.txt", "Sub2/a"]
    assert errors == []


def test_natural_key():
    names = ["item10.txt", "item2.txt", "Item1.txt", "item2b.txt"]
    assert sorted(names, key=natural_key) == ["Item1.txt", "item2.txt", "item2b.txt", "item10.txt"]


def test_hidden_files_and_folders_skipped(tmp_path):
    write(tmp_path, ".secret.txt", SHORT.encode())
    write(tmp_path, ".git/HEAD.txt", SHORT.encode())
    write(tmp_path, "visible.txt", SHORT.encode())
    found, _ = discover([str(tmp_path)])
    assert found == [str(tmp_path / "visible.txt")]
    # A hidden file named explicitly is used: the user asked for it.
    hidden = str(tmp_path / ".secret.txt")
    assert discover([hidden]) == ([hidden], [])


def test_duplicates_listed_once_and_order_kept(tmp_path):
    a = write(tmp_path, "b/a.txt", SHORT.encode())
    z = write(tmp_path, "z.txt", SHORT.encode())
    found, _ = discover([z, str(tmp_path / "b"), a, z])
    assert found == [z, a]


def test_stdin_dash(monkeypatch):
    monkeypatch.setattr(reading, "_stdin_cache", None)
    fake = io.TextIOWrapper(io.BytesIO(("Заголовок\n\n" + NEWS).encode("koi8-r")), encoding="latin-1")
    monkeypatch.setattr(sys, "stdin", fake)
    assert discover(["-"]) == (["-"], [])
    r = load_path("-")
    assert isinstance(r, Loaded) and r.path == "-" and r.encoding == "koi8-r"
    assert r.text == "Заголовок\n\n" + NEWS
    # Standard input is read once; a second load (the reader re-opening it) gets the same text.
    assert load_path("-") == r
    monkeypatch.setattr(reading, "_stdin_cache", None)


def test_stdin_too_large(monkeypatch):
    monkeypatch.setattr(reading, "_stdin_cache", None)
    monkeypatch.setattr(reading, "MAX_BYTES", 50)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 200)))
    r = load_path("-")
    assert isinstance(r, LoadError) and r.reason.startswith("too large")
    monkeypatch.setattr(reading, "_stdin_cache", None)


# --------------------------------------------------------------------------------------------- read-only


def test_files_are_never_modified(tmp_path):
    files = {
        "utf8.txt": NEWS.encode(),
        "bom.txt": b"\xef\xbb\xbf" + NEWS.encode(),
        "cp.txt": NEWS.encode("cp1251"),
        "crlf.txt": NEWS.replace("\n", "\r\n").encode(),
        "esc.txt": b"\x1b[31m" + NEWS.encode(),
        "bin.txt": bytes(range(256)),
        "empty.txt": b"",
    }
    paths = {name: write(tmp_path, name, data) for name, data in files.items()}
    old = 1_000_000_000
    for p in paths.values():
        os.utime(p, (old, old))
    before = {p: (Path(p).read_bytes(), os.stat(p).st_mtime_ns, os.stat(p).st_mode) for p in paths.values()}
    found, _ = discover([str(tmp_path)])
    assert sorted(found) == sorted(paths.values())
    for p in found:
        load_path(p)
        peek(p)
        load_path(p, "koi8-r")
    after = {p: (Path(p).read_bytes(), os.stat(p).st_mtime_ns, os.stat(p).st_mode) for p in paths.values()}
    assert after == before
    assert sorted(os.listdir(tmp_path)) == sorted(files)  # nothing created next to them


# --------------------------------------------------------------------------------------------- preview
def _big(tmp_path, paragraphs: int = 400, crlf: bool = False) -> str:
    body = "\n\n".join(f"Абзац {i}. " + NEWS.replace("\n\n", " ") for i in range(paragraphs))
    if crlf:
        body = body.replace("\n", "\r\n")
    return write(tmp_path, "big.txt", ("ЗАГОЛОВОК БОЛЬШОГО СООБЩЕНИЯ\n\n" + body + "\n").encode("utf-8"))


@pytest.mark.parametrize("crlf", [False, True])
def test_a_preview_is_the_beginning_of_the_text_cut_after_a_whole_paragraph(tmp_path, crlf):
    path = _big(tmp_path, crlf=crlf)
    full = loaded(path).text
    head = load.load_preview(path, limit=20_000, threshold=50_000)
    assert isinstance(head, Loaded) and head.encoding == "utf-8"
    assert 10_000 < len(head.text) < 20_000 < len(full)
    assert full.startswith(head.text)
    assert full[len(head.text) :].startswith("\n\n")  # ends where a paragraph ends


def test_no_preview_for_small_files_stdin_or_unreadable_ones(tmp_path):
    path = _big(tmp_path, paragraphs=5)
    assert load.load_preview(path, limit=20_000, threshold=50_000) is None  # small: load it whole
    assert load.load_preview(load.STDIN) is None
    gone = load.load_preview(str(tmp_path / "missing.txt"))
    assert isinstance(gone, LoadError) and "no such file" in gone.reason
    binary = write(tmp_path, "blob.txt", bytes(range(256)) * 400)
    bad = load.load_preview(binary, limit=20_000, threshold=50_000)
    assert isinstance(bad, LoadError) and "binary" in bad.reason


def test_no_preview_of_a_file_over_the_size_limit(tmp_path, monkeypatch):
    path = _big(tmp_path)
    monkeypatch.setattr(reading, "MAX_BYTES", 60_000)
    too_big = load.load_preview(path, limit=20_000, threshold=50_000)
    assert isinstance(too_big, LoadError) and "too large" in too_big.reason


# --------------------------------------------------------------------------------------------- special files


def _in_thread(fn, seconds: float = 20.0):
    """Run ``fn`` in a thread and fail (instead of hanging the suite) when it does not return in time."""
    import threading

    box: list = []
    t = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still blocked after {seconds} s"
    return box[0]


def _release_fifo(path: str) -> None:
    """Unblock a reader stuck on the FIFO (so a failing test does not leave a thread hanging)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    except OSError:
        pass


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_inside_a_folder_is_skipped_with_a_reason_never_opened(tmp_path):
    good = write(tmp_path, "d/1.txt", NEWS.encode())
    fifo = str(tmp_path / "d" / "f.txt")
    os.mkfifo(fifo)
    try:
        found, errors = _in_thread(lambda: discover([str(tmp_path / "d")]))
        assert found == [good]
        assert errors == [LoadError(fifo, "skipped: not a regular file (a named pipe (FIFO))")]
        # the library and the reader load by path: a FIFO given to them is refused at once too
        assert _in_thread(lambda: load_path(fifo)) == LoadError(fifo, "not a regular file (a named pipe (FIFO))")
        assert isinstance(_in_thread(lambda: peek(fifo)), LoadError)
        assert _in_thread(lambda: load.load_preview(fifo)) is None  # size 0: no preview; load_path refuses
        assert isinstance(_in_thread(lambda: load_path(good)), Loaded)
    finally:
        _release_fifo(fifo)


def test_a_socket_inside_a_folder_is_skipped_with_a_reason(tmp_path):
    import socket

    good = write(tmp_path, "d/1.txt", NEWS.encode())
    path = str(tmp_path / "d" / "s.txt")
    if len(path) > 100:
        pytest.skip("socket paths are limited to ~100 bytes")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(path)
        found, errors = _in_thread(lambda: discover([str(tmp_path / "d")]))
        assert found == [good]
        assert errors == [LoadError(path, "skipped: not a regular file (a socket)")]
        r = _in_thread(lambda: load_path(path))
        assert isinstance(r, LoadError) and "not a regular file" in r.reason and "socket" in r.reason
    finally:
        sock.close()


def test_a_device_linked_into_a_folder_is_skipped_and_dev_zero_is_never_read(tmp_path):
    good = write(tmp_path, "d/1.txt", NEWS.encode())
    (tmp_path / "d" / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "d" / "tty.txt").symlink_to("/dev/tty")
    found, errors = _in_thread(lambda: discover([str(tmp_path / "d")]))
    assert found == [good]
    assert sorted(e.path for e in errors) == [str(tmp_path / "d" / "tty.txt"), str(tmp_path / "d" / "zero.txt")]
    assert {e.reason for e in errors} == {"skipped: not a regular file (a device)"}
    r = _in_thread(lambda: load_path(str(tmp_path / "d" / "zero.txt")))
    assert r == LoadError(str(tmp_path / "d" / "zero.txt"), "not a regular file (a device)")


def test_a_dangling_link_in_a_folder_is_named_when_loaded(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found, errors = discover([str(tmp_path / "d")])
    assert found == [str(tmp_path / "d" / "gone.txt")] and errors == []
    assert failed(found[0]).reason == "no such file or folder"


def test_a_stalled_read_gives_up_with_a_message_and_the_next_file_loads(tmp_path, monkeypatch):
    """A read that never returns (a hung network mount) is simulated by a file object whose read blocks
    until the test ends; the loader gives up after READ_STALL_SECONDS and the next file is read."""
    import threading
    import time

    stuck = write(tmp_path, "stuck.txt", NEWS.encode())
    fine = write(tmp_path, "fine.txt", NEWS.encode())
    release = threading.Event()
    real_open = builtins.open

    class Hung:
        def __init__(self, fh):
            self.fh = fh

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def read(self, n=-1):
            release.wait(60)
            return self.fh.read(n)

    def hanging_open(file, *args, **kwargs):
        fh = real_open(file, *args, **kwargs)
        return Hung(fh) if os.fspath(file) == stuck else fh

    monkeypatch.setattr(builtins, "open", hanging_open)
    monkeypatch.setattr(reading, "READ_STALL_SECONDS", 1)
    try:
        t = time.perf_counter()
        r = _in_thread(lambda: load_path(stuck))
        took = time.perf_counter() - t
        assert isinstance(r, LoadError) and r.reason.startswith("reading stalled") and "1 s" in r.reason
        assert 0.9 < took < 10
        assert loaded(fine).text.startswith("МОСКВА")
        # the library's peek (a row being drawn) gives up sooner than a whole read
        monkeypatch.setattr(reading, "READ_STALL_SECONDS", 30)
        monkeypatch.setattr(reading, "PEEK_STALL_SECONDS", 1)
        t = time.perf_counter()
        r = _in_thread(lambda: peek(stuck))
        assert r == LoadError(stuck, r.reason) and r.reason.startswith("reading stalled (no data for 1 s")
        assert time.perf_counter() - t < 10
        assert isinstance(peek(fine), Peek)
    finally:
        release.set()


def test_a_slow_read_that_keeps_making_progress_is_not_a_stall(tmp_path, monkeypatch):
    import time

    path = write(tmp_path, "slow.txt", (NEWS + "\n\n").encode() * 40)
    monkeypatch.setattr(reading, "READ_STALL_SECONDS", 1)
    monkeypatch.setattr(reading, "_READ_CHUNK", 2048)
    real_open = builtins.open

    class Slow:
        def __init__(self, fh):
            self.fh = fh

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def read(self, n=-1):
            time.sleep(0.4)  # 10 chunks: 4 s in all, never 1 s without progress
            return self.fh.read(n)

    monkeypatch.setattr(
        builtins,
        "open",
        lambda f, *a, **k: Slow(real_open(f, *a, **k)) if os.fspath(f) == path else real_open(f, *a, **k),
    )
    assert loaded(path).text.count("Куновки") == 40


def test_too_large_always_shows_a_size_above_the_limit(tmp_path, monkeypatch):
    limit = 16 * 1024 * 1024
    for extra, shown in [
        (1, "16,777,217 bytes; the limit is 16,777,216 bytes"),
        (5_000, "16.005 MB; the limit is 16.000 MB"),
        (20_000, "16.02 MB; the limit is 16.00 MB"),
        (limit, "32.0 MB; the limit is 16.0 MB"),
    ]:
        path = tmp_path / f"big{extra}.txt"
        with open(path, "wb") as fh:
            fh.truncate(limit + extra)  # sparse
        assert failed(str(path)).reason == f"too large ({shown})"
        assert load.load_preview(str(path)) == LoadError(str(path), f"too large ({shown})")
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    path = write(tmp_path, "small.txt", b"x" * 1001)
    assert failed(path).reason == "too large (1,001 bytes; the limit is 1,000 bytes)"
