"""SQLite cache of extracted Documents and parsed Profiles, so a re-screen skips both.

Three tables:
- `files`: (absolute path, size, mtime_ns, ctime_ns, inode) -> sha256, so an unchanged file is
  not even read on a warm run;
- `documents`: (sha256, extraction key) -> Document, which survives a taxonomy or posting edit;
- `profiles`: (sha256, parse key) -> Profile (its document without the text) and what the
  screening derived from the text (duplicate fingerprint, term counts), so a warm re-screen
  never reads or decompresses a text.

The extraction key covers the extractor setting, the limits and the extraction code; the parse
key adds the taxonomy, the as-of date and the parse code. Code "versions" are hashes of the
source files, so any edit to the readers invalidates what they produced. Rows are zlib'd JSON
(never pickle: a shared cache folder must not be a way to run code), records as positional
lists (screener.run.serialize.to_rows: records.py is part of the parse key).

Two screenings may run at once: WAL mode, a busy timeout, short batched write transactions and
INSERT OR REPLACE. A cache that cannot be read is renamed aside and rebuilt, with a warning in
`Cache.warnings` (and on the `screener.run.cache` logger); the cache never stops a screening.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import logging
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from screener.records import Document, Profile
from screener.run.serialize import from_rows, to_rows

log = logging.getLogger("screener.run.cache")

SCHEMA = "3"
FILENAME = "cache.sqlite3"
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
    ctime_ns INTEGER, ino INTEGER, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS profiles (key TEXT PRIMARY KEY, doc_key TEXT NOT NULL,
    data BLOB NOT NULL);
"""
# What each stage's code is: the entry module of a stage and everything it imports, followed
# through the package (whole sub-packages, so a rule moved between files or a file added is
# covered) without anyone keeping a list of names. records.py is always in: a cached row is a
# record's fields in order, so a field added to it must not read an older row.
_EXTRACT_ENTRY = "screener.extract"
# `from screener.x import a, b`, `from screener import (a,\n b)` and `import screener.x`.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(screener(?:\.\w+)*)[ \t]+import[ \t]+"
                     r"(\([^)]*\)|[\w, \t]+)|import[ \t]+(screener(?:\.\w+)*))", re.M)


_LOCK_WAIT = 10.0  # seconds to wait for another screening's lock, as the busy timeout


def _busy(err: sqlite3.DatabaseError) -> bool:
    """A lock held by another connection, not a damaged file."""
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def default_cache_dir() -> str:
    import platformdirs

    return platformdirs.user_cache_dir("screener")


def open_cache(directory: str | os.PathLike[str] | None = None) -> Cache:
    """The cache in `directory` (None: the user's cache folder). Never raises: see warnings."""
    return Cache(directory)


@dataclass(frozen=True)
class CacheKeys:
    extraction: str  # extractor, limits, extraction code
    parse: str  # extraction key, taxonomy, as-of, parse code, the derive function's code


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


def _package_dir() -> Path:
    return Path(__file__).resolve().parents[1]


