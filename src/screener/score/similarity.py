"""TF-IDF cosine between each resume and the posting, computed as resumes stream past.

The scorer uses it only to break near-ties. A batch's texts are never held at once: each text
is turned into hashed term counts when it arrives (`term_counts`: sorted bucket ids and counts,
a few KB, and cacheable), and the IDF weights, which need the whole batch, are applied at the
end. The result equals scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True)
fitted on the batch plus the posting, up to hash collisions among 2**20 buckets: the terms are
hashed as sklearn's HashingVectorizer hashes them (MurmurHash3, seed 0, of the UTF-8 bytes),
and the sums run in the same order as sklearn's and scipy's loops, so the floats are the same.

scikit-learn itself is not imported (it costs ~1.5 s at start-up, more than a warm re-screen of
a thousand resumes): its English stop-word list is kept as data (`_data/stop_words_en.txt`) and
the hash comes from the `murmurhash` package. tests/test_similarity.py checks both, and the
scores, against scikit-learn itself.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from screener.records import Posting

TOKEN = r"(?u)[^\W_][\w+#]*(?:\.[^\W_]+)*"  # keeps c++, c#, node.js whole
N_FEATURES = 2**20
_TOKEN = re.compile(TOKEN)
_BUCKETS: dict[str, int] = {}  # term -> bucket, per process: resumes share most of their words
_BUCKETS_MAX = 500_000

TermCounts = tuple[tuple[int, ...], tuple[int, ...]]  # (sorted bucket ids, counts)


def posting_text(posting: Posting) -> str:
    """The words a resume is compared with: title, description and requirement labels."""
    labels = " ".join(r.label for r in posting.requirements)
    return "\n".join(x for x in (posting.title, posting.description, labels) if x)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, kept as data (importing scikit-learn costs ~1.5 s)."""
    from pathlib import Path

    path = Path(__file__).parent.parent / "_data" / "stop_words_en.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _hash():
    from murmurhash.mrmr import hash as murmur  # MurmurHash3 x86 32-bit, seed 0, as sklearn's

    return murmur


def _bucket(term: str) -> int:
    h = _hash()(term)  # signed 32-bit, as sklearn's murmurhash3_bytes_s32
    if h == -(2**31):
        return (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES
    return abs(h) % N_FEATURES


def term_counts(text: str) -> TermCounts:
    """HashingVectorizer(lowercase, English stop words, TOKEN, no sign, no norm) of one text."""
    stop = _stop_words()
    buckets = _BUCKETS
    counts: Counter[int] = Counter()
    for term in _TOKEN.findall(text.lower()):
        if term in stop:
            continue
        b = buckets.get(term)
        if b is None:
            if len(buckets) >= _BUCKETS_MAX:
                buckets.clear()
            b = buckets[term] = _bucket(term)
        counts[b] += 1
    ids = sorted(counts)
    return tuple(ids), tuple(counts[i] for i in ids)


class SimilarityIndex:
    """Add resume texts (or their `term_counts`) one at a time; `scores()` gives each one's
    cosine to the posting. Holds 8 bytes per distinct term per resume, in flat arrays."""

    def __init__(self, posting: Posting) -> None:
        self._ids = array("i")
        self._counts = array("i")
        self._ends = array("q")
        self.add_counts(term_counts(posting_text(posting)))

    def add(self, text: str) -> None:
        self.add_counts(term_counts(text))

    def add_counts(self, counts: TermCounts) -> None:
        self._ids.extend(counts[0])
        self._counts.extend(counts[1])
        self._ends.append(len(self._ids))

    def scores(self, rows: int = 2048) -> list[float]:
        """Cosines in the order the texts were added, rounded to 6 places, within [0, 1].

        Worked out `rows` resumes at a time: the weighted values of a whole batch at once take
        ~60 bytes per distinct term per resume in temporaries (150 MB for 10,000 resumes). Each
        row's sums are its own, so the floats do not depend on `rows`.
        """
        import numpy as np

        n = len(self._ends)
        if n == 1:
            return []
        ids = np.frombuffer(self._ids, dtype=np.int32)
        counts = np.frombuffer(self._counts, dtype=np.int32)
        ends = np.frombuffer(self._ends, dtype=np.int64)
        df = np.bincount(ids, minlength=N_FEATURES)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0

        def weighted(first: int, stop: int):
            """Rows [first, stop): their bucket ids, L2-normalised weights, starts and ends."""
            lo = int(ends[first - 1]) if first else 0
            hi = int(ends[stop - 1])
            part = ids[lo:hi]
            data = (1.0 + np.log(counts[lo:hi].astype(np.float64))) * idf[part]
            row_ends = ends[first:stop] - lo
            row_starts = np.concatenate(([0], row_ends[:-1]))
            norms = _row_sums(data * data, row_starts, row_ends)
            # as sklearn's inplace_csr_row_normalize_l2: divide by sqrt of the in-order sum
            data /= np.repeat(np.where(norms == 0.0, 1.0, np.sqrt(norms)), row_ends - row_starts)
            return part, data, row_starts, row_ends

        posting = np.zeros(N_FEATURES)
        posting_ids, posting_data, _, _ = weighted(0, 1)
        posting[posting_ids] = posting_data
        out: list[float] = []
        for first in range(1, n, max(1, rows)):
            part, data, row_starts, row_ends = weighted(first, min(n, first + rows))
            # scipy's sparse product adds a row's terms one by one in bucket order
            cosines = _row_sums(data * posting[part], row_starts, row_ends)
            out.extend(round(min(1.0, max(0.0, c)), 6) for c in cosines.tolist())
        return out


def _row_sums(values, starts, ends, chunk: int = 256):
    """Per-row sums added strictly left to right (as sklearn's and scipy's C loops do, unlike
    numpy's pairwise sum), so the floats match theirs bit for bit: rows are padded with zeros
    into a block and summed with a cumulative sum along each row, a block at a time."""
    import numpy as np

    lengths = ends - starts
    out = np.zeros(len(starts))
    for first in range(0, len(starts), chunk):
        rows = slice(first, first + chunk)
        width = int(lengths[rows].max(initial=0))
        if width == 0:
            continue
        offsets = np.arange(width)
        mask = offsets < lengths[rows, None]
        block = np.zeros(mask.shape)
        block[mask] = values[(starts[rows, None] + offsets)[mask]]
        out[rows] = np.cumsum(block, axis=1)[:, -1]
    return out


def similarities(texts: Sequence[str], posting: Posting) -> list[float]:
    """TF-IDF cosine of each text to the posting, fitted on these texts plus the posting."""
    index = SimilarityIndex(posting)
    for text in texts:
        index.add(text)
    return index.scores()
