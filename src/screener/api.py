"""The front door: a few functions that take paths and return records.

    from screener import screen, load_posting
    shortlist = screen(["resumes/"], "pipelines/backend-developer.yaml", as_of="2026-11-27")

Heavy libraries (spaCy, numpy, the PDF readers) are imported only when a function that needs
them runs, so that `screener --help` and `screener posting check` start fast.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from screener import __version__
from screener.errors import InputError
from screener.parse.profile import ParseSettings
from screener.records import Assessment, Posting, Profile, Shortlist, ShortlistEntry
from screener.run.inputs import Inputs, collect_inputs, shown_path


@dataclass(frozen=True)
class ScreenOptions:
    """How a batch is run, and how much one file may cost before it is an error row.

    Nothing here changes the score of a file within the limits; see ParseSettings and the
    posting. jobs=0 parses in this process with no timeout or memory cap (trusted files only).
    """

    jobs: int | None = None  # None: all cores
    use_cache: bool = True
    cache_dir: str | None = None
    timeout: float = 60.0  # seconds per file
    memory_mb: int = 2048  # per worker
    scheduler: str | None = None  # a Dask scheduler address
    blind: bool = False
    # keys the blind ids (see screener.score.redact); None: a fresh random one per screening
    blind_secret: bytes | None = dataclasses.field(default=None, repr=False)
    max_pages: int = 50  # a PDF with more pages is an error row
    max_mb: float = 20.0  # a bigger file is an error row, refused before it is read
    max_chars: int = 400_000  # text beyond this is cut, with a warning

    def settings(self, as_of: str, taxonomy_path: str | None, extractor: str) -> ParseSettings:
        return ParseSettings(as_of=as_of, taxonomy_path=taxonomy_path, extractor=extractor,
                             max_pages=self.max_pages, max_chars=self.max_chars,
                             max_bytes=int(self.max_mb * 1024 * 1024))


def today_iso() -> str:
    """The default as-of date. The only place the clock is read."""
    return date.today().isoformat()


def load_taxonomy(path: str | Path | None = None):
    from screener.rubric.taxonomy import load_taxonomy as _load

    return _load(path)


def load_posting(path: str | Path, taxonomy=None) -> Posting:
    from screener.rubric.posting import load_posting as _load

    return _load(path, taxonomy if taxonomy is not None else load_taxonomy())


def parse_resume(
    path: str | Path,
    *,
    as_of: str | None = None,
    taxonomy_path: str | None = None,
    extractor: str = "auto",
) -> Profile:
    """Read one resume. A file that cannot be read gives a Profile with status error/empty."""
    from screener.parse.profile import parse_bytes

    settings = ParseSettings(as_of=as_of or today_iso(), taxonomy_path=taxonomy_path,
                             extractor=extractor)
    path = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc}); check the path") from exc
    return parse_bytes(path, data, settings)


def parse_many(
    paths: Sequence[str] | Inputs, settings: ParseSettings, options: ScreenOptions,
    progress: Callable[[int, int], None] | None = None,
) -> Iterable[Profile]:
    """Profiles for every file under `paths`, in input order, one per file."""
    from screener.run import batch

    inputs = paths if isinstance(paths, Inputs) else batch.collect_inputs(paths)
    return batch.parse_all(inputs, settings, **_batch_options(options, progress))


def _batch_options(options: ScreenOptions, progress: Callable[[int, int], None] | None
                   ) -> dict[str, Any]:
    cache = None
    if options.use_cache:
        from screener.run.cache import open_cache

        cache = open_cache(options.cache_dir)
    return {"jobs": options.jobs, "cache": cache, "timeout": options.timeout,
            "memory_mb": options.memory_mb, "scheduler": options.scheduler,
            "progress": progress}


def screen(
    paths: Sequence[str | Path],
    posting: Posting | str | Path,
    *,
    as_of: str | None = None,
    taxonomy_path: str | None = None,
    extractor: str = "auto",
    options: ScreenOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Shortlist:
    """Parse every resume under `paths`, score each against `posting`, and rank them."""
    options = options or ScreenOptions()
    taxonomy = load_taxonomy(taxonomy_path)
    if not isinstance(posting, Posting):
        posting = load_posting(posting, taxonomy)
    settings = options.settings(as_of or today_iso(), taxonomy_path, extractor)
    inputs = collect_inputs([str(p) for p in paths])
    terms: dict[str, tuple[str, ...]] = {}  # per file: the header's identifying words
    shortlist = _screen(inputs, posting, settings, options, progress, taxonomy.version, terms)
    if options.blind:
        from screener.score.redact import blind

        return blind(shortlist, secret=options.blind_secret, terms=terms)
    # what reports show files relative to: never kept when blind (a path given may be a name)
    return dataclasses.replace(shortlist, paths=tuple(shown_path(str(p)) for p in paths))


def screen_one(
    resume: str | Path,
    posting: Posting | str | Path,
    *,
    batch: Sequence[str | Path] = (),
    as_of: str | None = None,
    taxonomy_path: str | None = None,
    extractor: str = "auto",
    options: ScreenOptions | None = None,
) -> tuple[Shortlist, ShortlistEntry]:
    """Screen `resume` among the files under `batch` and return the shortlist with the resume's
    entry. The similarity part of a score is relative to the files screened together, so this
    is the score `screen` gives the resume in that batch. The resume is added to the batch
    when it is not one of its files; with no batch it is screened alone."""
    paths = [str(p) for p in batch]
    real = os.path.realpath(resume)
    if not paths or real not in {os.path.realpath(p) for p in collect_inputs(paths).paths}:
        paths.append(str(resume))
    shortlist = screen(paths, posting, as_of=as_of, taxonomy_path=taxonomy_path,
                       extractor=extractor, options=options)
    entries = [e for e in shortlist.entries if os.path.realpath(e.assessment.file) == real]
    if not entries:  # a folder
        raise InputError(f"{resume}: not a resume file; give one file (`screen FOLDER "
                         "--explain` explains every candidate in a folder)")
    return shortlist, entries[0]


def _screen(inputs: Inputs, posting: Posting, settings: ParseSettings, options: ScreenOptions,
            progress: Callable[[int, int], None] | None, taxonomy_version: str,
            terms: dict[str, tuple[str, ...]]) -> Shortlist:
    from screener.run.batch import drop_text, parse_derived
    from screener.score.derived import derive
    from screener.score.dupes import DuplicateFinder, Fingerprint
    from screener.score.ranking import rank
    from screener.score.scoring import assess, with_similarity
    from screener.score.similarity import SimilarityIndex

    # Profiles stream in; each text is reduced to a duplicate fingerprint and a sparse term
    # vector (both cached with the profile), then dropped, so memory holds per-candidate
    # records only, never every text. Each is assessed as it comes (while the workers read
    # the next files); the similarity, which needs the whole batch, is added at the end.
    finder, index, partial = DuplicateFinder(), SimilarityIndex(posting), []
    for profile, (plain_print, counts, words) in parse_derived(
            inputs, settings, derive, **_batch_options(options, progress)):
        if options.blind:
            terms[profile.document.path] = tuple(words)
        finder.add_fingerprint(Fingerprint.from_plain(profile.document.path, plain_print))
        index.add_counts(counts)
        # (rebuilt from rows by the batch, as the cache rebuilds it: repeated strings shared)
        partial.append(assess(drop_text(profile), posting))
    duplicates = finder.kept_by_position()  # by position: one path may be given twice
    assessments: list[Assessment] = []
    for position, (assessment, sim) in enumerate(zip(partial, index.scores())):
        assessment = with_similarity(assessment, posting, sim)
        kept = duplicates.get(position)
        if kept:
            assessment = dataclasses.replace(assessment, duplicate_of=kept,
                                             duplicate_reason=finder.reasons[position])
        assessments.append(assessment)
    shortlist = rank(assessments, posting, as_of=settings.as_of,
                     taxonomy_version=taxonomy_version, tool_version=__version__)
    return dataclasses.replace(shortlist, hidden=inputs.hidden)


def draft_posting_from(
    path: str, *, data: bytes | None = None, taxonomy_path: str | None = None
) -> str:
    """A commented posting YAML drafted from a job ad file (.txt, .pdf, .docx) or its bytes."""
    from screener.draft.posting import draft_posting
    from screener.errors import ExtractionError
    from screener.extract import extract

    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(
                f"{path}: cannot read ({exc.strerror or exc}); check the path"
            ) from exc
    name = "<stdin>" if path == "-" else path
    doc = extract(name, data)
    if doc.status != "ok":
        raise ExtractionError(f"{name}: {doc.error or 'no text found'}")
    return draft_posting(doc.text, load_taxonomy(taxonomy_path), source=name)
