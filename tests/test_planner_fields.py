"""The printed fields no earlier question set asked about, through one registry (rag/catalog_fields.py) and the
lookups of one paper: the profile's unlabelled score, the Code badge, equal-contribution marks, author lists cut
with 'et al.' or complete, the arXiv stamp; months across years; an author named before the question; a PDF's
organisations counted or excluded, its proceedings pages and its journal footer. Every question here was made up
for this file (none is from a dataset), each paired with what the parsed pages print; the negative probes are
content questions carrying the same words (test_planner.PROBES), which must stay with retrieval.

Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import parse_seed_pages
from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.parsing import merge_papers, parse_file
from rag.planner import plan

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"


@pytest.fixture(scope="module")
def papers():
    assert PAPERS.is_dir(), f"the shared PDFs are missing: {PAPERS}"  # fail, never skip
    found = parse_seed_pages()
    for path in sorted(PAPERS.glob("*.pdf")):
        found += parse_file(path)
    return merge_papers(found)


def rows(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


def text(question: str, papers) -> str:
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    return answer.answer


def titles(papers, test) -> list[str]:
    return sorted(p.title for p in papers if test(p))


def test_the_unlabelled_score_is_a_filter_a_sort_and_a_lookup(catalog, papers):
    scored = titles(papers, lambda p: p.listing_score is not None)
    assert len(scored) == 4  # '89.4LGJun 2', '91.4LGJun 4', '84.8…', '84.2LGApr 13' on Courville's profile
    assert rows("Which of Courville's entries carry a rating?", catalog) == scored
    assert rows("List the papers that show a score before the category.", catalog) == scored
    assert len(rows("Which papers have no score?", catalog)) == len(
        [p for p in papers if p.profile_of and p.listing_score is None])  # only a profile prints the slot
    best = max(papers, key=lambda p: p.listing_score or 0)
    assert rows("Which is the top-rated paper?", catalog) == [best.title]
    assert "91.4" in text("What is the best score on the profile?", papers)
    lowest = text("the two lowest-scoring papers", papers)
    assert "84.2" in lowest and "84.8" in lowest and "91.4" not in lowest
    second = sorted((p for p in papers if p.listing_score is not None), key=lambda p: -p.listing_score)[1]
    assert rows("Which paper has the second highest score?", catalog) == [second.title]  # not the highest again
    assert "84.2" in text("Which score does 'A Mechanistic Analysis of Looped Reasoning Language Models' show?", papers)


def test_the_code_badge_combines_with_years_tags_and_negation(catalog, papers):
    with_code = [p for p in papers if p.has_code]
    assert rows("Show me 2022 papers with released code.", catalog) == titles(
        with_code, lambda p: p.year == 2022 and p.date_precision != "year")
    assert rows("Which deepmind papers provide a code link?", catalog) == titles(
        with_code, lambda p: p.organisation == "deepmind")
    # Lacking a badge counts only the papers whose page has the slot: a PDF without a link says nothing.
    lacking = rows("Mila papers without a code repository?", catalog)
    assert lacking == titles(papers, lambda p: p.organisation == "mila" and p.has_code is False) and len(lacking) == 10
    assert text("Does 'Reincarnating Reinforcement Learning' have code?", papers).startswith("Yes")
    assert text("Is there code for 'The Primacy Bias in Deep Reinforcement Learning'?", papers).startswith("No")


def test_equal_contribution_and_cut_author_lists(catalog, papers):
    assert rows("Which papers have joint first authors?", catalog) == rows(
        "Which papers list authors as contributing equally?", catalog) == sorted(
        ["Dense Passage Retrieval for Open-Domain Question Answering",
         "SPECTER: Document-level Representation Learning using Citation-informed Transformers"])
    cut = rows("Which entries abbreviate the author list with et al.?", catalog)
    assert cut == titles(papers, lambda p: p.authors_truncated) and cut
    full = rows("Which of Courville's papers print the full list of authors?", catalog)
    assert full == titles(papers, lambda p: p.profile_of and p.authors and not p.authors_truncated)
    assert rows("Which profile entries do not cut the author list with et al.?", catalog) == full


def test_months_across_years_and_within_this_year(catalog, papers):
    june = titles(papers, lambda p: p.date and p.date_precision != "year" and p.date[5:7] == "06")
    assert rows("Any June papers, whatever the year?", catalog) == june and len(june) > 2
    assert rows("How many papers from June, regardless of year?", catalog) == june
    # 'this year' is the year of today (the profile omits it for its newest entries), read from the clock.
    import datetime
    year = datetime.date.today().year
    assert rows("What was posted after April this year?", catalog) == titles(
        papers, lambda p: p.date and p.date_precision != "year" and f"{year}-05" <= p.date[:7] <= f"{year}-12")


def test_an_author_named_before_the_question_and_printed_names(catalog, papers):
    assert rows("Lili Mou: how many of his papers do we have?", catalog) == rows("Papers by Lili Mou?", catalog)
    assert rows("Csaba Szepesvari - anything of his here?", catalog) == rows("Papers by Csaba Szepesvári?", catalog)
    printed = rows("Which profile entries actually show Aaron Courville's name?", catalog)
    assert printed == titles(papers, lambda p: "Aaron Courville" in p.author_names) and len(printed) == 13


def test_one_pdf_s_organisations_pages_and_category(papers):
    assert "5 organisations" in text("Across how many organisations are the LayoutParser authors spread?", papers)
    spread = text("Which universities are the SPECTER authors at?", papers)
    assert "University of Washington" in spread
    besides = text("Other than the Allen Institute for AI, which institution does SPECTER print?", papers)
    assert besides.split("(all printed")[0].count("Allen Institute") == 0 and "University of Washington" in besides
    assert "84–91" in text("What page range does the Literature Graph paper occupy in the proceedings?", papers)
    assert "cs.CL" in text("Which arXiv category is Dense Passage Retrieval in?", papers)
    assert "8 authors" in text("How many authors does Dense Passage Retrieval list?", papers)


def test_a_journal_footer_dates_a_pdf_and_names_its_journal(papers):
    backus = next(p for p in papers if "backus" in p.title.casefold())
    assert backus.date == "1978-08" and backus.venue == "Communications of the ACM"
    assert "a1977" in text("Which of my PDFs is the earliest?", papers).split(".")[0].casefold()


def test_pdfs_included_widens_and_a_publisher_names_proceedings(catalog, papers):
    assert rows("Which papers are in Computer Vision, PDFs included?", catalog) == titles(
        papers, lambda p: p.category == "CV")
    assert rows("How many NAACL or ACL papers?", catalog) == rows(
        "Which papers were published in Association for Computational Linguistics proceedings?", catalog)
    assert rows("Which ACL papers are there?", catalog) == [
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]


def test_two_fields_of_one_paper_asked_with_and(papers):
    answer = text("Which journal printed the Backus paper, and when?", papers)
    assert "Communications of the ACM" in answer and "August 1978" in answer
    held = text("When and where was 'Construction of the Literature Graph in Semantic Scholar' held?", papers)
    assert "New Orleans" in held and "June 2018" in held
    both = text("What category is SAFT in and when was it posted?", papers)
    assert "CV" in both and "2024" in both


def test_contracted_negation_initials_and_every_author(catalog, papers):
    assert rows("Which papers don't have code?", catalog) == titles(papers, lambda p: p.has_code is False)
    assert rows("Which entries list every author?", catalog) == titles(
        papers, lambda p: p.authors and not p.authors_truncated)
    assert rows("Which papers list every author from Amii?", catalog) == titles(
        papers, lambda p: p.authors and not p.authors_truncated and all(a.affiliation == "Amii" for a in p.authors))
    # A title's initials name it when no other paper, code or venue has them: 'DPR'.
    assert text("Does DPR mark any authors as equal contributors?", papers).startswith("Yes")
    assert "2004.04906" in text("What is the arXiv id of DPR?", papers)
    assert rows("Which papers have an arXiv id?", catalog) == titles(papers, lambda p: p.arxiv or p.arxiv_id)
    assert rows("How many papers have an Amii-affiliated last author?", catalog) == titles(
        papers, lambda p: p.authors and not p.authors_truncated and p.authors[-1].affiliation == "Amii")


def test_more_printed_fields_through_the_registry(catalog, papers):
    assert rows("Which papers print keywords?", catalog) == titles(papers, lambda p: p.keywords)
    assert "Layout Analysis" in text("What keywords does LayoutParser list?", papers)
    assert rows("Which of the PDFs give e-mail addresses?", catalog) == titles(papers, lambda p: p.emails)
    assert "github.com/facebookresearch/DPR" in text("What is the code URL of Dense Passage Retrieval?", papers)
    longest = max((p for p in papers if p.page_count), key=lambda p: p.page_count)
    assert rows("Which PDF has the most pages?", catalog) == [longest.title]
    assert rows("Which PDF has the fewest pages?", catalog) == titles(
        papers, lambda p: p.page_count == min(q.page_count for q in papers if q.page_count))


def test_a_page_s_own_facts_are_answered_as_printed(papers):
    """What a listing prints once: the conference's place and edition, the legend, the owner's figures, the list's
    date and publisher — asked in words made up here."""
    assert "Rio de Janeiro, Brazil" in text("In which city does ICLR 2026 take place?", papers)
    assert "14th edition" in text("What edition of ICLR is the Amii page about?", papers)
    legend = text("On the Amii page, what does the * stand for?", papers)
    assert "Amii affiliation" in legend and "line 5" in legend
    assert "99,704" in text("How many citations does Aaron Courville's profile show?", papers)
    assert "67" in text("What's Courville's h-index?", papers)
    assert "Jun 26" in text("When was the trending list compiled?", papers)
    # A question about papers stays one, even with the legend's words in it.
    assert text("Which papers carry the Amii mark?", papers).startswith("13 papers match (affiliation: Amii)")


PAGE_PROBES = ["What does the star mean in the SPECTER author list?", "Where is the memory stored in TokMem?",
               "How many citations does TokMem have?", "Who maintains the DPR code?",
               "When was the reward model updated?", "Where do GFlowNets take place in the pipeline?"]


@pytest.mark.parametrize("question", PAGE_PROBES)
def test_content_questions_are_not_page_facts(question, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is None or the_plan.op != "fact", question


def test_ranked_by_a_field_and_authors_in_a_place(catalog, papers):
    ranked = rows("Rank the papers by score.", catalog)
    assert sorted(ranked) == titles(papers, lambda p: p.listing_score is not None)
    the_plan = plan("Sort the scored papers by score, lowest first", catalog)
    ordered = run(the_plan, catalog.papers).rows
    assert [p.listing_score for p in ordered] == sorted(p.listing_score for p in ordered)
    assert rows("Papers posted between January and March this year?", catalog) == titles(
        papers, lambda p: p.date and p.date_precision == "day" and p.date_inferred and p.date[5:7] in ("01", "02", "03"))
    amii = [p for p in papers if any(s.format == "institute" for s in p.sources)]
    first_marked = rows("How many Amii papers have an Amii-affiliated first author?", catalog)
    first_not = rows("How many Amii papers have a non-Amii first author?", catalog)
    assert len(first_marked) + len(first_not) == len(amii) and not set(first_marked) & set(first_not)
    assert rows("On which papers is Aaron Courville the last author?", catalog) == titles(
        papers, lambda p: p.authors and not p.authors_truncated and p.authors[-1].name == "Aaron Courville")
    assert rows("How many papers print their complete author lists?", catalog) == titles(
        papers, lambda p: p.authors and not p.authors_truncated)


# --- Several fields of one paper in one question (rag/plan_fields.py), each question made up for this file --------

def lookup(question: str, catalog: Catalog) -> tuple[str, list[str]]:
    """(the paper's title, the fields asked in order) of the one-paper lookup the question is planned into."""
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "lookup" and the_plan.target is not None, question
    return the_plan.target.title, [the_plan.lookup or ""] + the_plan.also


TOKMEM = "TokMem: One-Token Procedural Memory for Large Language Models"
SAFT = "SAFT: Towards Out-of-Distribution Generalization in Fine-Tuning"


def test_fields_joined_by_and_commas_dashes_and_plus_are_each_read(catalog, papers):
    gafn = next(p for p in papers if p.title == "Generative Augmented Flow Networks")
    assert lookup("Generative Augmented Flow Networks: posting date + category + code badge?", catalog) == (
        gafn.title, ["date", "category", "code"])
    said = text("Generative Augmented Flow Networks: posting date + category + code badge?", papers)
    assert f"category: {gafn.category}" in said and "Code badge: " + ("yes" if gafn.has_code else "no") in said
    # A description before a dash names the paper; two places share one noun.
    assert lookup("One-token procedural memory paper — first and third authors?", catalog) == (
        TOKMEM, ["first_author", "author@2"])
    assert "first author: Zijun Wu; third author: Lili Mou" in text(
        "One-token procedural memory paper — first and third authors?", papers)
    assert lookup("quantile flows — when posted and which category?", catalog)[1] == ["date", "category"]
    assert lookup("SAFT: date? category? code?", catalog)[1] == ["date", "category", "code"]
    assert lookup("List the authors and category of Sparse Universal Transformer.", catalog)[1] == ["authors", "category"]
    assert lookup("SAFT: who's first, who's last?", catalog)[1] == ["first_author", "last_author"]
    assert lookup("For TokMem, give me the authors, the section and the venue.", catalog) == (
        TOKMEM, ["authors", "section", "venue"])


def test_places_in_the_author_list_beyond_first_and_last(catalog, papers):
    assert "middle author: Yongchang Hao" in text("Who are the middle authors of TokMem?", papers)
    assert "third author: Aaron Courville" in text("Third author of the cascaded video generation paper?", papers)
    assert "second author: Stefan Uhlich" in text("SAFT: who comes second, and when was it posted?", papers)
    # A list cut with 'et al.' prints its front only: a later place or the last one is said to be unprinted.
    assert "fifth author: not printed (the page prints 3 names, then 'et al.')" in text(
        "Who is the fifth author of SAFT?", papers)
    assert "last author: not printed" in text("SAFT: last author and category?", papers)


def test_a_yes_no_part_is_answered_from_its_field(catalog, papers):
    said = text("Does the Forgetting Transformer have code, and which lab tag does it carry?", papers)
    assert "organisation: mila" in said and "Code badge: yes" in said
    complete = text("Is the author list of SAFT complete, and who comes second?", papers)
    assert "author list: cut with 'et al.' after 3 names" in complete and "second author: Stefan Uhlich" in complete
    listed = text("who are the first two names on the SAFT entry, and is its list cut?", papers)
    assert "authors: Bac Nguyen, Stefan Uhlich, Fabien Cardinaux et al." in listed and "cut with 'et al.'" in listed
    # The legend's mark, for every author and for the one in the place asked.
    marks = text("Exponential-wrapped mechanisms: are its authors starred as Amii, and who is the last author?", papers)
    assert "Amii mark: some — 2 of 5 authors are marked (Linglong Kong, Bei Jiang)" in marks
    assert "last author: Bei Jiang (Amii-marked)" in marks
    # A value no field shows is checked, yes or no.
    assert "second author: Yongchang Hao; section: workshop? no" in text(
        "Is TokMem a workshop paper, and who is its second author?", papers)


def test_the_answer_is_one_cited_row_with_each_field(papers):
    question = "quantile flows — when posted and which category?"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and [c.title for c in answer.citations] == ["Distributional GFlowNets with Quantile Flows"]
    head, row = answer.sentences[0], answer.sentences[1]
    assert head.text.startswith("Taking 'quantile flows' to be Distributional GFlowNets with Quantile Flows.")
    assert "— date: " in head.text and "; category: LG (Machine Learning)." in head.text
    assert row.citations == [1] and row.text.endswith("[1]")


def test_one_field_a_part_reader_knows_and_descriptions_that_go_on(catalog):
    assert lookup("When did the HoME paper go up?", catalog)[1] == ["date"]
    title_, fields = lookup("Who wrote the long-term memory paper (the million-token benchmark)?", catalog)
    assert title_.startswith("Beyond a Million Tokens") and fields == ["authors"]
    # A superlative before a noun is the paper's own ('the most recent version'): the heading still names it.
    assert lookup("Quantile flows: what is the most recent version's date?", catalog)[0] == \
        "Distributional GFlowNets with Quantile Flows"
    # A description too thin for one paper asks which one is meant.
    which = plan("Memory paper: first author and date?", catalog)
    assert which is not None and which.op == "which" and TOKMEM in [p.title for p in which.candidates]


SEVERAL_PROBES = ["TokMem: who proposed the memory tokens and how are they trained?",
                  "SAFT — what datasets and which baselines?", "The graphene paper: what microscope and which dopant?",
                  "Offline RL: which papers are from 2023?", "What does TokMem propose, and who wrote it?",
                  "Riemannian Diffusion Models: what problem and which datasets?",
                  # Content words between a field's own words ('where … sit', 'is the list of … complete') are the
                  # question's, not frame: before, they were blanked and these read as author-order / list lookups.
                  "Forgetting Transformer: where do the forget gates sit?", "Where does the reranker place in SAFT?",
                  "Sparse Universal Transformer: is the list of tasks evaluated complete?",
                  "Is the listing for compared methods in TokMem complete?",
                  # 'where does it stand' with no author named and no author list said asks no place.
                  "Forgetting Transformer: where does it stand?",
                  # A closing superlative counts across a topic's papers: no one paper to ask about.
                  "Diffusion models: who has written the most?", "Graph networks — who appears most often?",
                  "Causal inference: which category has the least?"]


@pytest.mark.parametrize("question", SEVERAL_PROBES)
def test_content_parts_keep_the_question_with_retrieval(question, catalog):
    assert plan(question, catalog) is None, question


def test_a_claim_is_not_read_as_fields_asked(catalog):
    claim = plan("SAFT's first author is Bac Nguyen, posted in July 2024.", catalog)
    assert claim is not None and claim.op == "check" and claim.also == []


def test_a_named_author_s_place_is_answered_for_that_author(catalog, papers):
    # The person stays a condition of the lookup, and the one-line answer says their place, alone or beside a field.
    the_plan = plan("Where does Lili Mou stand in TokMem's author list?", catalog)
    assert the_plan is not None and the_plan.lookup == "author_position"
    assert [c.label for c in the_plan.conditions] == ["author: Lili Mou"]
    assert "place in the author list: Lili Mou: 3rd of 3." in text("Where does Lili Mou stand in TokMem's author list?", papers)
    both = text("TokMem — where does Yongchang Hao come in the byline, and what's its category?", papers)
    assert "place in the author list: Yongchang Hao: 2nd of 3; category: " in both and "1. Zijun Wu" not in both
    # All frame words ('where', 'come', 'order'): still the place, not a yes/no check that the person is an author.
    assert "place in the author list: Evgenii Nikishin: 2nd of 3 printed." in text(
        "Forgetting Transformer: where does Evgenii Nikishin come in the order?", papers)
    assert "Evgenii Nikishin: 2nd of 3 printed." in text("Where does Evgenii Nikishin come in the Forgetting Transformer order?",
                                                         papers)
    # No author named, the list said: the numbered order, ending once after 'et al.'.
    order = text("Forgetting Transformer: where does it stand in the author order?", papers)
    assert "— order: 1. Zhixuan Lin, 2. Evgenii Nikishin, 3. Xu Owen He et al.. " not in order
    assert "order: 1. Zhixuan Lin, 2. Evgenii Nikishin, 3. Xu Owen He et al." in order
