"""Command line: ``dispatchtui [read] PATH...`` opens the reader, ``dispatchtui extract PATH...`` prints the model.

Exit codes: 0 all inputs fine, 1 some inputs failed (each named on stderr, the rest still processed),
2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _shown(s: object) -> str:
    """Free text for stderr: control characters and undecodable bytes escaped (see :mod:`.paths`)."""
    from .paths import printable

    return printable(s)


def _shown_path(path: str) -> str:
    """A path for stderr: the one rule of :func:`.paths.display_path` (an ESC or a byte that is not UTF-8
    in a file name must neither reach the terminal nor stop the program)."""
    from .paths import display_path

    return display_path(path)


_DESCRIPTION = """\
A terminal reader for Russian news dispatches (wire copy): who is quoted, what they said,
and what the piece is about.

  dispatchtui samples/                 open a folder (or files) in the reader
  dispatchtui extract samples/ --format jsonl   print the analysis, one JSON object per dispatch

PATH may be a file, a folder (searched recursively, in natural order, for text files (.txt .text
.news .wire .dispatch and extension-less), NewsML-G2 (.xml .newsml .nml .g2), RSS/Atom feeds (.rss
.atom .rdf), HTML pages (.html .htm .xhtml .shtml) and mail (.eml); formats are told by content
too), one entry of a feed as FEED#ID, or - for standard input. Encodings are detected (UTF-8 with
or without BOM, UTF-16, Windows-1251, KOI8-R, CP866); --encoding overrides.
Files are only ever read; nothing is fetched from the network.
"""

_EXTRACT_DESCRIPTION = """\
Analyse dispatches and print the model (schema dispatchtui/2): normalized text, headline,
dateline (place, date, agency), paragraphs, sentences, repeated passages, quotes with their
cue and speaker, speakers (people and organizations, nominative, with roles) and topics.
All positions are character offsets into "text". "source" names the file; for a name that is not
valid UTF-8 it shows U+FFFD and "source_bytes" holds the exact bytes (base64), else it is null.

formats: jsonl (one object per dispatch), json (one array), markdown (a readable digest).
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one line, no traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def parse_args(self, args=None, namespace=None):
        """An unknown option is named as such (argparse would first complain that PATH is missing)."""
        for token in args or ():
            if token == "--":
                break
            if token.startswith("-") and token != "-" and not self._known(token):
                self.error(f"unknown option {_shown(token)!s} (see '{self.prog} --help')")
        return super().parse_args(args, namespace)

    def _known(self, token: str) -> bool:
        name = token.split("=", 1)[0]
        options = self._option_string_actions
        if name in options:
            return True
        if name.startswith("--"):  # argparse's unambiguous abbreviations (--enc)
            return any(o.startswith(name) for o in options if o.startswith("--"))
        return len(name) > 2 and name[:2] in options  # -j4


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    p.add_argument("--encoding", metavar="ENC", help="decode every input with ENC instead of detecting it")
    p.add_argument("--debug", action="store_true", help="print the traceback of an unexpected error")


def build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    read = _Parser(
        prog="dispatchtui",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Subcommands: 'dispatchtui extract --help' for the machine-readable output,"
        " 'dispatchtui statements --help' for who said what across a folder.",
    )
    read.add_argument("--version", action="version", version=f"dispatchtui {__version__}")
    _common(read)
    read.add_argument("--lang", choices=("ru", "en"), help="interface language (default: from LANG/LC_ALL)")
    extract = _Parser(
        prog="dispatchtui extract",
        description=_EXTRACT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(extract)
    extract.add_argument("--format", choices=("jsonl", "json", "markdown"), default="jsonl")
    extract.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="analyse in N processes (useful for large batches; default 1)",
    )
    extract.add_argument("--no-cache", action="store_true", help="neither read nor write the analysis cache")
    extract.add_argument(
        "--max-seconds",
        type=float,
        metavar="N",
        help="give up on a file whose analysis takes longer than N seconds (the rest go on)",
    )
    return read, extract


_STATEMENTS_DESCRIPTION = """\
Who said what across a folder, answered from its index (kept in the cache dir, never in the folder;
built or brought up to date first: only new and changed files are analysed). One line per statement:

  PATH:START-END: SPEAKER (KIND, CUE): TEXT

--speaker matches by lemma (Пескова finds Дмитрий Песков); --kind direct (full quotes and quoted
fragments), reported (indirect speech) or all; --since DATE (YYYY-MM-DD) keeps dispatches dated that day
or later. Exit codes: 0 something matched, 1 nothing matched, 2 usage error.
"""


