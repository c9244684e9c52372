"""The similarity tie-breaker equals scikit-learn's TF-IDF, without importing it at run time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from screener.api import parse_resume
from screener.records import Posting
from screener.score.similarity import (
    TOKEN,
    SimilarityIndex,
    _stop_words,
    posting_text,
    similarities,
)
from tests.conftest import AS_OF, EXAMPLES

POSTING = Posting(
    id="p", title="Back-End Developer", path="p.yaml", requirements=(),
    description="Python, Node.js and PHP on PostgreSQL; Docker, Kubernetes and AWS.",
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    docs = [parse_resume(p, as_of=AS_OF).document for p in sorted(EXAMPLES.iterdir())]
    return [d.text for d in docs if d.status == "ok"] + ["", "the and of"]


def test_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert _stop_words() == frozenset(ENGLISH_STOP_WORDS)


def test_scores_equal_scikit_learns_tfidf_cosine(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True,
                                 token_pattern=TOKEN)
    matrix = vectorizer.fit_transform([posting_text(POSTING), *texts])
    expected = [round(float(min(1.0, max(0.0, s))), 6)
                for s in (matrix[1:] @ matrix[0].T).toarray().ravel()]
    assert similarities(texts, POSTING) == expected
    assert max(expected) > 0.1  # the comparison is not between zeros


def test_streaming_counts_equal_whole_texts(texts):
    from screener.score.similarity import term_counts

    index = SimilarityIndex(POSTING)
    for text in texts:
        index.add_counts(term_counts(text))
    assert index.scores() == similarities(texts, POSTING)


def test_scikit_learn_is_not_imported_at_run_time(texts):
    code = ("import sys; from screener.score.similarity import similarities; "
            "from screener.records import Posting; "
            "p = Posting(id='p', title='t', path='p', requirements=(), description='python');"
            "similarities(['python developer'], p); print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_scores_do_not_depend_on_how_many_rows_are_worked_out_at_a_time(texts):
    index = SimilarityIndex(POSTING)
    for text in texts * 3:
        index.add(text)
    whole = index.scores(rows=len(texts) * 3)
    assert whole == similarities(texts * 3, POSTING)
    for rows in (1, 2, 5, 7):
        assert index.scores(rows=rows) == whole
