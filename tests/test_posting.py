"""Loading and validating postings: every mistake names the file, the line and the fix."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from screener.errors import ConfigError, PostingError
from screener.records import DEFAULT_CONTEXTS
from screener.rubric.posting import load_posting, parse_posting
from screener.rubric.postingspec import schema_text
from screener.rubric.taxonomy import SLUG, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
PIPELINES = sorted((ROOT / "pipelines").glob("*.yaml"))
SCHEMA = json.loads((ROOT / "schemas" / "posting.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def write(tmp_path: Path, text: str, name: str = "job.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str, taxonomy) -> str:
    path = write(tmp_path, text)
    with pytest.raises(PostingError) as info:
        load_posting(path, taxonomy)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message  # every message names the file
    return message


MINIMAL = """\
title: Data analyst
requirements:
  - skill: sql
"""


# --------------------------------------------------------------------------- what loads


def test_bundled_backend_posting_loads(taxonomy):
    posting = load_posting(ROOT / "pipelines" / "backend-developer.yaml", taxonomy)
    assert posting.id == "backend-developer"
    assert posting.title == "Back-End Developer"
    langs = next(r for r in posting.requirements if r.id == "backend-languages")
    assert langs.skills[:5] == ("python", "nodejs", "php", "java", "ruby")
    assert {"csharp", "go"} <= set(langs.skills)
    assert langs.min_count == 2 and langs.weight == 2.0
    required = {r.id for r in posting.requirements if r.importance == "required"}
    assert required == {"backend-languages", "postgresql", "docker", "kubernetes", "cloud"}
    # the ad asks for 5 years of back-end work, not 5 years since the first job
    assert posting.min_years is None and posting.min_relevant_years == 5
    assert "engineer" not in posting.relevant_titles
    assert "developer" in posting.relevant_titles
    assert posting.count_implied is False
    assert posting.weights.required == 60


@pytest.mark.parametrize("path", PIPELINES, ids=lambda p: p.name)
def test_every_bundled_posting_matches_the_schema_and_loads(path, taxonomy):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    posting = load_posting(path, taxonomy)
    assert posting.requirements


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_committed_schema_is_the_one_the_validator_tables_give():
    """schemas/posting.schema.json is written by `screener posting schema`; rerun it after
    changing screener.rubric.postingspec."""
    committed = (ROOT / "schemas" / "posting.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run `screener posting schema > schemas/posting.schema.json`"


def test_the_schema_skill_id_is_the_taxonomy_slug(taxonomy):
    pattern = re.compile(SCHEMA["$defs"]["skill_id"]["pattern"])
    assert pattern.pattern == SLUG.pattern
    assert all(pattern.match(skill_id) for skill_id in taxonomy.skills)


# Postings the validator and the schema must judge alike: (YAML, valid?).
AGREE = [
    (MINIMAL, True),
    ("title: x\ndescription:\nrequirements:\n  - skill: sql\n    knockout:\n    weight:\n"
     "    min_years:\n    label: ''\n", True),  # a key with no value is not given
    ("title: x\nrequirements:\n  - any_of: [python, php]\n    min: 2\n    id: langs.v2\n"
     "    importance: preferred\n    weight: 0.5\n    min_years: 60\n    knockout: true\n", True),
    (MINIMAL + "experience:\n  min_years: 3\n  min_relevant_years: 0\n  relevant_titles: [dev]\n"
     "  relevant_skills: []\n  knockout: false\n", True),
    (MINIMAL + "experience:\nscoring:\ncontexts:\n", True),
    (MINIMAL + "    id:\n", True),  # no id: made from the skill ids
    (MINIMAL + "scoring:\n  weights: {required: 0, years: 10}\n  count_implied: true\n", True),
    (MINIMAL + "contexts: {skills: 1, education: 0, backed_listing: 0.25}\n", True),
    ("title: x\nrequirments:\n  - skill: sql\n", False),
    ("requirements:\n  - skill: sql\n", False),
    ("title: '  '\nrequirements:\n  - skill: sql\n", False),
    ("title: 5\nrequirements:\n  - skill: sql\n", False),
    ("- title: x\n", False),
    ("title: x\n", False),
    ("title: x\nrequirements: []\n", False),
    ("title: x\nrequirements:\n", False),
    ("title: x\nrequirements: sql\n", False),
    ("title: x\nrequirements:\n  - sql\n", False),
    ("title: x\nrequirements:\n  - importance: required\n", False),
    (MINIMAL + "    any_of: [python]\n", False),
    (MINIMAL + "    min: 1\n", False),
    ("title: x\nrequirements:\n  - any_of: []\n", False),
    ("title: x\nrequirements:\n  - any_of: python\n", False),
    ("title: x\nrequirements:\n  - any_of: [python, python]\n", False),
    ("title: x\nrequirements:\n  - any_of: [python, php]\n    min: 0\n", False),
    ("title: x\nrequirements:\n  - any_of: [python, php]\n    min: two\n", False),
    ("title: x\nrequirements:\n  - any_of: [python, php]\n    min: true\n", False),
    ("title: x\nrequirements:\n  - skill: Postgres\n", False),
    (MINIMAL + "    importance: critical\n", False),
    (MINIMAL + "    importance:\n", False),
    (MINIMAL + "    min_years: -1\n", False),
    (MINIMAL + "    min_years: 61\n", False),
    (MINIMAL + "    min_years: five\n", False),
    (MINIMAL + "    weight: 0\n", False),
    (MINIMAL + "    knockout: maybe\n", False),
    (MINIMAL + "    id: Back End\n", False),
    (MINIMAL + "    label: 5\n", False),
    (MINIMAL + "experience: [a]\n", False),
    (MINIMAL + "experience:\n  min_yaers: 3\n", False),
    (MINIMAL + "experience:\n  relevant_titles: developer\n", False),
    (MINIMAL + "experience:\n  relevant_titles: ['  ']\n", False),
    (MINIMAL + "experience:\n  relevant_skills: [Python!]\n", False),
    (MINIMAL + "scoring:\n  weights: {required: -1}\n", False),
    (MINIMAL + "scoring:\n  weights: {skills: 10}\n", False),
    (MINIMAL + "scoring:\n  count_implied: sometimes\n", False),
    (MINIMAL + "contexts: {skills: 1.5}\n", False),
    (MINIMAL + "contexts:\n  education:\n", False),
    (MINIMAL + "contexts: {skils: 0.5}\n", False),
]
# What only the validator can see: the taxonomy, a group's size, two values at once, YAML keys.
VALIDATOR_ONLY = [
    "title: x\nrequirements:\n  - skill: postgress\n",
    "title: x\nrequirements:\n  - any_of: [python, php]\n    min: 3\n",
    MINIMAL + "  - skill: sql\n    importance: preferred\n",
    MINIMAL + "scoring:\n  weights: {required: 0, similarity: 0}\n",
    "title: x\ntitle: y\nrequirements:\n  - skill: sql\n",
]


def _validator_accepts(text: str, taxonomy) -> bool:
    try:
        parse_posting(text, taxonomy)
    except PostingError:
        return False
    return True


@pytest.mark.parametrize(("text", "valid"), AGREE, ids=range(len(AGREE)))
def test_the_validator_and_the_schema_agree(text, valid, taxonomy):
    schema_ok = jsonschema.Draft202012Validator(SCHEMA).is_valid(yaml.safe_load(text))
    assert (_validator_accepts(text, taxonomy), schema_ok) == (valid, valid)


@pytest.mark.parametrize("text", VALIDATOR_ONLY, ids=range(len(VALIDATOR_ONLY)))
def test_what_only_the_validator_can_check(text, taxonomy):
    assert jsonschema.Draft202012Validator(SCHEMA).is_valid(yaml.safe_load(text))
    assert not _validator_accepts(text, taxonomy)


def test_defaults_and_labels(tmp_path, taxonomy):
    posting = load_posting(
        write(
            tmp_path,
            MINIMAL
            + """\
  - any_of: [python, nodejs, php]
    min: 2
    importance: preferred
    min_years: 3
    weight: 2.5
