"""Bytes from a path and text from bytes: the limits (size, a read that stalls), special files that must not
be opened for reading, the decoding of every encoding a Russian wire arrives in, and the values a failed
read becomes (:class:`LoadError`) — the floor both :mod:`dispatchtui.load` and :mod:`dispatchtui.formats`
stand on (load hands wire formats to formats; formats reads through here, not through load).
"""

from __future__ import annotations

import errno
import math
import os
import queue
import stat
import sys
import threading
from dataclasses import dataclass

from .model import Meta


#: Larger files are refused with a message (a dispatch is a few KB; 16 MB is a book).
def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:  # a malformed override must not stop the program from starting
        return default


MAX_BYTES = _env_int("DISPATCHTUI_MAX_BYTES", 16 * 1024 * 1024)
#: A read that makes no progress for this many seconds (a stalled network mount, a file held by a writer
#: that never finishes, a device) gives up with a message; the caller goes on with the next file.
READ_STALL_SECONDS = _env_int("DISPATCHTUI_READ_STALL_SECONDS", 10)
#: The same for the first few KB the library list peeks at (it may be asked for while a row is drawn).
PEEK_STALL_SECONDS = 2

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Loaded:
    path: str
    text: str  # normalized
    encoding: str
    notes: tuple[str, ...] = ()
    meta: Meta | None = None  # what a wire format said (headline, date, agency, item id…); None for plain text


@dataclass(frozen=True, slots=True)
class LoadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Peek:
    """What the library list shows before a dispatch is opened: a cheap read of its first lines."""

    path: str
    headline: str
    place: str | None = None
    date: str | None = None
    agency: str | None = None


def _not_regular(mode: int) -> str | None:
    """None for a regular file, else what it is ("not a regular file (a named pipe)")."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder"
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else None
    )
    return f"not a regular file ({kind})" if kind else "not a regular file"


# --------------------------------------------------------------------------------------------- reading

_stdin_cache: bytes | None = None


def _read_bytes(path: str, limit: int | None = None) -> bytes | LoadError:
    """The bytes of ``path`` (at most ``limit``; else the whole file, refused over :data:`MAX_BYTES`).

    Never blocks for long: the file is opened non-blocking (a FIFO or a device is refused, never waited
    on) and read in a helper thread; a read that makes no progress for :data:`READ_STALL_SECONDS` is
    given up with a message (the stuck thread is left behind, a daemon)."""
    global _stdin_cache
    if path == STDIN:
        if _stdin_cache is None:
            try:
                _stdin_cache = sys.stdin.buffer.read(MAX_BYTES + 1) if sys.stdin is not None else b""
            except (OSError, ValueError) as exc:
                return LoadError(path, f"cannot read standard input ({exc})")
        data = _stdin_cache
        if len(data) > MAX_BYTES and limit is None:
            return LoadError(path, f"too large (more than the limit of {_size(MAX_BYTES)})")
        return data if limit is None else data[:limit]
    stall = READ_STALL_SECONDS if limit is None else min(READ_STALL_SECONDS, PEEK_STALL_SECONDS)
    try:
        return _in_reader_thread(_read_file, path, limit, stall)
    except _Stalled:
        return LoadError(
            path, f"reading stalled (no data for {stall} s: a network mount, or a file still being written?); skipped"
        )
    except OSError as exc:
        return LoadError(path, _reason(exc))


#: Bytes per read call: progress between calls tells a slow read from a stalled one.
_READ_CHUNK = 1024 * 1024


def _nonblocking(path, flags: int) -> int:
    """``open()``'s opener: never wait for a writer (a FIFO) or a device to become ready."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _read_file(path: str, limit: int | None, progress: list[int]) -> bytes | LoadError:
    """Runs in a reader thread; ``progress[0]`` counts the reads done (the caller watches it)."""
    with open(path, "rb", buffering=0, opener=_nonblocking) as fh:
        st = os.fstat(fh.fileno())
        kind = _not_regular(st.st_mode)
        if kind is not None:
            return LoadError(path, kind)
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fh.fileno(), True)
        if limit is None and st.st_size > MAX_BYTES:
            return LoadError(path, _too_large(st.st_size))
        want = MAX_BYTES + 1 if limit is None else limit
        chunks: list[bytes] = []
        got = 0
        while got < want:
            chunk = fh.read(min(_READ_CHUNK, want - got))
            progress[0] += 1
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if limit is None and len(data) > MAX_BYTES:
        return LoadError(path, f"too large (grew past the limit of {_size(MAX_BYTES)} while being read)")
    return data