def _hash_sources(paths: list[Path]) -> str:
    h = hashlib.sha256()
    pkg = _package_dir()
    for path in sorted(paths):
        h.update(str(path.relative_to(pkg) if path.is_relative_to(pkg) else path.name).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


def _unit(module: str) -> Path | None:
    """The sub-package or top-level module of the package that `module` (dotted) belongs to."""
    parts = module.split(".")
    if parts[0] != "screener" or len(parts) < 2:
        return None
    pkg = _package_dir()
    if (pkg / parts[1]).is_dir():
        return pkg / parts[1]
    path = pkg / f"{parts[1]}.py"
    return path if path.is_file() else None


def _unit_files(unit: Path) -> list[Path]:
    return sorted(unit.rglob("*.py")) if unit.is_dir() else [unit]


def _imported_units(path: Path) -> set[Path]:
    found: set[Path] = set()
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        module = m.group(1) or m.group(3)
        if module == "screener":
            # `from screener import x`: a sub-package or module x, else a name of __init__.py
            # (its version is part of every key already; its imports are the whole API).
            names = [n.strip() for n in (m.group(2) or "").strip("()").split(",") if n.strip()]
            found.update(u for u in (_unit(f"screener.{n}") for n in names) if u is not None)
        elif (unit := _unit(module)) is not None:
            found.add(unit)
    return found


@lru_cache(maxsize=None)
def stage_sources(entry: str) -> tuple[Path, ...]:
    """Every source file whose content decides what the module `entry` (dotted) computes: its
    unit (sub-package or module), records.py, and the units they import, transitively."""
    start = _unit(entry)
    if start is None:
        raise ValueError(f"{entry} is not a module of the screener package")
    seen: set[Path] = set()
    todo = [start, _package_dir() / "records.py"]
    while todo:
        unit = todo.pop()
        if unit in seen:
            continue
        seen.add(unit)
        for path in _unit_files(unit):
            todo.extend(_imported_units(path) - seen)
    return tuple(sorted(p for unit in seen for p in _unit_files(unit)))


def _data_files() -> list[Path]:
    """Word lists the parse stage reads (fuzzy-match and similarity stop words, experience's
    word tables in _data/experience/)."""
    return sorted((_package_dir() / "_data").rglob("*.txt"))


def _qualification_files() -> list[Path]:
    """skills/qualifications.yaml (degrees, certifications, languages, places), which the
    parse stage reads whatever taxonomy is given."""
    pkg = _package_dir()
    name = "qualifications.yaml"
    return [p for p in (pkg / "_data" / name, pkg.parents[1] / "skills" / name) if p.is_file()]


def _taxonomy_files(taxonomy_path: str | None) -> list[Path]:
    if taxonomy_path:
        return [Path(taxonomy_path)]
    pkg = _package_dir()
    bundled = [pkg / "_data" / "taxonomy.yaml", pkg.parents[1] / "skills" / "taxonomy.yaml"]
    return [p for p in bundled if p.is_file()]


@lru_cache(maxsize=64)
def function_digest(fn: Callable[..., Any]) -> str:
    """A digest of what decides a function's results: for one of screener's, the sources of
    its stage (see `stage_sources`); for anyone else's, its source file, or its code when it has
    none. With its qualified name: two functions of one module differ."""
    module = getattr(fn, "__module__", None) or ""
    name = getattr(fn, "__qualname__", repr(fn))
    if _unit(module) is not None:
        return _digest("f", module, name, _hash_sources(list(stage_sources(module))))
    try:
        source = inspect.getsourcefile(fn)
        if source:
            return _digest("f", module, name, _hash_sources([Path(source).resolve()]))
    except TypeError:
        pass
    code = getattr(fn, "__code__", None)
    body = (code.co_code, repr(code.co_consts), code.co_names) if code else repr(fn)
    return _digest("f", module, name, hashlib.sha256(repr(body).encode()).hexdigest())


def cache_keys(settings: Any, *, parse: Callable[..., Any] | None = None,
               parse_doc: Callable[..., Any] | None = None,
               derive: Callable[..., Any] | None = None) -> CacheKeys:
    """The keys for one batch's settings (a screener.parse.profile.ParseSettings) and the
    functions that parse (bytes, or an extracted document) and derive values from the text:
    each function's key covers its own stage's code (see `function_digest`)."""
    from screener import __version__
    from screener.parse.profile import parse_bytes, parse_document

    extraction = _digest(
        "x", __version__, settings.extractor, settings.max_pages, settings.max_chars,
        settings.max_bytes, _hash_sources(list(stage_sources(_EXTRACT_ENTRY))),
    )
    try:
        taxonomy = _hash_sources(_taxonomy_files(settings.taxonomy_path))
    except OSError:
        taxonomy = "unreadable"  # loading it will fail with a clear message elsewhere
    parsed = _digest(
        "p", extraction, taxonomy, settings.as_of,
        function_digest(parse or parse_bytes), function_digest(parse_doc or parse_document),
        function_digest(derive) if derive is not None else "-",
        _hash_sources(_data_files()), _hash_sources(_qualification_files()),
    )
    return CacheKeys(extraction=extraction, parse=parsed)


def _pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 1)


# A stored row unpacks to a few MB at most (a document's text is cut at --max-chars); a row
# that claims more was not written by screener (a zlib bomb in a shared cache folder): a miss.
MAX_ROW_BYTES = 64 * 1024 * 1024