""",
        ),
        taxonomy,
    )
    sql, langs = posting.requirements
    assert (sql.id, sql.importance, sql.weight, sql.min_count, sql.knockout) == (
        "sql",
        "required",
        1.0,
        1,
        False,
    )
    assert sql.label == taxonomy.skills["sql"].name
    assert langs.id == "python-nodejs-php"
    assert langs.label.startswith("2 of ")
    assert (langs.importance, langs.min_years, langs.weight) == ("preferred", 3.0, 2.5)
    assert posting.weights.similarity == 5 and posting.min_years is None
    assert posting.path == str(tmp_path / "job.yaml") and posting.id == "job"


def test_posting_error_is_a_value_error():
    assert issubclass(PostingError, ConfigError) and issubclass(PostingError, ValueError)


# --------------------------------------------------------------------------- each kind of mistake


def test_unknown_top_key_suggests_the_right_one(tmp_path, taxonomy):
    message = error_for(tmp_path, "title: x\n\nrequirments:\n  - skill: sql\n", taxonomy)
    assert message.endswith(
        "unknown key 'requirments' in the posting at line 3; did you mean 'requirements'?"
    )


def test_unknown_requirement_key(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "    min_yaers: 3\n", taxonomy)
    assert (
        "unknown key 'min_yaers' in requirement 1 at line 4; did you mean 'min_years'?" in message
    )


def test_unknown_skill_suggests_closest_ids(tmp_path, taxonomy):
    message = error_for(tmp_path, "title: x\nrequirements:\n  - skill: postgress\n", taxonomy)
    assert (
        "unknown skill 'postgress' in requirement 1 at line 3; did you mean 'postgresql'" in message
    )


def test_skill_written_by_its_alias_points_to_the_id(tmp_path, taxonomy):
    message = error_for(
        tmp_path, "title: x\nrequirements:\n  - any_of: [python, Node.js]\n", taxonomy
    )
    assert message.endswith(
        "unknown skill 'Node.js' in requirement 1 at line 3; did you mean 'nodejs'?"
    )


def test_unknown_skill_in_a_block_list_names_its_own_line(tmp_path, taxonomy):
    text = "title: x\nrequirements:\n  - any_of:\n      - python\n      - kubernets\n"
    message = error_for(tmp_path, text, taxonomy)
    assert (
        "unknown skill 'kubernets' in requirement 1 at line 5; did you mean 'kubernetes'" in message
    )


def test_negative_years(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "    min_years: -2\n", taxonomy)
    assert message.endswith(
        "'min_years: -2' in requirement 1 must be 0 or more at line 4; use a number 0 or more"
    )


def test_years_as_words_is_a_type_error(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "experience:\n  min_years: five\n", taxonomy)
    assert message.endswith(
        "'min_years' in 'experience' must be a number, not 'five' at line 5; write e.g. min_years: 5"
    )


def test_group_min_larger_than_the_group(tmp_path, taxonomy):
    text = "title: x\nrequirements:\n  - any_of: [python, php]\n    min: 3\n"
    message = error_for(tmp_path, text, taxonomy)
    assert message.endswith(
        "'min: 3' in requirement 1 is more than the 2 skills in the group at line 4; "
        "lower min to at most 2 or add skills"
    )


def test_min_on_a_single_skill(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "    min: 2\n", taxonomy)
    assert "'min' in requirement 1 only applies to 'any_of' groups at line 4" in message


def test_skill_and_group_together(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "    any_of: [python]\n", taxonomy)
    assert "requirement 1 needs exactly one of 'skill' or 'any_of' at line 3" in message


def test_weights_that_sum_to_zero(tmp_path, taxonomy):
    text = MINIMAL + "scoring:\n  weights: {required: 0, preferred: 10, years: 0, similarity: 0}\n"
    message = error_for(tmp_path, text, taxonomy)
    assert "add up to 0 at line 5; give at least one of them a weight above 0" in message


def test_zero_requirement_weight(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "    weight: 0\n", taxonomy)
    assert "'weight: 0' in requirement 1 must be more than 0 at line 4" in message


def test_wrong_types(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "    knockout: maybe\n", taxonomy)
    assert message.endswith(
        "'knockout' in requirement 1 must be true or false, not 'maybe' at line 4; "
        "write knockout: true or knockout: false"
    )
    message = error_for(tmp_path, MINIMAL + "    importance: critical\n", taxonomy)
    assert "must be required or preferred, not 'critical' at line 4" in message
    message = error_for(tmp_path, "title: x\nrequirements: sql\n", taxonomy)
    assert "'requirements' must be a list, not 'sql' at line 2" in message
    message = error_for(tmp_path, "title: x\nrequirements:\n  - sql\n", taxonomy)
    assert (
        "requirement 1 must be a mapping, not 'sql' at line 3; write '- skill: postgresql'"
        in message
    )


def test_empty_and_missing_requirements(tmp_path, taxonomy):
    message = error_for(tmp_path, "title: x\nrequirements: []\n", taxonomy)
    assert message.endswith(
        "'requirements' is empty at line 2; list at least one requirement, e.g. '- skill: python'"
    )
    message = error_for(tmp_path, "title: x\nrequirements:\n", taxonomy)
    assert "'requirements' is empty at line 2" in message
    message = error_for(tmp_path, "title: x\n", taxonomy)
    assert "missing 'requirements' at line 1" in message


def test_missing_title(tmp_path, taxonomy):
    message = error_for(tmp_path, "requirements:\n  - skill: sql\n", taxonomy)
    assert "missing 'title' in the posting at line 1; add 'title: ...'" in message


def test_duplicate_requirement_ids(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "  - skill: sql\n    importance: preferred\n", taxonomy)
    assert message.endswith(
        "duplicate requirement id 'sql' (also requirement 1) at line 4; "
        "merge them or give one a different 'id:'"
    )


def test_duplicate_yaml_keys(tmp_path, taxonomy):
    message = error_for(tmp_path, "title: x\ntitle: y\nrequirements:\n  - skill: sql\n", taxonomy)
    assert "duplicate key 'title' in the posting at line 2; keep only one of them" in message


def test_yaml_syntax_error_names_the_line(tmp_path, taxonomy):
    message = error_for(
        tmp_path, "title: x\nrequirements:\n  - skill: [sql\n  - skill: python\n", taxonomy
    )
    assert "YAML syntax error" in message and "check the indentation" in message
    assert " at line 4;" in message


def test_unknown_relevant_skill(tmp_path, taxonomy):
    message = error_for(tmp_path, MINIMAL + "experience:\n  relevant_skills: [pyhton]\n", taxonomy)
    assert (
        "unknown skill 'pyhton' in 'experience' relevant_skills at line 5; did you mean 'python'"
        in message
    )


def test_missing_file_names_the_path(tmp_path, taxonomy):
    with pytest.raises(PostingError, match=r"no such posting file; check the path"):
        load_posting(tmp_path / "nope.yaml", taxonomy)


def test_parse_posting_accepts_text(taxonomy):
    posting = parse_posting(MINIMAL, taxonomy, source="<draft>")
    assert posting.requirements[0].skills == ("sql",)


def test_loading_does_not_import_spacy_or_sklearn():
    code = (
        "import sys\n"
        "from screener.rubric.posting import load_posting\n"
        "from screener.rubric.taxonomy import load_taxonomy\n"
        f"load_posting({str(ROOT / 'pipelines' / 'backend-developer.yaml')!r}, load_taxonomy())\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'sklearn', 'scipy'))\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("body", [
    "requirements: " + "[" * 100_000 + "]" * 100_000 + "\n",  # flow style
    "requirements:\n" + "".join("  " * i + "- \n" for i in range(3000)),  # block style
])
def test_a_deeply_nested_posting_is_a_posting_error_not_an_internal_error(tmp_path, taxonomy,
                                                                           body):
    message = error_for(tmp_path, "title: x\n" + body, taxonomy)
    assert message.endswith("lists or mappings nested too deeply to read (a posting needs a "
                            "few levels); check it is a posting YAML")


# --------------------------------------------------------------------------- contexts


def test_contexts_default_and_override(tmp_path, taxonomy):
    plain = load_posting(write(tmp_path, MINIMAL), taxonomy)
    assert plain.contexts == DEFAULT_CONTEXTS
    assert (plain.contexts["position"], plain.contexts["skills"]) == (1.0, 0.5)
    assert plain.contexts["education"] == plain.contexts["interests"] == 0.0
    posting = load_posting(
        write(tmp_path, MINIMAL + "contexts:\n  skills: 1\n  education: 0.25\n"), taxonomy
    )
    assert posting.contexts == {**DEFAULT_CONTEXTS, "skills": 1.0, "education": 0.25}


def test_the_schema_and_the_loader_know_the_same_contexts():
    assert set(SCHEMA["properties"]["contexts"]["properties"]) == set(DEFAULT_CONTEXTS)
    for key, value in DEFAULT_CONTEXTS.items():
        assert SCHEMA["properties"]["contexts"]["properties"][key]["default"] == value, key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("contexts:\n  skils: 0.5\n", "unknown key 'skils' in 'contexts' at line 5; "
         "did you mean 'skills'?"),
        ("contexts:\n  skills: 1.5\n", "'skills: 1.5' in 'contexts' is more than 1 at line 5"),
        ("contexts:\n  summary: -1\n", "'summary: -1' in 'contexts' must be 0 or more at line 5"),
        ("contexts:\n  interests: high\n",
         "'interests' in 'contexts' must be a number, not 'high' at line 5"),
        ("contexts:\n  education:\n", "'education' in 'contexts' has no value at line 5"),
        ("contexts: [skills]\n", "'contexts' in the posting must be a mapping of keys"),
    ],
)
def test_a_bad_context_is_named_with_its_key(tmp_path, taxonomy, text, expected):
    assert expected in error_for(tmp_path, MINIMAL + text, taxonomy)