class _Stalled(Exception):
    """A read made no progress for :data:`READ_STALL_SECONDS`."""


class _Reader(threading.Thread):
    """A daemon thread that runs reads handed to it, one at a time."""

    def __init__(self) -> None:
        super().__init__(daemon=True, name="dispatchtui-read")
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.start()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            fn, args, box, done = job
            try:
                box.append((True, fn(*args)))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
                box.append((False, exc))
            done.set()
            # an idle thread holds nothing: the last job's result (a whole file's bytes) was kept alive
            # by these names until the next job
            job = fn = args = box = done = None


_idle_readers: list[_Reader] = []
_readers_lock = threading.Lock()


def _forget_readers() -> None:
    """In a forked child the parent's reader threads do not exist: start afresh."""
    global _readers_lock
    _idle_readers.clear()
    _readers_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_readers)


def _in_reader_thread(fn, path: str, limit: int | None, stall: float):
    """``fn(path, limit, progress)`` in an idle reader thread; raises :class:`_Stalled` when ``progress``
    stays still for ``stall`` seconds (the thread, stuck in the kernel, is abandoned)."""
    with _readers_lock:
        reader = _idle_readers.pop() if _idle_readers else None
    if reader is None:
        reader = _Reader()
    box: list = []
    done = threading.Event()
    progress = [0]
    reader.jobs.put((fn, (path, limit, progress), box, done))
    seen = -1
    while not done.wait(stall):
        if progress[0] == seen:
            reader.jobs.put(None)  # ends the thread if the read ever returns
            raise _Stalled()
        seen = progress[0]
    with _readers_lock:
        if len(_idle_readers) < 8:
            _idle_readers.append(reader)
        else:
            reader.jobs.put(None)
    ok, value = box[0]
    if ok:
        return value
    raise value


# --------------------------------------------------------------------------------------------- decoding

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CYRILLIC_LEGACY = ("cp1251", "koi8-r", "cp866", "mac-cyrillic")
# Russian letter frequencies (per cent, news prose) → log-probabilities for :func:`_russian_score`.
_LETTER_FREQ = {
    "о": 10.97,
    "е": 8.45,
    "а": 8.01,
    "и": 7.35,
    "н": 6.70,
    "т": 6.26,
    "с": 5.47,
    "р": 4.73,
    "в": 4.54,
    "л": 4.40,
    "к": 3.49,
    "м": 3.21,
    "д": 2.98,
    "п": 2.81,
    "у": 2.62,
    "я": 2.01,
    "ы": 1.90,
    "ь": 1.74,
    "г": 1.70,
    "з": 1.65,
    "б": 1.59,
    "ч": 1.44,
    "й": 1.21,
    "х": 0.97,
    "ж": 0.94,
    "ш": 0.73,
    "ю": 0.64,
    "ц": 0.48,
    "щ": 0.36,
    "э": 0.32,
    "ф": 0.26,
    "ъ": 0.04,
    "ё": 0.04,
}
_LETTER_LOGP = {ch: math.log(f / 100) for ch, f in _LETTER_FREQ.items()}
_ODD_LOGP = math.log(1e-5)
_NEUTRAL_LOGP = math.log(0.005)
#: Non-ASCII characters that are ordinary in Russian text and say nothing about the code page.
_NEUTRAL = frozenset("«»—–…№„“”‘’\u00a0°±§©®™•·")
#: A text whose mean score is below this is not Russian in any of the legacy code pages.
_RUSSIAN_MIN_SCORE = -6.0
#: Closing punctuation, dashes and spaces: a letter right after one of these means a wrong code page
#: (Windows-1251 capitals read as Mac Cyrillic turn into –, —, », … and №).
_NO_LETTER_AFTER = frozenset("»—–…№”’°±§©®™•·")
#: Capitals are a minority of the letters in prose.
_UPPER_LOGP = math.log(0.5)


