"""``dispatchtui statements PATH...``: who said what across folders, answered from their index.

Each folder named is indexed (or brought up to date) first; a file named is indexed into its folder's
index and only its statements are shown. When the index cannot be used (locked, read-only, full disk)
one line says so and the answer comes from a temporary index that is removed afterwards ("from
memory"); nothing is ever written in the user's folders. No UI imports.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile

from .paths import display_path, json_source, printable

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
FIELDS = (
    "source",
    "path",
    "item",
    "headline",
    "date",
    "agency",
    "speaker",
    "speaker_kind",
    "kind",
    "text",
    "start",
    "end",
    "cue",
)


def _targets(paths: list[str]) -> tuple[list[tuple[str, list[str] | None]], list[str]]:
    """(folder, files or None for the whole folder) per index to use, in the order given; and problems."""
    from .load import discover

    targets: dict[str, list[str] | None] = {}
    problems: list[str] = []
    for given in paths:
        if given == "-":
            problems.append("-: statements answer from a folder's index; standard input has none")
            continue
        if os.path.isdir(given):
            targets[os.path.realpath(given)] = None
            continue
        found, errors = discover([given])
        problems += [f"{display_path(e.path)}: {printable(e.reason)}" for e in errors]
        for f in found:
            from .formats import split_source

            folder = os.path.realpath(os.path.dirname(split_source(f)[0]) or ".")
            if targets.get(folder, []) is not None:
                targets.setdefault(folder, []).append(f)  # type: ignore[union-attr]
    return list(targets.items()), problems


class _Bar:
    """``dispatchtui: indexing 3 412 / 10 000 · ~2 min`` on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        try:
            self.on = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
        except (AttributeError, ValueError, OSError):
            self.on = False
        self.drawn = False

    def __call__(self, p) -> None:
        if not self.on or p.state not in ("indexing", "scanning") or not p.total:
            return
        eta = "" if p.eta is None else f" · ~{p.eta / 60:.0f} min" if p.eta >= 90 else f" · ~{p.eta:.0f} s"
        sys.stderr.write(f"\r\x1b[Kdispatchtui: indexing {p.done:,} / {p.total:,}{eta}".replace(",", "\u202f"))
        sys.stderr.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False


def _say(line: str) -> None:
    print(f"dispatchtui: {line}", file=sys.stderr)


def _index(folder: str, files: list[str] | None, jobs: int, bar: _Bar):
    """Update and open ``folder``'s index → FolderIndex; IndexUnavailable when it cannot be used."""
    from .index import IndexBusy, open_index
    from .index.indexer import index_folder

    try:
        final = index_folder(folder, jobs=jobs, on_progress=bar, sources=files)
    except IndexBusy as exc:
        bar.clear()
        _say(exc.reason)
    else:
        bar.clear()
        for source, reason in final.errors:
            _say(f"{display_path(source)}: {printable(reason)}")
        if final.state == "failed":
            from .index import IndexUnavailable

            raise IndexUnavailable(final.message or "the folder index failed")
    return open_index(folder)


def _rows(idx, files: list[str] | None, args):
    if files is None:
        return idx.statements(speaker=args.speaker, kind=args.kind, since=args.since)
    out = []
    for f in files:
        out += idx.statements(speaker=args.speaker, kind=args.kind, since=args.since, source=f)
    return out


def run_statements(args) -> int:
    for stream, kw in (
        (sys.stdout, {"encoding": "utf-8"} if args.format != "text" else {"errors": "replace"}),
        (sys.stderr, {"errors": "backslashreplace"}),
    ):
        try:
            stream.reconfigure(**kw)  # type: ignore[union-attr]  # TextIO lacks it: AttributeError, caught
        except (AttributeError, ValueError, OSError):
            pass
    from .index import IndexUnavailable

    targets, problems = _targets(args.paths)
    for p in problems:
        _say(p)
    if not targets:
        _say("nothing to index")
        return EXIT_USAGE if any(a == "-" for a in args.paths) else EXIT_NOTHING
    out = _Writer(args.format, sys.stdout)
    bar = _Bar()
    temp: str | None = None
    saved = os.environ.get("DISPATCHTUI_CACHE_DIR")
    try:
        for folder, files in targets:
            try:
                idx = _index(folder, files, args.jobs, bar)
            except IndexUnavailable as exc:
                bar.clear()
                _say(printable(exc.reason))
                if temp is None:
                    temp = tempfile.mkdtemp(prefix="dispatchtui-index-")
                os.environ["DISPATCHTUI_CACHE_DIR"] = temp  # a throwaway index: "from memory"
                try:
                    idx = _index(folder, files, args.jobs, bar)
                except IndexUnavailable as exc2:  # not even a throwaway index: this folder fails
                    bar.clear()
                    _say(f"{display_path(folder)}: {printable(exc2.reason)}")
                    continue
                finally:
                    _restore(saved)
            with idx:
                for row in _rows(idx, files, args):
                    out.add(row)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    return EXIT_OK if out.count else EXIT_NOTHING


def _restore(saved: str | None) -> None:
    if saved is None:
        os.environ.pop("DISPATCHTUI_CACHE_DIR", None)
    else:
        os.environ["DISPATCHTUI_CACHE_DIR"] = saved


class _Writer:
    def __init__(self, fmt: str, stream) -> None:
        self.fmt, self.stream, self.count = fmt, stream, 0
        self.csv = csv.writer(stream) if fmt == "csv" else None
        if self.csv is not None:
            self.csv.writerow(FIELDS)

    def add(self, r) -> None:
        self.count += 1
        if self.fmt == "text":
            who = r.speaker or "—"
            how = r.kind + (f", {r.cue}" if r.cue else "")
            line = f"{display_path(r.source)}:{r.start}-{r.end}: {who} ({how}): {' '.join(r.text.split())}"
            self.stream.write(printable(line) + "\n")
            return
        source, source_bytes = json_source(r.source)
        record = {
            "source": source,
            "source_bytes": source_bytes,
            "path": json_source(r.path)[0],
            "item": r.item,
            "headline": r.headline,
            "date": r.date,
            "agency": r.agency,
            "speaker": r.speaker,
            "speaker_kind": r.speaker_kind,
            "kind": r.kind,
            "text": r.text,
            "start": r.start,
            "end": r.end,
            "cue": r.cue,
        }
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            assert self.csv is not None  # fmt is csv: __init__ made the writer
            self.csv.writerow([record[k] for k in FIELDS])
