"""Data-integrity and validation tests for skills/taxonomy.yaml and screener.rubric.taxonomy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from screener.errors import ConfigError, TaxonomyError
from screener.rubric.taxonomy import CORE_IDS as CORE
from screener.rubric.taxonomy import check_taxonomy, default_path, load_taxonomy, skill_table


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


# --------------------------------------------------------------------------- bundled data


def test_bundled_taxonomy_is_valid():
    assert check_taxonomy() == []


def test_has_at_least_300_skills_and_every_core_id(tax):
    assert len(tax.skills) >= 300
    assert [c for c in CORE if c not in tax.skills] == []


def test_no_form_maps_to_two_skills(tax):
    owner: dict[str, str] = {}
    for skill in tax.skills.values():
        for form in skill.forms:
            key = " ".join(form.lower().split())
            assert owner.setdefault(key, skill.id) == skill.id, (form, owner[key], skill.id)


def test_every_referenced_id_and_category_exists(tax):
    categories = {s.category for s in tax.skills.values()}
    for skill in tax.skills.values():
        assert set(skill.implies) <= set(tax.skills), skill.id
        if skill.context:
            assert set(skill.context.near_categories) <= categories, skill.id
            forms = {f.lower() for f in skill.forms}
            assert set(skill.context.ambiguous) <= forms, skill.id


def test_products_imply_their_platforms(tax):
    assert set(tax.implied("eks")) >= {"aws", "kubernetes"}
    assert set(tax.implied("aks")) >= {"azure", "kubernetes"}
    assert set(tax.implied("gke")) >= {"gcp", "kubernetes"}
    for product in ("ec2", "s3", "aws-lambda", "rds"):
        assert "aws" in tax.implied(product)
    assert tax.implied("django") == ("python",)
    assert "javascript" in tax.implied("express")  # express -> nodejs -> javascript


def test_ordinary_words_carry_a_context_rule(tax):
    for sid in (
        "go",
        "r",
        "c",
        "swift",
        "rust",
        "spring",
        "express",
        "rails",
        "excel",
        "chef",
        "puppet",
        "oracle",
        "flask",
        "spark",
        "hive",
        "java",
        "ruby",
        "pandas",
        "make",
    ):
        assert tax.skills[sid].context is not None, sid
    assert tax.skills["go"].context.case == ("Go", "GO")


def test_version_is_a_short_content_hash(tmp_path, tax):
    assert len(tax.version) == 12
    copy = tmp_path / "t.yaml"
    copy.write_bytes(Path(tax.path).read_bytes() + b"\n# changed\n")
    assert load_taxonomy(copy).version != tax.version


def test_default_path_is_the_repo_file_in_development():
    assert default_path().name == "taxonomy.yaml"
    assert default_path().is_file()


def test_closest_suggests_ids(tax):
    assert tax.closest("postgres") == ["postgresql"]  # an alias resolves to its id
    assert "kubernetes" in tax.closest("kubernets")
    assert tax.resolve("Node.js") == "nodejs"
    assert tax.resolve("no such thing") is None


def test_skill_table_rows(tax):
    rows = skill_table(tax, category="language")
    assert rows and all(r["category"] == "language" for r in rows)
    go = next(r for r in rows if r["id"] == "go")
    assert "Golang" in go["aliases"] and go["ambiguous"] == "go"


def test_taxonomy_module_does_not_import_spacy():
    code = "import sys, screener.rubric.taxonomy as t; t.load_taxonomy(); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- validation errors


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _error(tmp_path: Path, body: str) -> str:
    path = _write(tmp_path, body)
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert str(path) in str(info.value)
    return str(info.value)


def test_alias_claimed_twice(tmp_path):
    msg = _error(
        tmp_path,
        """
skills:
- {id: nodejs, name: Node.js, category: framework, aliases: [Node]}
- {id: node-red, name: Node-RED, category: tool, aliases: [node]}
""",
    )
    assert msg.endswith(
        "skill 'node-red': alias 'node' is also claimed by 'nodejs' at line 4; "
        "remove it from one of them"
    )


def test_bad_slug_unknown_key_and_missing_name(tmp_path):
    path = _write(
        tmp_path,
        """