def decode(data: bytes, encoding: str | None = None, partial: bool = False) -> tuple[str, str, tuple[str, ...]] | str:
    """Decode ``data`` → (text, encoding name, notes), or a reason string when it is not text.

    UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM (by its NUL pattern),
    Windows-1251, KOI8-R, CP866 and Mac Cyrillic are told apart; anything else goes to charset-normalizer.
    ``partial`` tolerates a multi-byte character cut at the end (for :func:`peek`).
    """
    if encoding is not None:
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            return f"unknown encoding {encoding!r}"
        except (UnicodeError, ValueError) as exc:  # idna, punycode…: codecs without errors="replace"
            return f"cannot decode as {encoding} ({exc})"
        bad = text.count("\ufffd")
        return text, encoding, ((f"{bad} undecodable byte(s) replaced",) if bad else ())
    if not data:
        return "", "utf-8", ()
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            if text and text[-1] == "\ufffd" and partial:
                text = text[:-1]
            bad = text.count("\ufffd")
            return text, name.replace("-sig", ""), ((f"{bad} undecodable byte(s) replaced",) if bad else ())
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16, ("UTF-16 without byte-order mark",)
    if b"\x00" in data or _control_ratio(data) > 0.05:
        return "binary file, not text"
    try:
        return _utf8(data), "utf-8", ()
    except UnicodeDecodeError as exc:
        if _cut_utf8_tail(data, exc.start):  # valid UTF-8 up to a character cut off at the very end
            notes = () if partial else ("truncated UTF-8 sequence at the end dropped",)
            return data[: exc.start].decode("utf-8"), "utf-8", notes
        lossy = data.decode("utf-8", errors="replace")
        bad = lossy.count("\ufffd")
        lossy_ok = bad <= max(2, len(data) // 1000)
        # A few bad bytes in UTF-8 text, but only when what did decode reads like text: a short
        # CP866/KOI8-R line also has "only two" invalid bytes and decodes to mojibake otherwise.
        if lossy_ok and _reads_as_utf8(lossy, bad):
            return lossy, "utf-8", (f"{bad} invalid UTF-8 byte(s) replaced",)
    else:
        lossy_ok = False
    best = _best_cyrillic(data)
    if best is not None:
        return best
    if lossy_ok:
        return lossy, "utf-8", (f"{bad} invalid UTF-8 byte(s) replaced",)
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - the detector must never take the loader down
        match = None
    if match is None:
        return "unknown encoding (not UTF-8 or a Cyrillic code page; try --encoding)"
    return str(match), match.encoding.replace("_", "-"), ()


#: UTF-8 is decoded this many bytes at a time (see :func:`_utf8`).
_DECODE_PIECE = 1 << 20


def _utf8(data: bytes) -> str:
    """``data.decode("utf-8")``, a piece at a time: the decoder writes into a buffer sized for the worst
    case of the whole input (two bytes a byte once it meets Cyrillic: a 16 MB file's text passed through
    a 32 MB buffer beside a 16 MB one); pieces cut before a character's first byte join to the same text."""
    n = len(data)
    if n <= _DECODE_PIECE:
        return data.decode("utf-8")
    view = memoryview(data)
    pieces: list[str] = []
    start = 0
    try:
        while start < n:
            end = min(n, start + _DECODE_PIECE)
            while end < n and 0x80 <= data[end] <= 0xBF:  # a continuation byte: back to the character's start
                end -= 1
            if end <= start:  # no character starts in a whole piece: not UTF-8 (raises below)
                end = n
            pieces.append(str(view[start:end], "utf-8"))
            start = end
    except UnicodeDecodeError:
        return data.decode("utf-8")  # the error as the whole decode raises it (its offsets into ``data``)
    finally:
        view.release()
    return "".join(pieces)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    # Cyrillic in UTF-16 has 0x04 in the high byte; Latin has 0x00; either way one column is very uniform.
    high_le = sample[1::2]
    high_be = sample[0::2]
    for name, nul_ratio, high in (("utf-16-le", odd_nul, high_le), ("utf-16-be", even_nul, high_be)):
        uniform = (high.count(0x00) + high.count(0x04)) / len(high)  # bytes.count: C speed
        if uniform > 0.9 and (nul_ratio > 0.2 or high.count(0x04) / len(high) > 0.3):
            try:
                text = data[: len(data) // 2 * 2].decode(name)
            except UnicodeDecodeError:
                continue
            if _control_ratio_text(text) < 0.05:
                return name
    return None


def _cut_utf8_tail(data: bytes, start: int) -> bool:
    """``data[start:]`` is the beginning of a UTF-8 sequence that the end of the data cut short."""
    tail = data[start:]
    if not tail or len(tail) > 3:
        return False
    lead = tail[0]
    need = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
    return need > len(tail) and all(0x80 <= b <= 0xBF for b in tail[1:])


def _reads_as_utf8(text: str, bad: int) -> bool:
    """The non-ASCII characters of a lossy UTF-8 reading are Cyrillic (or it is ASCII with rare slips)."""
    good = odd = 0
    for ch in text:
        if ch < "\x80" or ch == "\ufffd":
            continue
        if "\u0400" <= ch <= "\u04ff" or ch in _NEUTRAL:
            good += 1
        else:
            odd += 1
    return odd * 10 <= good and (good >= 3 * bad or bad * 20 <= len(text))


def _control_ratio(data: bytes) -> float:
    sample = data[:8192]
    # bytes.translate deletes the control bytes at C speed (a Python loop here cost ~1 ms a file)
    bad = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bad / len(sample)


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D, 0x0C, 0x1B))


