"""Command-line interface: click commands only.

Each command parses its options and calls one library function. Library errors
(ScreenerError) become one line on stderr and exit status 1; click's usage errors exit 2. No
traceback reaches a user: anything unexpected is reported in one line with a request to file a bug.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
import textwrap
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date
from typing import Any

import click

from screener import __version__
from screener.errors import ExitStatus, ScreenerError


class _Extractors(click.Choice):
    """The choices of --extractor: screener.extract.EXTRACTORS, the one list of PDF readers.
    Looked up when an option is parsed or its help shown, not when this module is imported:
    importing the extract package would cost every command (`--help` too) ~20 ms."""

    def __init__(self) -> None:  # no list of its own; see `choices`
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        from screener.extract import EXTRACTORS

        return EXTRACTORS


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2026-01-31")


def _ending(run: Callable[[], Any]) -> Any:
    """How every command ends when something goes wrong: a library error (ScreenerError) is one
    line and exit status 1; a reader that stops early (`screener ... | head`) ends it quietly
    with exit 0, nothing being wrong; Ctrl-C is "interrupted", 130; anything unexpected is one
    line asking for a bug report, exit 1. click's own errors (usage: exit 2) pass through."""
    try:
        return run()
    except ScreenerError as exc:
        click.echo(f"screener: {exc}", err=True)
        sys.exit(ExitStatus.FAILED)
    except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
        raise
    except KeyboardInterrupt:
        click.echo("screener: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("SCREENER_DEBUG"):
            raise
        name = type(exc).__name__
        click.echo(
            f"screener: internal error ({name}: {exc}); rerun with SCREENER_DEBUG=1 "
            "and report the traceback",
            err=True,
        )
        sys.exit(ExitStatus.FAILED)


class _Screener(click.Group):
    """The `screener` group. Every command, nested ones too, runs inside its `invoke`, so every
    one ends as `_ending` says without having to ask for it."""

    def invoke(self, ctx: click.Context) -> Any:
        return _ending(lambda: super(_Screener, self).invoke(ctx))


@contextmanager
def _no_cycle_collector():
    """Screen with Python's cyclic garbage collector off. The records a batch keeps per
    candidate form no reference cycles, so the collector only re-walks an ever larger heap
    (10,000 cached files, --jobs 2: median 59 s with it off, 85 s on; 300 uncached: 34 s and
    50 s; on a busy machine); reference counting frees what is dropped, and workers collect
    their readers' cycles themselves (screener.run.pool). Process-wide state, so set here for
    the command's run, never by the library, and switched back on however the run ends."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def _output(path: str | None):
    """Open an output file, or yield None when the option was not given."""
    if path is None:
        yield None
        return
    try:
        fp = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise ScreenerError(f"{path}: cannot write ({exc.strerror}); check the folder exists "
                            "and is writable") from exc
    with fp:
        yield fp


@click.group(cls=_Screener, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="screener")
def cli() -> None:
    """Screen resumes against a job posting, offline.

    \b
    Quick start:
      screener screen examples/resumes --posting pipelines/backend-developer.yaml
    """


taxonomy_option = click.option(
    "--taxonomy", "taxonomy_path", type=click.Path(dir_okay=False), default=None,
    help="Skills taxonomy YAML (default: the bundled skills/taxonomy.yaml).",
)
as_of_option = click.option(
    "--as-of", callback=_as_of, metavar="YYYY-MM-DD",
    help="The day 'Present' means (default: today). Fix it for reproducible reports.",
)
extractor_option = click.option(
    "--extractor", type=_Extractors(), default="auto", show_default=True,
    help="PDF reader: fast (pypdfium2), pdfminer (layout analysis), or auto (fast, with "
    "pdfminer where the fast text looks wrong).",
)

timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True,
    help="Seconds allowed per file before its reader is stopped and it is reported as an error.",
)


def limit_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--memory-mb, --max-pages, --max-mb, --max-chars: what one file may cost."""
    options = [
        click.option("--memory-mb", type=click.IntRange(min=64), default=2048, show_default=True,
                     help="Memory one file's reader may use (MiB) before it is an error."),
        click.option("--max-pages", type=click.IntRange(min=1), default=50, show_default=True,
                     help="A PDF with more pages is reported as an error, not read."),
        click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=20.0,
                     show_default=True, help="A larger file is reported as an error, not read."),
        click.option("--max-chars", type=click.IntRange(min=1000), default=400_000,
                     show_default=True, help="Text beyond this many characters is cut, "
                     "with a warning."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--posting", "posting_path", required=True, type=click.Path(dir_okay=False),
              help="The posting YAML to screen against (see pipelines/).")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="Show only the first N ranked candidates in the terminal.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, metavar="N",
              help="Leave candidates scoring below N out of the terminal shortlist (it says "
              "how many) and hide them in the HTML table (its 'Score at least' box shows them "
              "again). The CSV and JSON keep every file.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write a CSV report.")
