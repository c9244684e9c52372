"""Find the same resume given twice, or one person's resume in two versions.

Two files are one candidate when they have the same bytes, the same e-mail, the same words, or
near-identical text (97% alike: a re-export, a fixed typo); and when they carry the same name
and the same phone number, or the same name and mostly the same text (80% alike: an edited copy
with a new job or a reworded summary). Each duplicate says why (`DuplicateFinder.reasons`), so a
recruiter can check the pairing.

`DuplicateFinder.add` keeps a small fingerprint per profile (the text compressed, ~2 KB), so it
can run over a stream of profiles before their texts are dropped. Texts are only compared
within a block of resumes that open with the same two lines (usually the name and a headline)
or carry the same name, and have similar lengths, so the cost stays near linear. The kept file
of each group is the first by path (then by position: the same path given twice is two files,
one kept); every other one maps to it. Empty files (0 bytes) share a sha256 but no candidate:
never duplicates.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from screener.records import Profile

NEAR_IDENTICAL = 97.0  # rapidfuzz ratio on normalised text, 0..100
EDITED = 80.0  # the same ratio, for two files with the same name: one person's edited resume
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
    name: str = ""  # the name read from the header, as match text ("" when none was trusted)
    phone: str = ""  # the phone number's last ten digits

    def to_plain(self) -> list[object]:
        """JSON values for the cache (the path is not stored: the bytes are the key)."""
        return [self.sha256, self.email, self.block, self.text_hash, self.length,
                base64.b64encode(self.packed).decode("ascii"), self.name, self.phone]

    @classmethod
    def from_plain(cls, path: str, plain: list[object]) -> Fingerprint:
        sha256, email, block, text_hash, length, packed, name, phone = plain
        return cls(path=path, sha256=str(sha256), email=str(email), block=str(block),
                   text_hash=str(text_hash), length=int(length),  # type: ignore[call-overload]
                   packed=base64.b64decode(str(packed)), name=str(name), phone=str(phone))


def fingerprint(profile: Profile) -> Fingerprint:
    doc = profile.document
    usable = doc.status == "ok" and bool(doc.text)
    words = match_text(doc.text) if usable else ""
    lines = [line for line in words.split("\n") if line]
    flat = " ".join(lines)
    email = (profile.contact.email or "").strip().lower() if usable else ""
    name = match_text(profile.contact.name or "") if usable else ""
    digits = re.sub(r"\D", "", profile.contact.phone or "") if usable else ""
    return Fingerprint(
        path=doc.path,
        sha256=doc.sha256,
        email=email,
        block="\n".join(lines[:2]),
        text_hash=hashlib.sha256(flat.encode()).hexdigest() if flat else "",
        length=len(flat),
        packed=zlib.compress(flat.encode(), 1) if flat else b"",
        name=name if len(name.split()) >= 2 else "",  # one word is too common to pair on
        phone=digits[-10:] if len(digits) >= 7 else "",
    )


class _Groups:
    """Union-find over positions; the representative of a group is its first (path, position).
    Positions, not paths: one path given twice is two rows, and must be two nodes."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.parent = list(range(len(paths)))
        self.edges: dict[int, list[tuple[int, str]]] = defaultdict(list)  # why two were joined

    def find(self, i: int) -> int:
        root = i
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[i] = root
        return root

    def join(self, a: int, b: int, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, other = sorted((ra, rb), key=lambda i: (self.paths[i], i))
            self.parent[other] = first
            self.edges[a].append((b, why))
            self.edges[b].append((a, why))

    def why(self, i: int, kept: int) -> str:
        """The reason on the path of joins from `i` to `kept` nearest to `i`, naming the file
        it goes through when the two were not joined directly."""
        seen, todo = {i: (i, "")}, [i]
        while todo:
            node = todo.pop(0)
            for nxt, why in self.edges[node]:
                if nxt not in seen:
                    seen[nxt] = (node, why)
                    todo.append(nxt)
        node = kept
        while (step := seen[node])[0] != i:
            node = step[0]
        # `node` is the file `i` was joined with on the way to the kept one
        return step[1] if node == kept else f"{step[1]} with {self.paths[node]}"


class DuplicateFinder:
    def __init__(self) -> None:
        self.prints: list[Fingerprint] = []
        self.reasons: dict[int, str] = {}  # position of a duplicate: why (see kept_by_position)

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
        for key, why in _SAME:
            first: dict[object, int] = {}
            for i, fp in enumerate(self.prints):
                value = key(fp)
                if value and value != EMPTY_SHA256:
                    groups.join(first.setdefault(value, i), i, why)
        self._near_identical(groups, lambda fp: fp.block, NEAR_IDENTICAL, "near-identical text")
        self._near_identical(groups, lambda fp: fp.name, EDITED, "same name, edited text")
        out = {}
        self.reasons = {}
        for i in sorted(range(len(self.prints)), key=lambda i: (self.prints[i].path, i)):
            kept = groups.find(i)
            if kept != i:
                out[i] = self.prints[kept].path
                self.reasons[i] = groups.why(i, kept)
        return out

    def _near_identical(self, groups: _Groups, block_of: Callable[[Fingerprint], str],
                        cutoff: float, why: str) -> None:
        """Join files of one block whose texts are at least `cutoff` % alike."""
        from rapidfuzz import fuzz

        blocks: dict[str, list[int]] = defaultdict(list)
        for i, fp in enumerate(self.prints):
            if block_of(fp) and fp.length:
                blocks[block_of(fp)].append(i)
        for block in blocks.values():
            block.sort(key=lambda i: (self.prints[i].length, self.prints[i].path, i))
            texts = [zlib.decompress(self.prints[i].packed).decode() for i in block]
            for x, i in enumerate(block):
                a = self.prints[i]
                for y in range(x + 1, len(block)):
                    j = block[y]
                    b = self.prints[j]
                    # ratio = 2*matches/(len a + len b) cannot pass when lengths differ this much
                    if 200 * a.length / (a.length + b.length) < cutoff:
                        break
                    if groups.find(i) == groups.find(j):
                        continue
                    alike = fuzz.ratio(texts[x], texts[y], score_cutoff=cutoff)
                    if alike > cutoff or (alike == 100 and cutoff == 100):
                        groups.join(i, j, f"{why}, {int(alike)}% alike")


# Exact keys, strongest first: the first that pairs two files is the reason shown.
_SAME: tuple[tuple[Callable[[Fingerprint], object], str], ...] = (
    (lambda fp: fp.sha256, "same file contents"),
    (lambda fp: fp.email, "same e-mail"),
    (lambda fp: fp.text_hash, "same text"),
    (lambda fp: (fp.name, fp.phone) if fp.name and fp.phone else None, "same name and phone"),
)


def mark_duplicates(profiles: Iterable[Profile]) -> dict[str, str]:
    """{duplicate path: kept path} for the same file twice or the same candidate twice."""
    finder = DuplicateFinder()
    for profile in profiles:
        finder.add(profile)
    return finder.result()
