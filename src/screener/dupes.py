"""Find the same resume given twice: same bytes, same candidate e-mail, or near-identical text.

`DuplicateFinder.add` keeps a small fingerprint per profile (the text compressed, ~2 KB), so it
can run over a stream of profiles before their texts are dropped. Near-identical texts are only
compared within a block of resumes that open with the same two lines (usually the name and a
headline) and have similar lengths, so the cost stays near linear. The kept file of each group
is the first by path; every other one maps to it.
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
    """Union-find over paths; the representative of a group is its smallest path."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, path: str) -> str:
        root = self.parent.setdefault(path, path)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[path] = root
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


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
        groups = _Groups()
        for fp in self.prints:
            groups.find(fp.path)
        for attr in ("sha256", "email", "text_hash"):
            first: dict[str, str] = {}
            for fp in self.prints:
                value = getattr(fp, attr)
                if value:
                    groups.join(first.setdefault(value, fp.path), fp.path)
        self._near_identical(groups)
        out = {}
        for fp in sorted(self.prints, key=lambda f: f.path):
            kept = groups.find(fp.path)
            if kept != fp.path:
                out[fp.path] = kept
        return out

    def _near_identical(self, groups: _Groups) -> None:
        from rapidfuzz import fuzz

        blocks: dict[str, list[Fingerprint]] = defaultdict(list)
        for fp in self.prints:
            if fp.block:
                blocks[fp.block].append(fp)
        for block in blocks.values():
            block.sort(key=lambda f: (f.length, f.path))
            texts = [zlib.decompress(f.packed).decode() for f in block]
            for i, a in enumerate(block):
                for j in range(i + 1, len(block)):
                    b = block[j]
                    # ratio = 2*matches/(len a + len b) cannot pass when lengths differ this much
                    if 200 * a.length / (a.length + b.length) < NEAR_IDENTICAL:
                        break
                    if groups.find(a.path) == groups.find(b.path):
                        continue
                    if fuzz.ratio(texts[i], texts[j], score_cutoff=NEAR_IDENTICAL) > NEAR_IDENTICAL:
                        groups.join(a.path, b.path)


def mark_duplicates(profiles: Iterable[Profile]) -> dict[str, str]:
    """{duplicate path: kept path} for the same file twice or the same candidate twice."""
    finder = DuplicateFinder()
    for profile in profiles:
        finder.add(profile)
    return finder.result()