@click.option("--excel", is_flag=True, help="Write the CSV as UTF-8 with BOM, for Excel.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write a JSON report.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write an HTML report.")
@as_of_option
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel processes (default: all cores).")
@click.option("--blind", is_flag=True,
              help="Hide names, contact details and file names; show pseudonymous ids.")
@click.option("--blind-key", type=click.Path(dir_okay=False),
              help="With --blind: write the id -> file mapping to this CSV.")
@click.option("--blind-secret", type=click.Path(dir_okay=False), metavar="FILE",
              envvar="SCREENER_BLIND_SECRET_FILE", show_envvar=True,
              help="With --blind: key the blind ids with the secret in FILE (16 bytes or more; "
              "e.g. `head -c 32 /dev/urandom | base64 > FILE`, kept private). The same files, "
              "as-of date and secret give the same ids and byte-identical reports. Without it "
              "each run draws a random secret: the ids differ from run to run and only "
              "--blind-key maps them back. Ids never derive from the file alone.")
@click.option("--explain", is_flag=True, help="Print each candidate's score breakdown.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where the cache lives.")
@timeout_option
@limit_options
@click.option("--scheduler", metavar="ADDRESS",
              help="Parse on a Dask cluster (tcp://host:8786); needs screener[dask].")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar and no line per report written (errors still show).")
@taxonomy_option
@extractor_option
def screen(paths: tuple[str, ...], posting_path: str, top: int | None, min_score: float | None,
           csv_path: str | None,
           excel: bool, json_path: str | None, html_path: str | None, as_of: str | None,
           jobs: int | None, blind: bool, blind_key: str | None, blind_secret: str | None,
           explain: bool,
           no_cache: bool, cache_dir: str | None, timeout: float, memory_mb: int,
           max_pages: int, max_mb: float, max_chars: int, scheduler: str | None,
           quiet: bool, taxonomy_path: str | None, extractor: str) -> None:
    """Rank the resumes under PATHS (files or folders) against a posting."""
    from screener.api import ScreenOptions
    from screener.api import screen as run_screen
    from screener.report import csv as csv_report
    from screener.report import html as html_report
    from screener.report import json as json_report
    from screener.report import terminal
    from screener.report.output import clashes, unwritable
    from screener.report.progress import progress_callback

    if blind_key and not blind:
        raise click.UsageError("--blind-key only makes sense with --blind")
    outputs = {"--csv": csv_path, "--json": json_path, "--html": html_path,
               "--blind-key": blind_key}
    problem = clashes(paths, outputs) or unwritable(outputs)  # before the batch, not after it
    if problem:
        raise click.UsageError(problem)
    secret = _blind_secret(blind, blind_secret)
    options = ScreenOptions(jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir,
                            timeout=timeout, memory_mb=memory_mb, scheduler=scheduler,
                            blind=blind, blind_secret=secret, max_pages=max_pages, max_mb=max_mb,
                            max_chars=max_chars)
    with _no_cycle_collector():
        shortlist = run_screen(list(paths), posting_path, as_of=as_of,
                               taxonomy_path=taxonomy_path, extractor=extractor,
                               options=options, progress=progress_callback(quiet=quiet))
    click.echo(terminal.render(shortlist, top=top, explain=explain, min_score=min_score,
                               width=_terminal_width()), nl=False)
    writers: dict[str, Callable[[Any], None]] = {
        "--csv": lambda fp: csv_report.write_csv(shortlist, fp, excel=excel),
        "--json": lambda fp: json_report.write_json(shortlist, fp),
        "--html": lambda fp: html_report.write_html(shortlist, fp, min_score=min_score),
    }
    if blind_key:
        writers["--blind-key"] = lambda fp: csv_report.write_blind_key(shortlist, fp)
    _write_reports([(option, outputs[option], write) for option, write in writers.items()
                    if outputs[option]], quiet=quiet)


# What the line naming a written report calls it: "CSV report: out/shortlist.csv".
_REPORT_NAMES = {"--csv": "CSV report", "--json": "JSON report", "--html": "HTML report",
                 "--blind-key": "Blind key"}


