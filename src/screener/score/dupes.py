"""Find the same resume given twice: same bytes, same candidate e-mail, or near-identical text.

`DuplicateFinder.add` keeps a small fingerprint per profile (the text compressed, ~2 KB), so it
can run over a stream of profiles before their texts are dropped. Near-identical texts are only
compared within a block of resumes that open with the same two lines (usually the name and a
headline) and have similar lengths, so the cost stays near linear. The kept file of each group
is the first by path (then by position: the same path given twice is two files, one kept);
every other one maps to it. Empty files (0 bytes) share a sha256 but no candidate: never
duplicates.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from screener.records import Profile

NEAR_IDENTICAL = 97.0  # rapidfuzz ratio on normalised text, 0..100
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_WORD = re.compile(r"[^\W_]+")


def match_text(text: str) -> str:
    """Lowercase words only: spacing, punctuation and bullets do not make two resumes differ."""
    return "\n".join(" ".join(_WORD.findall(line.lower())) for line in text.split("\n")).strip()


@dataclass(frozen=True)
class Fingerprint:
    path: str
    sha256: str
    email: str
    block: str  # first two non-empty lines of the match text
    text_hash: str
    length: int
    packed: bytes  # zlib'd match text, single-spaced

    def to_plain(self) -> list[object]:
        """JSON values for the cache (the path is not stored: the bytes are the key)."""
        return [self.sha256, self.email, self.block, self.text_hash, self.length,
                base64.b64encode(self.packed).decode("ascii")]

    @classmethod
    def from_plain(cls, path: str, plain: list[object]) -> Fingerprint:
        sha256, email, block, text_hash, length, packed = plain
        return cls(path=path, sha256=str(sha256), email=str(email), block=str(block),
                   text_hash=str(text_hash), length=int(length),  # type: ignore[call-overload]
                   packed=base64.b64decode(str(packed)))


def fingerprint(profile: Profile) -> Fingerprint:
    doc = profile.document
    usable = doc.status == "ok" and bool(doc.text)
    words = match_text(doc.text) if usable else ""
    lines = [line for line in words.split("\n") if line]
    flat = " ".join(lines)
    email = (profile.contact.email or "").strip().lower() if usable else ""
    return Fingerprint(
        path=doc.path,
        sha256=doc.sha256,
        email=email,
        block="\n".join(lines[:2]),
        text_hash=hashlib.sha256(flat.encode()).hexdigest() if flat else "",
        length=len(flat),
        packed=zlib.compress(flat.encode(), 1) if flat else b"",
    )


class _Groups:
    """Union-find over positions; the representative of a group is its first (path, position).
    Positions, not paths: one path given twice is two rows, and must be two nodes."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.parent = list(range(len(paths)))

    def find(self, i: int) -> int:
        root = i
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[i] = root
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, other = sorted((ra, rb), key=lambda i: (self.paths[i], i))
            self.parent[other] = first


class DuplicateFinder:
    def __init__(self) -> None:
        self.prints: list[Fingerprint] = []

    def add(self, profile: Profile) -> None:
        """Call before the profile's text is dropped."""
        self.prints.append(fingerprint(profile))

    def add_fingerprint(self, fp: Fingerprint) -> None:
        self.prints.append(fp)

    def result(self) -> dict[str, str]:
        """{duplicate path: kept path}, for every file that repeats an earlier one by path."""
        return {self.prints[i].path: kept for i, kept in self.kept_by_position().items()}

    def kept_by_position(self) -> dict[int, str]:
        """{position of a duplicate, in the order added: path of the kept file}."""
        groups = _Groups([fp.path for fp in self.prints])
        for attr in ("sha256", "email", "text_hash"):
            first: dict[str, int] = {}
            for i, fp in enumerate(self.prints):
                value = getattr(fp, attr)
                if value and not (attr == "sha256" and value == EMPTY_SHA256):
                    groups.join(first.setdefault(value, i), i)
        self._near_identical(groups)
        out = {}
        for i in sorted(range(len(self.prints)), key=lambda i: (self.prints[i].path, i)):
            kept = groups.find(i)
            if kept != i:
                out[i] = self.prints[kept].path
        return out

    def _near_identical(self, groups: _Groups) -> None:
        from rapidfuzz import fuzz

        blocks: dict[str, list[int]] = defaultdict(list)
        for i, fp in enumerate(self.prints):
            if fp.block:
                blocks[fp.block].append(i)
        for block in blocks.values():
            block.sort(key=lambda i: (self.prints[i].length, self.prints[i].path, i))
            texts = [zlib.decompress(self.prints[i].packed).decode() for i in block]
            for x, i in enumerate(block):
                a = self.prints[i]
                for y in range(x + 1, len(block)):
                    j = block[y]
                    b = self.prints[j]
                    # ratio = 2*matches/(len a + len b) cannot pass when lengths differ this much
                    if 200 * a.length / (a.length + b.length) < NEAR_IDENTICAL:
                        break
                    if groups.find(i) == groups.find(j):
                        continue
                    if fuzz.ratio(texts[x], texts[y], score_cutoff=NEAR_IDENTICAL) > NEAR_IDENTICAL:
                        groups.join(i, j)


def mark_duplicates(profiles: Iterable[Profile]) -> dict[str, str]:
    """{duplicate path: kept path} for the same file twice or the same candidate twice."""
    finder = DuplicateFinder()
    for profile in profiles:
        finder.add(profile)
    return finder.result()
