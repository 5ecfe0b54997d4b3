"""What a question means about titles and names, however it is phrased: a title word said with any verb or place
('titles across the collection that feature X'), in any spelling ('multi agent', 'multiagent' and 'Multi-Agent' fold
together), restated after a dash; people by a part of their name ('whose surname is', 'a given name of'), counted or
listed, in lower case, behind initials. Every question here was made up for this file (none is from a dataset);
expected rows are read off the parsed titles and printed author names with plain Python, not through the planner.

Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re
import unicodedata

from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the five PDFs, parsed)
from rag.catalog import Catalog
from rag.catalog_query import run
from rag.plan_title_text import TitleText
from rag.planner import plan


def rows(question: str, catalog: Catalog, op: str | None = None) -> set[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert op is None or the_plan.op == op, (question, the_plan.op)
    return {p.title for p in run(the_plan, catalog.papers).rows}


def squeezed(title: str) -> str:
    """The title's letters only, case-folded: what 'in any spelling' compares."""
    return re.sub(r"[^a-z0-9]", "", title.casefold())


def plain(name: str) -> list[str]:
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()


# ---- titles: verbs, places, spellings, restatements

def test_a_title_word_with_a_place_between_titles_and_the_verb(catalog, papers):
    expected = {p.title for p in papers if re.search(r"\bagents?\b", p.title, re.I)}
    assert expected
    assert rows("count the titles across the whole collection that feature 'agent'", catalog, "count") == expected
    assert rows("titles anywhere in my library that include agent?", catalog) == expected


def test_any_spelling_folds_hyphens_spaces_and_joined_words(catalog, papers):
    expected = {p.title for p in papers if "multiagent" in squeezed(p.title)}
    assert any("Multi-agent" in t or "Multi-Agent" in t for t in expected)
    for question in ("which titles have multiagent in any spelling?",
                     "titles that say 'multi agent' (with or without a hyphen)",
                     "list the titles mentioning multi-agent, however it's spelled"):
        assert rows(question, catalog) == expected, question


def test_spelling_is_not_any_form(catalog, papers):
    # 'in any spelling' folds separators, not derived forms: 'pretraining' is not 'pretrained'
    test = TitleText.of(["pre-training"], joined=True)
    assert test("Pretraining Representations for Data-Efficient Reinforcement Learning")
    assert test("Pre-Training and Fine-Tuning Generative Flow Networks")
    assert not test("A Pretrained Model")
    assert TitleText.of(["generalization"], joined=True)("A Generalisation Point of View")


def test_terms_restated_after_a_dash_add_nothing(catalog, papers):
    expected = {p.title for p in papers if re.search(r"\bmemor(?:y|ies)\b", p.title, re.I)}
    assert expected
    assert rows("How many titles mention memory: 'Memory' or 'Memories' in the title?", catalog, "count") == expected


def test_the_compound_said_before_the_condition_names_the_set(catalog, papers):
    expected = {p.title for p in papers if "selfsupervised" in squeezed(p.title)}
    assert expected
    assert rows("the self-supervised papers, i.e. titles containing self-supervised in any spelling", catalog) == expected


def test_the_noun_said_as_a_noun(catalog, papers):
    expected = {p.title for p in papers if re.search(r"\bpolic(?:y|ies)\b", p.title, re.I)}
    assert rows("which titles use the noun 'policy'?", catalog) == expected


# ---- people by a part of their name

def given(paper_names, word: str) -> bool:
    return any(plain(n)[:1] == [word] or (len(plain(n)[0]) == 1 and plain(n)[1:2] == [word] and len(plain(n)) > 2)
               for n in paper_names)


def test_given_name_said_several_ways(catalog, papers):
    expected = {p.title for p in papers if given(p.author_names, "michael")}
    assert len(expected) >= 2
    for question in ("list papers that have an author with the given name Michael",
                     "any paper with a co-author whose first name is michael?",
                     "papers having an author with a forename of Michael"):
        assert rows(question, catalog) == expected, question
    assert len(rows("how many entries include someone whose first name is Michael?", catalog, "count")) == len(expected)