skills:
- {id: Node JS, name: Node.js, category: framework}
- {id: react, category: frontend, colour: blue}
""",
    )
    assert check_taxonomy(path) == [
        f"{path}: skills[0]: id 'Node JS' is not a lowercase slug at line 3; use lowercase "
        "letters, digits and single hyphens, e.g. 'sql-server'",
        f"{path}: skill 'react': unknown key 'colour' at line 4; allowed: aliases, category, "
        "context, explicit_for, id, implies, name",
        f"{path}: skill 'react': missing 'name' at line 4; add the display name, e.g. "
        "name: PostgreSQL",
    ]


def test_unknown_implies_suggests_a_fix(tmp_path):
    msg = _error(
        tmp_path,
        """
skills:
- {id: python, name: Python, category: language}
- {id: django, name: Django, category: framework, implies: [pyhton]}
""",
    )
    assert msg.endswith("skill 'django' implies unknown skill 'pyhton' at line 4; "
                        "did you mean 'python'?")


def test_implies_cycle(tmp_path):
    msg = _error(
        tmp_path,
        """
skills:
- {id: a, name: A, category: x, implies: [b]}
- {id: b, name: B, category: x, implies: [c]}
- {id: c, name: C, category: x, implies: [a]}
""",
    )
    assert msg.endswith("skill 'a': implies form a cycle (a -> b -> c -> a) at line 3; "
                        "remove one of those links")


def test_duplicate_id(tmp_path):
    msg = _error(
        tmp_path,
        """
skills:
- {id: go, name: Go, category: language}
- {id: go, name: Golang, category: language}
""",
    )
    assert msg.endswith("skill 'go' is defined twice at line 4; merge the two entries")


def test_bad_context_rules(tmp_path):
    path = _write(
        tmp_path,
        """
skills:
- id: go
  name: Go
  category: language
  context: {ambiguous: [golang], case: [GO], admit: ["developer"], reject: ["_ <date>"],
            near: -1, near_categories: [langauge], colour: red}
""",
    )
    problems = "\n".join(check_taxonomy(path))
    assert "ambiguous form 'golang' is not its name or an alias at line 6; add it" in problems
    assert "case form 'GO' is not one of its ambiguous forms at line 6;" in problems
    assert "admit pattern 'developer' must contain exactly one '_' standing for the mention " \
        "at line 6; write e.g. 'ms _' or '_ developer'" in problems
    assert "uses unknown <date> at line 6; use <version> or <year>" in problems
    assert "context 'near' must be a whole number >= 0 at line 7; write e.g. near: 1" in problems
    assert "unknown category 'langauge' at line 7; did you mean 'language'?" in problems
    assert "unknown context key 'colour' at line 7; allowed: admit," in problems


def test_yaml_syntax_error_names_the_line(tmp_path):
    msg = _error(tmp_path, "skills:\n- {id: go, name: Go\n- {id: r}\n")
    assert "not valid YAML at line" in msg


def test_missing_file_and_error_types(tmp_path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError, match="cannot read the taxonomy"):
        load_taxonomy(missing)
    with pytest.raises(ValueError):  # TaxonomyError is also a ValueError
        load_taxonomy(_write(tmp_path, "skills: []\n"))
    assert check_taxonomy(missing)[0].startswith(str(missing))


def test_many_problems_are_counted_in_the_raised_message(tmp_path):
    msg = _error(
        tmp_path,
        """
skills:
- {id: a, name: A, category: x, implies: [zz]}
- {id: b, name: B, category: x, implies: [yy]}
""",
    )
    assert msg == (f"{tmp_path / 'taxonomy.yaml'}: skill 'a' implies unknown skill 'zz' at line "
                   "3; add that skill or remove the link (and 1 more; run `screener taxonomy "
                   f"check {tmp_path / 'taxonomy.yaml'}`)")


def test_explicit_for_must_be_implied(tmp_path):
    msg = _error(
        tmp_path,
        """
skills:
- {id: aws, name: AWS, category: cloud}
- {id: kubernetes, name: Kubernetes, category: devops}
- {id: eks, name: Amazon EKS, category: cloud, implies: [aws], explicit_for: [aws, kubernetes]}
""",
    )
    assert "skill 'eks': explicit_for names 'kubernetes', which it does not imply" in msg


def test_explicit_for_loads(tmp_path, tax):
    path = _write(
        tmp_path,
        """
skills:
- {id: aws, name: AWS, category: cloud}
- {id: ec2, name: Amazon EC2, category: cloud, implies: [aws], explicit_for: [aws]}
""",
    )
    assert load_taxonomy(path).skills["ec2"].explicit_for == ("aws",)
    assert set(tax.skills["eks"].explicit_for) == {"aws", "kubernetes"}
    assert not check_taxonomy(path)