def _unpack(blob: bytes) -> Any:
    inflate = zlib.decompressobj()
    data = inflate.decompress(blob, MAX_ROW_BYTES)
    if inflate.unconsumed_tail or not inflate.eof:
        del data  # else the error's traceback (kept by a log handler) holds the 64 MB
        raise ValueError(f"cache row does not unpack within {MAX_ROW_BYTES // 1024**2} MB")
    return json.loads(data)


# What a damaged or crafted row can raise while it is decoded: each is a miss, never a crash.
_BAD_ROW = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
            zlib.error)


def cache_entry(profile: Profile, derived: Any = None) -> tuple[bytes, bytes]:
    """The two stored blobs for a profile: its document with the text, and the profile without
    it plus `derived`. A pure function of the profile, so the worker that parsed the file makes
    them: the text then never travels to the parent, and the compression runs in parallel."""
    doc = dataclasses.replace(profile.document, path="")
    rows = to_rows(dataclasses.replace(
        profile, document=dataclasses.replace(doc, text="", hidden_text="")))
    return _pack(to_rows(doc)), _pack([rows, derived])


def _path_key(path: str) -> str | bytes:
    """The absolute path as stored: text, or its real bytes when the name is not UTF-8 (SQLite
    cannot take the surrogates Python decodes such bytes to; bytes never equal a text key)."""
    absolute = os.path.abspath(path)
    try:
        absolute.encode("utf-8")
        return absolute
    except UnicodeEncodeError:
        return os.fsencode(absolute)