def build_statements_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="dispatchtui statements",
        description=_STATEMENTS_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders or files")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's statements (by lemma)")
    p.add_argument("--kind", choices=("direct", "reported", "all"), default="all")
    p.add_argument("--since", metavar="DATE", help="only dispatches dated DATE (YYYY-MM-DD) or later")
    p.add_argument("--format", choices=("text", "jsonl", "csv"), default="text")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="index in N processes (default 1)")
    p.add_argument("--debug", action="store_true", help="print the traceback of an unexpected error")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "statements":
        parser = build_statements_parser()
        args = parser.parse_args(argv[1:])
        if args.jobs < 1:
            parser.error("--jobs must be at least 1")
        if args.since is not None:
            from .index.text import since_key

            try:
                since_key(args.since)
            except ValueError as exc:
                parser.error(str(exc))
        from .statements import run_statements

        return _guard(lambda: run_statements(args), args.debug)
    read_parser, extract_parser = build_parsers()
    if argv and argv[0] == "extract":
        args = extract_parser.parse_args(argv[1:])
        if args.jobs < 1:
            extract_parser.error("--jobs must be at least 1")
        if args.max_seconds is not None and not args.max_seconds > 0:
            extract_parser.error("--max-seconds must be a positive number")
        return _guard(lambda: run_extract(args), args.debug)
    if argv and argv[0] == "read":
        argv = argv[1:]
    args = read_parser.parse_args(argv)
    return _guard(lambda: run_read(args), args.debug)