def test_a_given_name_behind_an_initial(catalog, papers):
    expected = {p.title for p in papers if given(p.author_names, "ross")}
    assert expected and any(any(plain(n)[0] == "j" for n in p.author_names) for p in papers if p.title in expected)
    assert rows("which papers have an author whose first name is Ross?", catalog) == expected


def test_a_first_name_is_not_a_middle_or_last_name(catalog, papers):
    # 'Michael Minyi Zhang': Michael is his first name, Minyi is not, Zhang is not
    assert plan("papers with an author whose first name is Minyi", catalog) is None  # no printed name opens with it
    surnamed = {p.title for p in papers if any(plain(n)[-1:] == ["zhang"] for n in p.author_names)}
    assert rows("which papers have an author whose last name is zhang?", catalog) == surnamed
    assert rows("papers with a co-author with surname Zhang", catalog) == surnamed


def test_a_printed_surname_counts_every_printed_name(catalog, papers):
    expected = {p.title for p in papers if any(plain(n)[-1:] == ["chen"] for n in p.author_names)}
    assert len(expected) >= 3
    # 'printed' asks for the names on the author line: the surname test reads them already (it found none before)
    assert rows("how many papers show a printed author whose family name is Chen?", catalog, "count") == expected
    cheng = {p.title for p in papers if any(plain(n)[-1:] == ["cheng"] for n in p.author_names)}
    assert cheng - expected  # a 'Cheng' is not a 'Chen'


# ---- author sets: marks counted, sizes said as a team, places denied on printed names, two people together

def institute_papers(papers):
    return [p for p in papers if any(s.format == "institute" for s in p.sources)]


def test_a_count_of_authors_without_the_mark(catalog, papers):
    legend = institute_papers(papers)
    unmarked = {p.title: sum(a.affiliation != "Amii" for a in p.authors) for p in legend if not p.authors_truncated}
    expected = {t for t, n in unmarked.items() if n == 3}
    assert expected
    assert rows("which papers list exactly three authors who lack the Amii star?", catalog) == expected
    assert rows("papers with 3 non-Amii names on them", catalog) == expected
    at_least = {t for t, n in unmarked.items() if n >= 5}
    assert rows("how many papers have at least five unstarred co-authors?", catalog, "count") == at_least


def test_a_count_of_marked_authors(catalog, papers):
    legend = institute_papers(papers)
    expected = {p.title for p in legend if not p.authors_truncated and sum(a.affiliation == "Amii" for a in p.authors) == 2}
    assert expected
    assert rows("which entries have exactly two Amii-affiliated authors?", catalog) == expected


def test_a_list_size_said_as_a_team_or_byline(catalog, papers):
    expected = {p.title for p in papers if p.authors and not p.authors_truncated and len(p.authors) == 4}
    assert expected
    assert rows("papers with a complete four-person author list", catalog) == expected
    assert rows("which papers have a 4-name byline?", catalog) == expected


def test_a_place_denied_on_the_printed_names(catalog, papers):
    owner = "Aaron Courville"
    printed3 = [p for p in papers if not p.authors_truncated and len(p.authors) == 3 and owner in p.author_names]
    expected = {p.title for p in printed3 if p.author_names[-1] != owner}
    assert expected and len(expected) < len(printed3)
    assert rows("which complete three-person author lists print Aaron Courville where he is not the last author?",
                catalog) == expected
    assert rows("profile entries with a full 3-name byline on which Courville isn't listed last", catalog) == expected


def test_two_people_together_among_the_printed_names(catalog, papers):
    a, b = "Dinghuai Zhang", "Aaron Courville"
    expected = {p.title for p in papers if a in p.author_names and b in p.author_names}
    assert expected
    assert rows(f"entries where {a} and {b} both appear among the names printed", catalog, "list") == expected


def test_the_smallest_team_among_one_persons_papers(catalog, papers):
    mine = [p for p in papers if "Linglong Kong" in p.author_names and not p.authors_truncated]
    fewest = min(len(p.authors) for p in mine)
    expected = {p.title for p in mine if len(p.authors) == fewest}
    assert rows("which of Linglong Kong's papers has the smallest author team?", catalog, "first") == expected