def _write_reports(reports: list[tuple[str, str, Callable[[Any], None]]],
                   quiet: bool = False) -> None:
    """Write each report whole and name it in a line on stderr (stdout is the shortlist, for
    pipes), or say in one line why not; one that fails (a full disk) does not cost the others.
    Exit status 1 when any failed. The blind key is readable by its owner only."""
    from screener.report.output import ReportError, write_report

    failed = False
    for option, path, write in reports:
        try:
            write_report(path, write, private=option == "--blind-key")
        except ReportError as exc:
            click.echo(f"screener: {exc}", err=True)
            failed = True
            continue
        if not quiet:
            click.echo(f"{_REPORT_NAMES[option]}: {path}", err=True)
    if failed:
        sys.exit(ExitStatus.FAILED)


def _blind_secret(blind: bool, path: str | None) -> bytes | None:
    """The secret that keys the blind ids, read before the batch starts (None: random)."""
    source = click.get_current_context().get_parameter_source("blind_secret")
    if path and not blind:
        if source == click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--blind-secret only makes sense with --blind")
        return None  # SCREENER_BLIND_SECRET_FILE set for the blind runs only
    if not path:
        return None
    from screener.score.redact import read_secret

    return read_secret(path)


@cli.command()
@click.argument("resume", type=click.Path())
@click.option("--posting", "posting_path", required=True, type=click.Path(dir_okay=False))
@click.option("--batch", multiple=True, type=click.Path(), metavar="PATH",
              help="The files or folders the resume was screened with (repeat for more): it is "
              "scored among them, so its score is the one `screen` gives it there (the "
              "similarity part is relative to the batch). Without it, scored alone.")
@click.option("--no-cache", is_flag=True, help="With --batch: do not read or write the cache.")
@as_of_option
@taxonomy_option
@extractor_option
def explain(resume: str, posting_path: str, batch: tuple[str, ...], no_cache: bool,
            as_of: str | None, taxonomy_path: str | None, extractor: str) -> None:
    """Show why one resume scores what it does against a posting."""
    from screener.api import ScreenOptions, screen_one
    from screener.api import screen as run_screen
    from screener.report import terminal

    width = _terminal_width()
    if not batch:  # alone: one file, read afresh
        shortlist = run_screen([resume], posting_path, as_of=as_of, taxonomy_path=taxonomy_path,
                               extractor=extractor,
                               options=ScreenOptions(jobs=1, use_cache=False))
        click.echo(terminal.render(shortlist, explain=True, width=width), nl=False)
        if any(e.rank is not None for e in shortlist.entries):
            click.echo("\n" + (textwrap.fill(ALONE, width) if width else ALONE))
        return
    with _no_cycle_collector():  # in a batch: read as `screen` reads it
        shortlist, entry = screen_one(resume, posting_path, batch=batch, as_of=as_of,
                                      taxonomy_path=taxonomy_path, extractor=extractor,
                                      options=ScreenOptions(use_cache=not no_cache))
    click.echo(terminal.render_one(shortlist, entry, width=width), nl=False)


ALONE = ("Scored alone: the similarity part is relative to the files screened together, so "
         "`screen` can give this resume a slightly different score among others; --batch "
         "FOLDER (the folder you screened) scores it among them, as `screen` does.")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (JSON Lines).")
@click.option("--text", "as_text", is_flag=True,
              help="Print the normalised text screener reads, line-numbered, per file.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel processes (default: all cores).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where the cache lives.")
@timeout_option
@limit_options
@taxonomy_option
@extractor_option
def parse(files: tuple[str, ...], as_of: str | None, as_json: bool, as_text: bool,
          jobs: int | None, no_cache: bool, cache_dir: str | None,
          timeout: float, memory_mb: int, max_pages: int, max_mb: float, max_chars: int,
          taxonomy_path: str | None, extractor: str) -> None:
    """Show what was read from each resume, in argument order."""
    if as_json and as_text:
        raise click.UsageError("--json and --text cannot be used together; choose one.")
    from screener.api import ScreenOptions, parse_many, today_iso
    from screener.report.parsed import render_profile, render_text

    # The cache and guarded workers of `screen`: a file read once is not read again, and a
    # hostile file ends as an error row, not a hang. Output keeps the order of the arguments.
    options = ScreenOptions(jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir,
                            timeout=timeout, memory_mb=memory_mb, max_pages=max_pages,
                            max_mb=max_mb, max_chars=max_chars)
    settings = options.settings(as_of or today_iso(), taxonomy_path, extractor)
    for profile in parse_many(list(files), settings, options):
        if as_json:
            click.echo(json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=False))
        elif as_text:
            click.echo(render_text(profile), nl=False)
        else:
            click.echo(render_profile(profile), nl=False)


