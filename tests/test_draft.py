"""Drafting postings from job ads: the seed ad and the example ads in examples/job_ads/.

The expected requirements below were written by reading each ad, before running the drafter.
Notation: "go|java" is a group where one is enough, "2:python|nodejs|php" needs two of them,
"machine-learning@3" asks for 3 years of the skill.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from screener.draft.posting import draft_posting
from screener.rubric.posting import parse_posting
from screener.rubric.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
ADS = ROOT / "examples" / "job_ads"
SEED = Path("/work/shared/seed/000_1c294173247c5d67.txt")
SEED_COPY = ADS / "backend_seed.txt"  # the seed ad, kept with the examples


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def spec(item: str, importance: str) -> tuple[str, frozenset[str], int, float | None]:
    years = None
    if "@" in item:
        item, y = item.split("@")
        years = float(y)
    count = 1
    if ":" in item:
        n, item = item.split(":")
        count = int(n)
    return importance, frozenset(item.split("|")), count, years


def expected(required: list[str], preferred: list[str]) -> set:
    return {spec(i, "required") for i in required} | {spec(i, "preferred") for i in preferred}


def drafted(posting) -> set:
    return {
        (r.importance, frozenset(r.skills), r.min_count, r.min_years)
        for r in posting.requirements
        if r.qualifier is None
    }


def qual(item: str) -> tuple:
    """ "preferred certification=cpa", "degree=bachelor in accounting|finance",
    "language=english@fluent", "!work_authorisation=us" (a knock-out): importance, kind, ids,
    subjects, level, knock-out."""
    importance = "required"
    if item.split(" ", 1)[0] in ("required", "preferred"):
        importance, item = item.split(" ", 1)
    knockout = item.startswith("!")
    kind, value = item.lstrip("!").split("=", 1)
    value, _, fields = value.partition(" in ")
    value, _, level = value.partition("@")
    return (
        importance,
        kind,
        tuple(value.split("|")),
        tuple(fields.split("|")) if fields else (),
        level,
        knockout,
    )


def quals(posting) -> set:
    return {
        (r.importance, q.kind, q.accepted, q.fields, q.level, r.knockout)
        for r in posting.requirements
        if (q := r.qualifier) is not None
    }


# ad file -> (required, preferred, experience min_years)
EXPECTED = {
    "backend_seed.txt": (
        ["2:python|nodejs|php", "postgresql", "docker", "kubernetes", "aws"],
        [],
        5,
    ),
    "backend_go.txt": (
        ["go|java", "postgresql", "kubernetes", "kafka"],
        ["terraform", "gcp", "redis"],
        6,
    ),
    "frontend.txt": (
        ["javascript", "typescript", "html", "css", "react"],
        ["vue|angular", "graphql"],
        3,
    ),
    "data_engineer.txt": (
        ["python", "sql", "spark", "kafka", "aws|gcp|azure"],
        ["hadoop", "scala"],
        4,
    ),
    "data_scientist.txt": (["python|r", "pandas", "machine-learning", "sql"], ["tableau"], 3),
    # "Minimum 5 years in DevOps": the years belong to the skill named in the same clause
    "devops.txt": (
        [
            "devops@5",
            "docker",
            "kubernetes",
            "terraform",
            "ansible",
            "ci-cd",
            "jenkins",
            "linux",
            "bash",
            "aws",
        ],
        ["python", "elasticsearch"],
        None,
    ),
    "mobile.txt": (["swift|kotlin", "rest-api", "json", "git"], ["graphql"], 4),
    "qa.txt": (
        ["unit-testing@2", "java|python", "sql", "jenkins", "git"],
        ["rest-api", "docker"],
        None,
    ),
    "it_support.txt": (["help-desk@2", "windows", "linux", "excel"], [], None),
    # "CPA preferred": the certification, no longer also the skill
    "accountant.txt": (["excel"], [], 5),
    # "Excellent communication and negotiation skills": the taxonomy knows communication only as
    # "communication skills"; the shared noun was read since issue 14 and this one added then
    "sales.txt": (["b2b-sales@2", "communication", "negotiation", "excel"], [], None),
    # "Food hygiene certificate" is the certification (its skill, food safety, is not asked)
    "chef.txt": (["food-preparation"], [], 3),
    "teacher.txt": ([], ["tutoring"], 2),
    "nurse.txt": ([], [], 1),
    "warehouse.txt": ([], [], None),
    # "Tableau dashboards": "dashboards" is the taxonomy's alias of data-visualization; this one
    # was missed when the expectation was first written and is added after the first run
    "project_manager.txt": (
        ["agile", "excel", "budgeting", "sql"],
        ["tableau", "data-visualization"],
        7,
    ),
    "fullstack_marketing.txt": (
        ["javascript|typescript", "react", "nodejs", "express", "postgresql|mysql"],
        [],
        3,
    ),
    "ml_engineer.txt": (
        ["java", "machine-learning@3", "spark", "docker", "kubernetes"],
        ["scala", "kafka", "elasticsearch"],
        5,
    ),
}


# ad file -> the qualifications it asks for (see `qual`), written by reading each ad
QUALIFICATIONS = {
    "accountant.txt": ["degree=bachelor in accounting|finance", "preferred certification=cpa"],
    "nurse.txt": ["certification=registered-nurse", "certification=bls"],
    "chef.txt": ["certification=food-hygiene"],
    "teacher.txt": ["degree=bachelor in mathematics", "certification=teaching-license"],
    "warehouse.txt": ["preferred certification=forklift-certified"],
    "project_manager.txt": ["location=Springfield"],
}


def load_draft(text: str, taxonomy, source: str):
    draft = draft_posting(text, taxonomy, source=source)
    data = yaml.safe_load(draft)
    if data["requirements"]:
        return draft, parse_posting(draft, taxonomy, source=source)
    return draft, None


def test_the_seed_copy_is_the_seed_ad():
    if SEED.exists():
        assert SEED_COPY.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_seed_ad_drafts_exactly_its_qualifications(taxonomy):
    draft, posting = load_draft(SEED_COPY.read_text(encoding="utf-8"), taxonomy, "seed.txt")
    assert drafted(posting) == expected(*EXPECTED["backend_seed.txt"][:2])
    assert posting.min_years == 5
    assert posting.title == "Back-End Developer"
    # each requirement's comment quotes its ad line
    assert (
        '# line 59: "Fluidity coding in multiple back-end languages such as Python, Node.js, and PHP"'
        in draft
    )
    assert '# line 60: "Sufficient background using PostgreSQL"' in draft
    assert '# line 57: "At least 5 years of back-end development experience"' in draft
    # the interview questions (microservices, REST, SQL, MySQL) and the article prose are not asked for
    for skill in ("microservices", "mysql", "java", "ruby", "sql", "oracle", "django", "rails"):
        assert not re.search(
            rf"\b{skill}\b", draft.split("requirements:")[1].split("experience:")[0]
        )


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n != "backend_seed.txt"))
def test_each_example_ad(name, taxonomy):
    required, preferred, years = EXPECTED[name]
    draft, posting = load_draft((ADS / name).read_text(encoding="utf-8"), taxonomy, name)
    assert posting is not None, draft
    assert drafted(posting) == expected(required, preferred)
    assert quals(posting) == {qual(q) for q in QUALIFICATIONS.get(name, [])}
    assert posting.min_years == years


def test_an_ad_asking_for_nothing_known_says_so(taxonomy):
    draft, posting = load_draft("Gardener\n\nRequirements\n- Love of plants\n", taxonomy, "x")
    assert posting is None and yaml.safe_load(draft)["requirements"] == []
    assert "no skill from the taxonomy was found" in draft


def test_there_are_at_least_15_example_ads():
    assert len(list(ADS.glob("*.txt"))) >= 15
    assert set(EXPECTED) == {p.name for p in ADS.glob("*.txt")}


def test_drafting_is_deterministic(taxonomy):
    text = (ADS / "devops.txt").read_text(encoding="utf-8")
    assert draft_posting(text, taxonomy, source="a") == draft_posting(text, taxonomy, source="a")


def test_line_wording_overrides_the_section(taxonomy):
    text = (
        "Platform engineer\n\nRequirements\n- Kubernetes\n- Experience with Terraform is a plus\n"
    )
    _, posting = load_draft(text, taxonomy, "x")
    assert drafted(posting) == expected(["kubernetes"], ["terraform"])


def test_years_are_read_in_words_ranges_and_plus(taxonomy):
    cases = {
        "five years of Python": 5,
        "3-5 years with Python": 3,
        "7+ years of Python": 7,
        "at least two years of Python": 2,
        "Python (4 yrs)": 4,
    }
    for line, years in cases.items():
        text = f"Developer\n\nRequirements\n- {line}\n"
        _, posting = load_draft(text, taxonomy, "x")
        assert [(r.skills, r.min_years) for r in posting.requirements] == [(("python",), years)], (
            line
        )


def test_alternatives_and_plain_lists(taxonomy):
    text = (
        "Developer\n\nRequirements\n"
        "- One of the following: Java, Kotlin, Scala\n"
        "- PostgreSQL and Redis\n"
        "- AWS/GCP\n"
        "- Experience with multiple languages, e.g. Python, Ruby, Go\n"
    )
    _, posting = load_draft(text, taxonomy, "x")
    assert drafted(posting) == expected(
        ["java|kotlin|scala", "postgresql", "redis", "aws|gcp", "2:python|ruby|go"], []
    )


def test_ad_without_headings_uses_requirement_wording(taxonomy):
    text = (
        "Analyst\n\nWe are a friendly team in Springfield.\n"
        "You must know SQL. Tableau would be a plus. Our office has a view of the park.\n"
    )
    _, posting = load_draft(text, taxonomy, "x")
    assert drafted(posting) == expected(["sql"], ["tableau"])


def test_draft_names_its_source_and_loads_with_the_right_title(taxonomy):
    draft, posting = load_draft(
        (ADS / "project_manager.txt").read_text(encoding="utf-8"),
        taxonomy,
        "examples/job_ads/project_manager.txt",
    )
    assert draft.startswith(
        "# Drafted by `screener posting draft` from examples/job_ads/project_manager.txt."
    )
    assert posting.title == "IT Project Manager"
    assert posting.description


# --------------------------------------------------------------------------- real-ad look-alikes
# Synthetic ads written to look like the real ones (issue 14.3): boards that drop line breaks,
# "DESIRED" lists, ranges of years, "one or more of the following", company boilerplate.


def ad_rubric(text: str, taxonomy) -> tuple[str, set, float | None]:
    draft, posting = load_draft(text, taxonomy, "x")
    return draft, (drafted(posting) if posting else set()), (posting.min_years if posting else None)


def test_a_flattened_ad_is_read_by_its_glued_headings(taxonomy):
    text = (
        "Data Platform Engineer\n\n"
        "Our client builds payroll software for small firms and has a great sales team."
        "Requirements:5+ years of professional software development experienceStrong Python "
        "programming skillsExperience with PostgreSQL and RedisPreferred Qualifications "
        "Experience with Terraform Kubernetes experience a plusBenefits:Health insurance, "
        "401k matching and a yearly bonus\n"
    )
    _, got, years = ad_rubric(text, taxonomy)
    assert got == expected(["python", "postgresql", "redis"], ["terraform", "kubernetes"])
    assert years == 5


def test_a_skill_glued_to_the_next_sentence_is_kept(taxonomy):
    text = "Cloud Engineer\n\nRequirements\n- Solid experience with AWSIf you know Terraform too, a plus\n"
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["aws"], ["terraform"])


def test_a_preference_cue_governs_the_skills_after_it_or_before_it(taxonomy):
    text = (
        "Engineer\n\nRequirements\n"
        "- Strong C++ skills, ideally for embedded Linux\n"
        "- Solid Python, preferably with Django or Flask\n"
        "- Kafka experience is a plus\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["cpp", "python"], ["linux", "django|flask", "kafka"])


def test_a_desired_list_before_a_bonus_list_is_the_main_list(taxonomy):
    main = "Engineer\n\nDesired Skills and Experience:\n- Go\n- Docker\n\nBonus Qualifications:\n- Rust\n"
    _, got, _ = ad_rubric(main, taxonomy)
    assert got == expected(["go", "docker"], ["rust"])
    after = "Engineer\n\nRequired:\n- Java\n\nDesired:\n- Kotlin\n"
    _, got, _ = ad_rubric(after, taxonomy)
    assert got == expected(["java"], ["kotlin"])


def test_years_from_a_range_in_a_flattened_ad_not_the_company_age(taxonomy):
    text = (
        "Developer\n\n"
        "About us: a consultancy in business 25+ years.Requirements:4-7 years of professional "
        "development experienceExperience with Java\n"
    )
    _, got, years = ad_rubric(text, taxonomy)
    assert got == expected(["java"], [])
    assert years == 4


def test_a_contract_length_is_no_minimum(taxonomy):
    text = "Java Developer\n\nLong-term contract, 2+ years, for a developer who must know Redis.\n"
    _, got, years = ad_rubric(text, taxonomy)
    assert got == expected(["redis"], [])
    assert years is None


def test_several_year_figures_give_the_skill_and_the_overall_minimum(taxonomy):
    text = "Developer\n\nRequirements\n- 6 years of Python, 9 years of overall IT experience\n"
    _, got, years = ad_rubric(text, taxonomy)
    assert got == expected(["python@6"], [])
    assert years == 9


def test_years_stated_only_in_the_title(taxonomy):
    text = "Senior Go Engineer (7+ yrs)\n\nRequirements\n- Go\n- gRPC\n"
    _, _, years = ad_rubric(text, taxonomy)
    assert years == 7


def test_one_or_more_of_the_following_is_one_group(taxonomy):
    text = (
        "Engineer\n\nMinimum qualifications:\n"
        "Experience with one or more of the following areas: distributed systems, Kafka, "
        "machine learning, natural language processing, or Kubernetes.\n"
        "Experience with two or more from the following: Linux, networking, Python, security.\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["kafka|machine-learning|nlp|kubernetes", "2:linux|python"], [])


def test_bracketed_examples_and_or_similar_are_groups(taxonomy):
    text = (
        "Engineer\n\nRequirements\n"
        "- Scripting experience (Bash, Perl, Ruby, etc.)\n"
        "- Configuration management with Ansible, Puppet, or similar tools\n"
        "- Web basics (i.e. HTML, CSS, JavaScript)\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["bash|perl|ruby", "ansible|puppet", "html", "css", "javascript"], [])


def test_an_or_list_with_other_items_between_its_skills(taxonomy):
    text = (
        "Partner Manager\n\nMinimum qualifications:\n"
        "5 years of experience in program management, partner development and/or channel sales.\n"
        "Experience with Excel, Tableau, Looker or related tools.\n"
        "Experience with Jira, HubSpot, Episerver or Sitecore.\n"
    )
    _, got, years = ad_rubric(text, taxonomy)
    # the last list's "or" joins two tools the taxonomy does not know: Jira and HubSpot stand
    assert got == expected(
        ["project-management|b2b-sales@5", "excel|tableau|looker", "jira", "hubspot"], []
    )


def test_a_slash_binds_a_pair_and_a_framework_with_its_language_is_a_stack(taxonomy):
    text = "Engineer\n\nRequirements\n- Java/Spring\n- Linux/Unix\n- Oracle, SQL / PL-SQL\n"
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["java", "spring", "linux|unix", "oracle", "sql|plsql"], [])


def test_boilerplate_sentences_and_questions_ask_for_nothing(taxonomy):
    text = (
        "Sales Operations Analyst\n\nRequirements:\n- Excel\n- SQL\n"
        "Our sales team closed a record year. Are you passionate about Salesforce? We offer a "
        "401k and excellent health benefits. Acme is an Equal Opportunity Employer and "
        "welcomes applicants who know Tableau.\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["excel", "sql"], [])


def test_comments_quote_the_sentence_not_the_paragraph(taxonomy):
    text = (
        "Android Developer\n\nRequirements: You will join a team of twelve engineers who ship "
        "every week and care about quality. You must know Kotlin well. We value open "
        "discussion in every review and a calm pace of work. Experience with Firebase is a "
        "plus, and so is a published app with real users and good reviews from them.\n"
    )
    draft, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["kotlin"], ["firebase"])
    assert '  # line 3: "You must know Kotlin well."\n  - skill: kotlin' in draft
    comments = " ".join(ln for ln in draft.split("\n") if ln.startswith("  #"))
    assert "Firebase is a plus" in comments
    assert "twelve engineers" not in comments and "calm pace" not in comments


def test_words_sharing_the_noun_skills(taxonomy):
    text = (
        "Manager\n\nRequirements\n- Excellent communication, negotiation and presentation skills\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["communication", "negotiation", "public-speaking"], [])


def test_a_must_sentence_outside_the_requirement_sections(taxonomy):
    text = (
        "Analyst\n\nThe successful candidate must be comfortable with Kanban.\n\n"
        "Requirements\n- SQL\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["kanban", "sql"], [])


def test_a_service_asks_for_itself_not_its_platform_and_one_word_is_one_skill(taxonomy):
    text = (
        "Engineer\n\nRequirements\n- Experience with DynamoDB or Cassandra\n- Node.JS and React\n"
    )
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["dynamodb|cassandra", "nodejs", "react"], [])


def test_a_skill_named_more_often_than_evidence_keeps(taxonomy):
    duties = "".join(f"- {verb} SQL\n" for verb in ("Write", "Review", "Tune", "Test", "Document"))
    text = f"Analyst\n\nResponsibilities\n{duties}- Teach SQL\n\nRequirements\n- T-SQL and SQL\n"
    _, got, _ = ad_rubric(text, taxonomy)
    assert got == expected(["tsql", "sql"], [])


# --------------------------------------------------------------------------- qualifications
# Synthetic look-alikes of what real ads ask beside skills (issue 14.2): degrees with subjects
# and "or equivalent experience", certifications, spoken languages, the job's place and the
# right to work. Every draft here also loads as a posting (`load_draft`).


def ad_quals(text: str, taxonomy) -> tuple[str, set, set]:
    draft, posting = load_draft(text, taxonomy, "x")
    assert posting is not None, draft
    return draft, quals(posting), drafted(posting)


def requirement(posting_text: str, taxonomy, kind: str):
    _, posting = load_draft(posting_text, taxonomy, "x")
    return next(r for r in posting.requirements if r.qualifier and r.qualifier.kind == kind)


def test_a_degree_with_its_subject_or_equivalent_experience(taxonomy):
    text = (
        "Platform Engineer\n\nRequirements\n"
        "- BS in Computer Science or equivalent experience\n- Python\n"
    )
    draft, got, skills = ad_quals(text, taxonomy)
    assert got == {qual("degree=bachelor in computer science")}
    assert skills == expected(["python"], [])
    degree = requirement(text, taxonomy, "degree")
    # no figure in the ad: the years a bachelor's stands for, said in a comment
    assert degree.qualifier.or_experience_years == 4
    assert "gives no figure: 4 years stand for a Bachelor's degree" in draft
    assert '# line 4: "BS in Computer Science or equivalent experience"' in draft


def test_a_degree_or_a_number_of_years(taxonomy):
    text = "Analyst\n\nRequirements\n- Bachelor's degree or 6 years of relevant experience\n"
    degree = requirement(text, taxonomy, "degree")
    assert degree.qualifier.accepted == ("bachelor",) and degree.qualifier.fields == ()
    assert degree.qualifier.or_experience_years == 6
    assert degree.importance == "required" and not degree.knockout


def test_the_lowest_degree_named_and_every_subject(taxonomy):
    text = (
        "Researcher\n\nMinimum qualifications:\n"
        "BS/MS in Physics, Applied Mathematics, or a related technical field.\n\n"
        "Preferred qualifications:\n"
        "MBA or Master's degree in Economics.\n"
        "PhD preferred.\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {
        qual("degree=bachelor in physics|applied mathematics"),
        qual("preferred degree=master in economics|business administration"),
        qual("preferred degree=doctorate"),
    }


def test_an_abbreviation_among_others_names_no_subject(taxonomy):
    text = "Counsel\n\nMinimum qualifications:\nBA/BS/JD or equivalent practical experience.\n"
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("degree=bachelor")}


def test_state_codes_and_software_are_no_degrees(taxonomy):
    text = (
        "Engineer\n\nRequirements\n- MS SQL and Excel\n- Based in Boston, MA\n"
        "- Advanced degree a plus\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("location=Boston"), qual("preferred degree=master")}


def test_an_internship_for_students_asks_no_degree(taxonomy):
    text = (
        "Marketing Intern\n\nMinimum qualifications:\n"
        "Currently enrolled in a Bachelor's degree program in Marketing.\n- Excel\n"
        "- Ability to write and speak English fluently\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("language=english@fluent")}


def test_initials_end_no_sentence_and_a_degree_line_needs_no_heading(taxonomy):
    text = (
        "Developer\n\nWe build tools for clinics.\n"
        "- B.S. Electrical Engineering or equivalent, plus 3 years with C++\n"
        "- Strong Rust skills\n"
    )
    _, got, skills = ad_quals(text, taxonomy)
    assert got == {qual("degree=bachelor in electrical engineering")}
    assert ("required", frozenset({"cpp"}), 1, 3.0) in skills


def test_an_education_heading_is_a_requirement_section(taxonomy):
    text = (
        "Firmware Engineer\n\nEDUCATION:\nBachelor's degree in Computer Engineering. Relevant "
        "experience may substitute for the degree.\n\nSkills:\n- C\n"
    )
    degree = requirement(text, taxonomy, "degree")
    assert degree.qualifier.fields == ("computer engineering",)
    assert degree.qualifier.or_experience_years == 4 and degree.importance == "required"


def test_a_certification_is_asked_for_not_the_skill_it_names(taxonomy):
    text = (
        "Cloud Architect\n\nRequirements\n- Terraform\n"
        "- AWS Certified Solutions Architect preferred\n- PMP or PRINCE2 certification\n"
    )
    _, got, skills = ad_quals(text, taxonomy)
    assert got == {
        qual("preferred certification=aws-certified"),
        qual("certification=pmp|prince2"),
    }
    assert skills == expected(["terraform"], [])  # no "aws" from the certification's name


def test_spoken_languages_with_their_levels(taxonomy):
    text = (
        "Support Agent\n\nRequirements\n- Fluent English and German\n"
        "- Spanish at a conversational level; French is a plus\n- Excel\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {
        qual("language=english@fluent"),
        qual("language=german@fluent"),
        qual("language=spanish@conversational"),
        qual("preferred language=french"),
    }


def test_a_programming_language_is_no_spoken_language(taxonomy):
    text = (
        "Engineer\n\nRequirements\n- Fluent in Go and Java; native Swift development\n"
        "- Native Polish speaker\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("language=polish@native")}


def test_must_be_authorised_and_no_sponsorship_are_knockouts(taxonomy):
    text = (
        "Data Engineer\n\nRequirements\n- SQL\n\nBenefits\n- Health plan\n"
        "Candidates must be authorized to work in the US; no sponsorship is offered.\n"
        "All hires will be asked to verify their eligibility to work in Canada.\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("!work_authorisation=us")}


def test_the_right_to_work_where_the_job_is(taxonomy):
    text = (
        "Developer\n\nRequirements\n- Java\n\nLocation: Leeds, UK\n"
        "We are unable to sponsor visas for this role.\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("!work_authorisation=uk"), qual("location=Leeds, UK")}


def test_a_glued_country_abbreviation_still_names_the_area(taxonomy):
    text = (
        "Developer\n\nRequirements: Java, 3+ years.Applicants must be legally authorized to work "
        "in the U.S.Send your resume to jobs at example dot com\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("!work_authorisation=us")}


def test_no_country_named_says_what_to_add(taxonomy):
    text = "Developer\n\nRequirements\n- Java\n\nNote: we cannot sponsor work visas.\n"
    draft, got, _ = ad_quals(text, taxonomy)
    assert got == set()
    assert "names no country: add `- work_authorisation: AREA`" in draft
    assert "with `knockout: true`" in draft


def test_a_remote_job_in_one_country(taxonomy):
    text = "Backend Engineer - Remote (US)\n\nRequirements\n- Go\n"
    location = requirement(text, taxonomy, "location")
    assert location.qualifier.accepted == ("United States",)
    # remote work is the job: candidates elsewhere who work remotely do not meet it
    assert not location.qualifier.remote and location.qualifier.relocation


def test_based_in_a_city_or_remote_within_a_country(taxonomy):
    text = (
        "Data Analyst\n\nYou will be based in Hamburg or anywhere in Germany, or remote.\n\n"
        "Requirements\n- SQL\n"
    )
    location = requirement(text, taxonomy, "location")
    assert location.qualifier.accepted == ("Hamburg", "Germany")
    assert location.qualifier.remote and location.qualifier.relocation


def test_where_the_job_is_in_a_flattened_ad(taxonomy):
    text = (
        "Java Developer (Local to TX)\n\n"
        "Java Developer needed in our Plano, TX office.Requirements:Java, Spring\n"
    )
    location = requirement(text, taxonomy, "location")
    assert location.qualifier.accepted == ("Texas", "Plano, TX")
    assert not location.qualifier.relocation  # local candidates only
    bare = "Embedded Developer\n\nEmbedded Developer: Salem, OR.\nRequirements:\n- C\n"
    assert requirement(bare, taxonomy, "location").qualifier.accepted == ("Salem, OR",)


def test_places_in_the_company_blurb_or_the_duties_are_no_location(taxonomy):
    text = (
        "Account Manager\n\nOur offices in Ohio and Texas serve clients nationwide.\n\n"
        "Responsibilities\n- Travel within EMEA, meet partners in Japan\n\n"
        "Requirements\n- Excel\n\nLocation: Dayton, OH\n"
    )
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("location=Dayton, OH")}


def test_a_degree_in_business_is_no_company_age(taxonomy):
    text = "Analyst\n\nRequirements\n- BA/BS degree in Business or Finance\n- Excel\n"
    _, got, _ = ad_quals(text, taxonomy)
    assert got == {qual("degree=bachelor in business|finance")}