def test_title_length_in_characters_or_words(catalog, papers):
    by_chars = max(papers, key=lambda p: len(p.title))
    by_words = max(papers, key=lambda p: len(p.title.split()))
    the_plan = plan("which paper has the longest title in characters?", catalog)
    assert the_plan is not None and the_plan.key == "title_chars"
    assert {p.title for p in run(the_plan, catalog.papers).rows} == {by_chars.title}
    the_plan = plan("what is the longest paper title?", catalog)
    assert the_plan is not None and the_plan.key == "title_length"  # words, and the answer says so
    assert {p.title for p in run(the_plan, catalog.papers).rows} == {by_words.title}
    fewest = min(len(p.title.split()) for p in papers)
    assert rows("the entry with the fewest words in its title", catalog) == {p.title for p in papers
                                                                           if len(p.title.split()) == fewest}


def test_a_sort_by_unmarked_authors(catalog, papers):
    legend = [p for p in institute_papers(papers) if not p.authors_truncated]
    unmarked = {p.title: sum(a.affiliation != "Amii" for a in p.authors) for p in legend}
    most = max(unmarked.values())
    assert rows("which paper has the largest number of authors lacking the Amii star?", catalog, "last") == \
        {t for t, n in unmarked.items() if n == most}
    fewest = min(unmarked.values())
    assert rows("the entry with the fewest unstarred authors", catalog, "first") == \
        {t for t, n in unmarked.items() if n == fewest}


def test_a_place_without_the_mark(catalog, papers):
    legend = [p for p in institute_papers(papers) if p.authors]
    expected = {p.title for p in legend if p.authors[0].affiliation != "Amii" and not p.authors_truncated
                and p.authors[-1].affiliation == "Amii"}
    assert expected
    assert rows("which papers end with an Amii-starred author and have a lead author lacking the star?",
                catalog) == expected


def test_at_least_one_author_said_unmarked_by_a_verb(catalog, papers):
    legend = institute_papers(papers)
    expected = {p.title for p in legend if any(a.affiliation != "Amii" for a in p.authors)}
    assert rows("how many papers have at least one author who is not marked as Amii?", catalog, "count") == expected


def test_a_quoted_prefix_said_as_a_compound(catalog, papers):
    expected = {p.title for p in papers if re.search(r"(?i)\bmulti-", p.title) or
                re.search(r"(?i)\bmulti\b", p.title)}
    assert expected
    assert rows("titles that use a 'Multi-' compound (multi-agent, multi-task and the like)", catalog) == expected


def test_name_parts_ignore_accents_and_case(catalog, papers):
    accented = {p.title for p in papers if any(plain(n)[-1:] == ["buchler"] for n in p.author_names)}
    assert accented and any("ü" in n for p in papers if p.title in accented for n in p.author_names)
    assert rows("papers that have an author with the family name Buchler", catalog) == accented
    assert rows("how many papers have an author whose surname is büchler?", catalog, "count") == accented


def test_spelling_said_with_other_verbs(catalog, papers):
    expected = {p.title for p in papers if "selfsupervised" in squeezed(p.title)}
    assert rows("which titles spell self supervised, with a hyphen or without?", catalog) == expected
    assert rows("titles that write selfsupervised, hyphenated or not", catalog) == expected


def test_the_people_holding_a_name_part(catalog, papers):
    # 'which authors have the surname X': the people so named, not every co-author on their papers
    the_plan = plan("which researchers have the last name Zhang?", catalog)
    assert the_plan is not None and the_plan.op == "group"
    named = {n for p in papers for n in p.author_names if plain(n)[-1:] == ["zhang"]}
    assert len(named) >= 3
    assert {value for value, _ in run(the_plan, catalog.papers).groups} == named
    the_plan = plan("how many different authors have Yi as their first name?", catalog)
    assert the_plan is not None and the_plan.op == "group"
    assert {v for v, _ in run(the_plan, catalog.papers).groups} == \
        {n for p in papers for n in p.author_names if plain(n)[:1] == ["yi"]}