def _stat_row(path: str, st: os.stat_result) -> tuple[str | bytes, int, int, int, int]:
    return (_path_key(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class Cache:
    """Open (or create) the cache in `directory` (default: the user's cache folder)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, *, batch: int = 500):
        self.directory = Path(directory if directory is not None else default_cache_dir())
        self.path = self.directory / FILENAME
        self.warnings: list[str] = []
        self._batch = batch
        self._pending: dict[str, list[tuple[Any, ...]]] = {"files": [], "documents": [],
                                                            "profiles": []}
        self._conn: sqlite3.Connection | None = self._open()

    # ------------------------------------------------------------------ opening

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning(message)

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self._warn(f"cache folder {self.directory} cannot be created ({err.strerror}); "
                       "screening without a cache; use --cache-dir to choose another folder")
            return None
        try:
            return self._connect()
        except sqlite3.DatabaseError as err:
            if _busy(err):
                self._warn(f"cache {self.path} stayed locked by another screening ({err}); "
                           "screening without a cache; use --cache-dir to choose another folder")
                return None
            aside = self._move_aside()
            self._warn(f"cache {self.path} could not be read ({err}); moved it to {aside.name} "
                       "and started a new one")
        try:
            return self._connect()
        except sqlite3.DatabaseError as err:
            self._warn(f"cache {self.path} cannot be used ({err}); screening without a cache; "
                       "use --cache-dir to choose another folder")
            return None

    def _connect(self) -> sqlite3.Connection:
        """Connect and set up, retrying while another screening holds a lock: switching to WAL
        and the first schema check can report "database is locked" without waiting for the busy
        timeout."""
        deadline = time.monotonic() + _LOCK_WAIT
        pause = 0.01
        while True:
            try:
                return self._connect_once()
            except sqlite3.OperationalError as err:
                if not _busy(err) or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.25)

    def _connect_once(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=_LOCK_WAIT, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(_LOCK_WAIT * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(_TABLES)
            row = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA:
                self._reset(conn)
            return conn
        except sqlite3.DatabaseError:
            conn.close()
            raise

    @staticmethod
    def _reset(conn: sqlite3.Connection) -> None:
        """Empty a cache of another schema. The schema is read again under the write lock: two
        screenings that open a new cache at once both see no schema, and the second must not
        empty what the first has written since."""
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            row = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if row is not None and row[0] == SCHEMA:
                return
            for table in ("files", "documents", "profiles"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))

    def _move_aside(self) -> Path:
        n = 1
        while (aside := self.path.with_name(f"{FILENAME}.corrupt-{n}")).exists():
            n += 1
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(FILENAME + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
        return aside

    def _failed(self, err: sqlite3.Error) -> None:
        """A read or write failed mid-run: carry on without the cache rather than stop."""
        self._warn(f"cache {self.path} failed ({err}); continuing without it; "
                   "delete the file if this repeats")
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    # ------------------------------------------------------------------ reading

    def known_sha256(self, path: str, st: os.stat_result) -> str | None:
        """The sha256 recorded for this path when its size, times and inode were the same."""
        if self._conn is None:
            return None
        row = _stat_row(path, st)
        try:
            found = self._conn.execute(
                "SELECT sha256 FROM files WHERE path = ? AND size = ? AND mtime_ns = ? "
                "AND ctime_ns = ? AND ino = ?", row).fetchone()
        except sqlite3.Error as err:
            self._failed(err)
            return None
        return found[0] if found else None

    def get_profile(self, sha256: str, keys: CacheKeys, path: str) -> Profile | None:
        """The cached Profile of these bytes, its document's path set to `path`."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute(
                "SELECT p.data, d.data FROM profiles p JOIN documents d ON d.key = p.doc_key "
                "WHERE p.key = ?", (f"{sha256}:{keys.parse}",)).fetchone()
            if row is None:
                return None
            rows, _ = _unpack(row[0])
            rows[0] = _unpack(row[1])
            rows[0][0] = path  # Document.path
            return from_rows(Profile, rows)
        except sqlite3.Error as err:
            self._failed(err)
        except _BAD_ROW as err:
            log.warning("ignoring an unreadable cache row for %s: %s", path, err)
        return None

    def get_lean(self, sha256: str, keys: CacheKeys, path: str) -> tuple[Profile, Any] | None:
        """The cached Profile of these bytes without its text, and what was derived from the
        text when it was stored (None when nothing was). One row read, no text decompressed."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT data FROM profiles WHERE key = ?",
                                     (f"{sha256}:{keys.parse}",)).fetchone()
            if row is None:
                return None
            rows, derived = _unpack(row[0])
            rows[0][0] = path  # Document.path
            return from_rows(Profile, rows), derived
        except sqlite3.Error as err:
            self._failed(err)
        except _BAD_ROW as err:
            log.warning("ignoring an unreadable cache row for %s: %s", path, err)
        return None

    def get_document(self, sha256: str, keys: CacheKeys, path: str) -> Document | None:
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT data FROM documents WHERE key = ?",
                                     (f"{sha256}:{keys.extraction}",)).fetchone()
            if row is None:
                return None
            rows = _unpack(row[0])
            rows[0] = path
            return from_rows(Document, rows)
        except sqlite3.Error as err:
            self._failed(err)
        except _BAD_ROW as err:
            log.warning("ignoring an unreadable cache row for %s: %s", path, err)
        return None

    # ------------------------------------------------------------------ writing

    def remember_sha256(self, path: str, st: os.stat_result, sha256: str) -> None:
        self._queue("files", (*_stat_row(path, st), sha256))

    def put(self, profile: Profile, keys: CacheKeys, derived: Any = None) -> None:
        """Store a profile and its document (paths are not stored: the bytes are the key), and
        `derived`, plain JSON values computed from the text (see `get_lean`)."""
        if profile.document.sha256:
            self.put_entry(profile.document.sha256, keys, cache_entry(profile, derived))

    def put_entry(self, sha256: str, keys: CacheKeys, entry: tuple[bytes, bytes]) -> None:
        """Store what `cache_entry` made (in a worker process, say) for the file `sha256`."""
        doc_key = f"{sha256}:{keys.extraction}"
        self._queue("documents", (doc_key, entry[0]))
        self._queue("profiles", (f"{sha256}:{keys.parse}", doc_key, entry[1]))

    def _queue(self, table: str, row: tuple[Any, ...]) -> None:
        if self._conn is None:
            return
        self._pending[table].append(row)
        if sum(map(len, self._pending.values())) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Write queued rows in one short transaction."""
        pending, self._pending = self._pending, {t: [] for t in self._pending}
        if self._conn is None or not any(pending.values()):
            return
        sql = {"files": "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
               "documents": "INSERT OR REPLACE INTO documents VALUES (?, ?)",
               "profiles": "INSERT OR REPLACE INTO profiles VALUES (?, ?, ?)"}
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                for table, rows in pending.items():
                    if rows:
                        self._conn.executemany(sql[table], rows)
        except sqlite3.Error as err:
            self._failed(err)

    def close(self) -> None:
        self.flush()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