@cli.group()
def posting() -> None:
    """Check a posting, or draft one from a job ad."""


@posting.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@taxonomy_option
def posting_check(file: str, taxonomy_path: str | None) -> None:
    """Validate a posting YAML and summarise its requirements."""
    from screener.api import load_posting, load_taxonomy

    item = load_posting(file, load_taxonomy(taxonomy_path))
    click.echo(f"{file}: ok — {item.title!r}, {len(item.requirements)} requirements")
    for req in item.requirements:
        extra = f", at least {req.min_years:g} years" if req.min_years else ""
        ko = ", knock-out" if req.knockout else ""
        click.echo(f"  {req.importance:<9} {req.label}{extra}{ko}")
    if item.min_years:
        click.echo(f"  experience: at least {item.min_years:g} years in all")
    if item.min_relevant_years:
        click.echo(f"  experience: at least {item.min_relevant_years:g} years in relevant roles")


@posting.command("schema")
def posting_schema() -> None:
    """Print the JSON Schema of a posting, for editors (schemas/posting.schema.json)."""
    from screener.rubric.postingspec import schema_text

    click.echo(schema_text(), nl=False)


@posting.command("draft")
@click.argument("job_ad", type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@taxonomy_option
def posting_draft(job_ad: str, output: str | None, taxonomy_path: str | None) -> None:
    """Draft a posting YAML from a job ad (.txt, .pdf, .docx, or - for stdin)."""
    from screener.api import draft_posting_from

    data = sys.stdin.buffer.read() if job_ad == "-" else None
    text = draft_posting_from(job_ad, data=data, taxonomy_path=taxonomy_path)
    if output:
        with _output(output) as fp:
            fp.write(text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.group()
def taxonomy() -> None:
    """List or check the skills taxonomy."""


@taxonomy.command("list")
@taxonomy_option
def taxonomy_list(taxonomy_path: str | None) -> None:
    """List every skill: id, name, category and aliases."""
    from screener.api import load_taxonomy

    tax = load_taxonomy(taxonomy_path)
    for skill_id in sorted(tax.skills):
        skill = tax.skills[skill_id]
        aliases = ", ".join(skill.aliases)
        click.echo(f"{skill.id:<24} {skill.name:<28} {skill.category:<16} {aliases}".rstrip())
    click.echo(f"{len(tax.skills)} skills, taxonomy {tax.version}", err=True)


@taxonomy.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def taxonomy_check(file: str | None) -> None:
    """Validate a taxonomy YAML (default: the bundled one): every problem, with its line."""
    from screener.api import load_taxonomy
    from screener.errors import TaxonomyError
    from screener.rubric.taxonomy import check_taxonomy

    try:
        tax = load_taxonomy(file)
    except TaxonomyError:  # it names the first problem; a check lists them all
        for problem in check_taxonomy(file):
            click.echo(f"screener: {problem}", err=True)
        sys.exit(ExitStatus.FAILED)
    click.echo(f"{tax.path}: ok — {len(tax.skills)} skills, version {tax.version}")


def _terminal_width() -> int | None:
    """Columns to fit the output in: COLUMNS when set (as `shutil.get_terminal_size` reads
    it), else the terminal's width. None when stdout is no terminal (a file, `| grep`, `| less`):
    nothing is cut, every skill and path stays whole."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if not sys.stdout.isatty():
            return None
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):  # no descriptor (a test's stream) or no size
        return None


def main() -> None:
    """The console script. Once the command is done and its output flushed, the process ends
    at once: tearing the interpreter down (spaCy's modules, the skill matcher) would add ~0.15 s
    to every command that reads resumes, for nothing. What the commands open (report files,
    the cache, worker processes, a Dask client) is closed by then; logging is shut down as at
    a normal exit."""
    import signal

    # `timeout`, systemd and `kill` stop a run with SIGTERM: a clean stop, as Ctrl-C gives
    # (workers stopped, "interrupted", exit status 130), not a death that leaves them running.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        cli(prog_name="screener")
        code = 0
    except SystemExit as exc:
        code = _exit_code(exc.code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`screener ... | head`): nothing to lose
            pass
    os._exit(code)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _exit_code(code: object) -> int:
    """What the interpreter would exit with for `sys.exit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


if __name__ == "__main__":
    main()