def _guard(fn, debug: bool = False) -> int:
    """Never a traceback: an unexpected error is one line and exit code 1 (the traceback with --debug)."""
    try:
        return fn()
    except KeyboardInterrupt:
        print("dispatchtui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a bug of ours or a broken output: one line, not a traceback
        if debug:
            import traceback

            traceback.print_exc()
        what = "" if isinstance(exc, OSError) else "internal error: "  # ENOSPC on stdout is no bug of ours
        hint = "" if debug else " (--debug shows where)"
        print(f"dispatchtui: {what}{_shown(_describe(exc))}{hint}", file=sys.stderr)
        return EXIT_SOME_FAILED


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _check_encoding(name: str | None) -> str | None:
    if name is None:
        return None
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        print(f"dispatchtui: unknown encoding {name!r}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib…: codecs, not text encodings
        print(f"dispatchtui: {name!r} is not a text encoding", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
    return name


def _reconfigure_streams(utf8_stdout: bool) -> None:
    """JSON is UTF-8 whatever the locale says; nothing we print may die on an unencodable character
    (PYTHONIOENCODING=ascii, a legacy Windows code page)."""
    for stream, kwargs in (
        (sys.stdout, {"encoding": "utf-8"} if utf8_stdout else {"errors": "replace"}),
        (sys.stderr, {"errors": "backslashreplace"}),
    ):
        try:
            stream.reconfigure(**kwargs)  # type: ignore[union-attr]  # TextIO lacks it: AttributeError, caught
        except (AttributeError, ValueError, OSError):  # not a TextIOWrapper (replaced, or already written)
            pass


def _report(errors) -> None:
    for e in errors:
        print(f"dispatchtui: {_shown_path(e.path)}: {_shown(e.reason)}", file=sys.stderr)


def run_read(args) -> int:
    from .load import discover

    encoding = _check_encoding(args.encoding)
    paths, errors = discover(args.paths)
    if not paths:
        _report(errors)
        print("dispatchtui: nothing to open", file=sys.stderr)
        return EXIT_SOME_FAILED
    if "-" in paths and not sys.stdin.isatty():
        # The reader needs the terminal on stdin; read the piped dispatch first, then reattach.
        from .load import _read_bytes

        _read_bytes("-")
        try:
            tty = os.open("/dev/tty", os.O_RDONLY)
            os.dup2(tty, 0)
            sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the reader's stdin for the whole run, not a block's
        except OSError:
            print("dispatchtui: no terminal to run the reader in (use 'dispatchtui extract -')", file=sys.stderr)
            return EXIT_USAGE
    if not sys.stdout.isatty() and os.environ.get("DISPATCHTUI_FORCE_TUI") != "1":
        print("dispatchtui: the reader needs a terminal; for piped output use 'dispatchtui extract'", file=sys.stderr)
        return EXIT_USAGE
    from .app import run_app

    # the inputs that failed are shown in the app (a notice, a line in the library); on stderr only after it
    # (printed before, they would be hidden under the full-screen reader until it quits)
    # the folder index and the live folder name files by the folder's real path: the session, the roots
    # the watcher spells its changes under, and the index all use that one spelling
    roots = [os.path.realpath(p) for p in args.paths if p != "-" and os.path.isdir(p)]
    if roots:
        paths = [_canonical(p) for p in paths]
    try:
        code = run_app(paths, lang=args.lang, encoding=encoding, failed=list(errors), roots=roots)
    finally:
        _report(errors)
    return max(code, EXIT_SOME_FAILED if errors else EXIT_OK)


def _canonical(path: str) -> str:
    """``path`` in its folder's real path ("samples/a.txt" → "/home/me/news/samples/a.txt"), as the folder index
    and the watcher name it; "-" and a feed item's "#ID" kept."""
    if path == "-":
        return path
    from .formats import split_source

    file, item = split_source(path)
    head, tail = os.path.split(file)
    real = os.path.join(os.path.realpath(head or "."), tail)
    return real if item is None else f"{real}#{item}"


def _analyse_one(task: tuple[str, str | None, bool], on_stage=lambda name: None):
    """Load and analyse one path → (path, Dispatch | None, error reason | None, traceback | None).

    Never raises (it runs in worker processes too, where an exception would end the whole batch): an
    unexpected error is this file's failure, with the traceback for ``--debug``. ``on_stage(name)``: the
    stage it is in (the progress line)."""
    from .pipeline import LoadError, analyse_path

    path, encoding, use_cache = task
    try:
        result = analyse_path(path, encoding, use_cache=use_cache, on_stage=on_stage)
    except Exception as exc:  # noqa: BLE001 - one bad dispatch must not stop the batch
        import traceback

        return path, None, f"analysis failed ({_describe(exc)})", traceback.format_exc()
    if isinstance(result, LoadError):
        return path, None, result.reason, None
    return path, result, None, None


class _Output:
    """Writes the records of one ``extract`` run. A record that cannot be serialized raises in :meth:`add`
    before anything of it is written (the run goes on with the next file)."""

    def __init__(self, fmt: str, out) -> None:
        self.fmt, self.out = fmt, out
        self.items: list[str] = []  # json: the array's items, written at the end
        self.first = True

    def add(self, d) -> None:
        from . import export

        if self.fmt == "markdown":
            text = ("" if self.first else "\n---\n\n") + export.to_markdown(d)
        elif self.fmt == "jsonl" and len(d.text) > export.PIECEWISE_CHARS:
            self._add_piecewise(d)
            return
        elif self.fmt == "jsonl":
            text = export.to_json_line(d) + "\n"
        else:
            item = export.json_array_item(d)
            item.encode("utf-8")  # unwritable (a lone surrogate): this record fails, not the array
            self.items.append(item)
            return
        if self.fmt != "markdown":
            text.encode("utf-8")
        self.out.write(text)
        self.out.flush()
        self.first = False

    def _add_piecewise(self, d) -> None:
        """A huge dispatch's line, encoded piece by piece into a temporary file first (a record that cannot
        be encoded fails before anything of it is written), then copied out."""
        import shutil
        import tempfile

        from . import export

        with tempfile.TemporaryFile() as tmp:
            export.write_json_line(d, tmp)
            tmp.write(b"\n")
            tmp.seek(0)
            self.out.flush()
            if hasattr(self.out, "buffer"):
                shutil.copyfileobj(tmp, self.out.buffer, 1 << 20)
                self.out.buffer.flush()
            else:
                self.out.write(tmp.read().decode("utf-8"))
        self.out.flush()
        self.first = False

    def close(self) -> None:
        if self.fmt == "json":
            from .export import join_json_array

            self.out.write(join_json_array(self.items) + "\n")
        self.out.flush()


def run_extract(args) -> int:
    from .load import discover

    _reconfigure_streams(utf8_stdout=args.format != "markdown")
    encoding = _check_encoding(args.encoding)
    paths, errors = discover(args.paths)
    _report(errors)
    failed = bool(errors)
    use_cache = not args.no_cache and os.environ.get("DISPATCHTUI_NO_CACHE") != "1"
    tasks = [(p, encoding, use_cache) for p in paths]
    output = _Output(args.format, sys.stdout)
    from .batch import Progress

    progress = Progress(sys.stderr, shown=_shown)
    for path, d, reason, tb in _run_tasks(tasks, args.jobs, args.max_seconds, progress):
        if d is not None:
            try:
                output.add(d)
                continue
            except OSError:  # the output itself is broken (| head, a full disk): not this file
                raise
            except Exception as exc:  # noqa: BLE001 - one unwritable record must not stop the batch
                import traceback

                reason, tb = f"cannot write its record ({_describe(exc)})", traceback.format_exc()
        if tb is not None and args.debug:
            progress.clear()
            sys.stderr.write(tb)
        progress.message(f"dispatchtui: {_shown_path(path)}: {_shown(reason)}")
        failed = True
    output.close()
    if not paths:
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _run_tasks(tasks, jobs: int, max_seconds: float | None = None, progress=None):
    """Results in task order: in this process, or in worker processes (``--jobs``, ``--max-seconds``:
    see :mod:`.batch`)."""
    from . import batch

    if (jobs > 1 or max_seconds is not None) and "-" in (t[0] for t in tasks):
        from .load import _read_bytes  # stdin cannot be read from a worker process: read it first

        _read_bytes("-")
    from .analysis import one_blas_thread

    # one BLAS thread in this process too (inherited by the workers; numpy is not imported yet): with one
    # job, OpenBLAS's second thread spun beside the NER's small products and took 2.4x the CPU for the
    # same tags (1 MB dispatch: 17.9 CPU s, 7.2 with one thread)
    one_blas_thread()
    yield from batch.run(
        tasks, _analyse_one, jobs=jobs, max_seconds=max_seconds, progress=progress, warm=_warm_up, failed=_failed_task
    )


def _failed_task(task, reason: str):
    """The result of a file whose worker gave up or died (the shape of :func:`_analyse_one`'s)."""
    return task[0], None, reason, None


def _warm_up() -> None:
    """In a worker process, before its first file: the model and dictionaries (not on any file's clock)."""
    from .analysis.nlp import preload

    preload()