def _control_ratio_text(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 0x20 and ch not in "\t\n\r\f")
    return bad / len(sample)


def _best_cyrillic(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """Pick the Cyrillic code page under which the bytes read most like Russian."""
    best: tuple[float, str, str] | None = None
    for name in _CYRILLIC_LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _russian_score(text)
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is None or best[0] < _RUSSIAN_MIN_SCORE:
        return None
    return best[2], best[1], ()


def _russian_score(text: str) -> float:
    """Mean log-probability of the non-ASCII characters under Russian letter frequencies.

    Letters count case-insensitively (all-caps datelines like ``МОСКВА`` are normal); a lower-case
    letter followed by an upper-case one inside a word (KOI8-R read as Windows-1251 inverts case), and
    any non-ASCII character that is neither a Russian letter nor common Russian punctuation (box
    drawing, Mac symbols, Serbian/Ukrainian-only letters from a wrong code page) weigh heavily against.
    ASCII is neutral: it reads the same in every candidate.
    """
    sample = text[:20000]
    total = 0.0
    counted = 0
    prev_lower = False
    prev_glue = False  # the previous character was punctuation that never touches a following letter
    for ch in sample:
        if ch < "\x80":
            prev_lower = prev_glue = False
            continue
        logp = _LETTER_LOGP.get(ch.lower())
        if logp is None:
            prev_lower = False
            prev_glue = ch in _NO_LETTER_AFTER
            total += _NEUTRAL_LOGP if ch in _NEUTRAL else _ODD_LOGP
            counted += 1
            continue
        total += logp + (_UPPER_LOGP if ch.isupper() else 0.0)
        counted += 1
        if (prev_lower and ch.isupper()) or prev_glue:
            total += _ODD_LOGP
        prev_lower = ch.islower()
        prev_glue = False
    if not counted:
        return _ODD_LOGP
    return total / counted


# --------------------------------------------------------------------------------------------- reasons


def _reason(exc: OSError) -> str:
    code = exc.errno
    if code == errno.ENXIO:  # open() of a socket, or of a device without its driver
        return "not a regular file (a socket or a device)"
    if code == errno.ENOENT:
        return "no such file or folder"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ELOOP:
        return "symlink loop"
    if code == errno.EISDIR:
        return "is a folder"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def _size(n: int, digits: int = 1) -> str:
    if n < 1024 * 1024:
        return f"{n:,} bytes"
    return f"{n / (1024 * 1024):.{digits}f} MB"


def _too_large(size: int, limit: int | None = None) -> str:
    """ "too large (16.02 MB; the limit is 16.00 MB)": the size shown is always visibly above the limit
    (up to three decimals, else in bytes: 16 MB + 1 byte never reads "16.0 MB; the limit is 16.0 MB")."""
    limit = MAX_BYTES if limit is None else limit
    for digits in (1, 2, 3):
        shown, shown_limit = _size(size, digits), _size(limit, digits)
        if shown != shown_limit:
            return f"too large ({shown}; the limit is {shown_limit})"
    return f"too large ({size:,} bytes; the limit is {limit:,} bytes)"
