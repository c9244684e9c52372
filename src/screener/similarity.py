"""TF-IDF cosine between each resume and the posting, computed as resumes stream past.

The scorer uses it only to break near-ties. A batch's texts are never held at once: each text
is turned into a sparse vector of hashed term counts when it arrives (a few KB), and the IDF
weights, which need the whole batch, are applied at the end. The result equals scikit-learn's
TfidfVectorizer(sublinear_tf=True, smooth_idf=True) fitted on the batch plus the posting, up to
hash collisions among 2**20 buckets.
"""

from __future__ import annotations

from collections.abc import Sequence

from screener.records import Posting

TOKEN = r"(?u)[^\W_][\w+#]*(?:\.[^\W_]+)*"  # keeps c++, c#, node.js whole
N_FEATURES = 2**20


def posting_text(posting: Posting) -> str:
    """The words a resume is compared with: title, description and requirement labels."""
    labels = " ".join(r.label for r in posting.requirements)
    return "\n".join(x for x in (posting.title, posting.description, labels) if x)


class SimilarityIndex:
    """Add resume texts one at a time; `scores()` gives each one's cosine to the posting."""

    def __init__(self, posting: Posting) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self._vectorizer = HashingVectorizer(
            lowercase=True, stop_words="english", token_pattern=TOKEN, alternate_sign=False,
            norm=None, n_features=N_FEATURES,
        )
        self._rows = [self._counts(posting_text(posting))]

    def _counts(self, text: str):
        import numpy as np

        row = self._vectorizer.transform([text])
        row.data = row.data.astype(np.float32)
        row.indices = row.indices.astype(np.int32)
        return row

    def add(self, text: str) -> None:
        self._rows.append(self._counts(text))

    def scores(self) -> list[float]:
        """Cosines in the order the texts were added, rounded to 6 places, within [0, 1]."""
        import numpy as np
        from scipy import sparse
        from sklearn.preprocessing import normalize

        if len(self._rows) == 1:
            return []
        matrix = sparse.vstack(self._rows, format="csr", dtype=np.float64)
        matrix.data = 1.0 + np.log(matrix.data)  # sublinear tf
        df = np.bincount(matrix.indices, minlength=N_FEATURES)
        n = matrix.shape[0]
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        matrix = normalize(sparse.csr_matrix(matrix.multiply(idf)))
        cosines = (matrix[1:] @ matrix[0].T).toarray().ravel()
        return [round(float(min(1.0, max(0.0, s))), 6) for s in cosines]


def similarities(texts: Sequence[str], posting: Posting) -> list[float]:
    """TF-IDF cosine of each text to the posting, fitted on these texts plus the posting."""
    index = SimilarityIndex(posting)
    for text in texts:
        index.add(text)
    return index.scores()
