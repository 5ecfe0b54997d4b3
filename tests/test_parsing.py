"""Parsing the real seed pages and small real files written by the tests: no mocks."""

import re
from pathlib import Path

import pytest
from pypdf import PdfWriter

from rag.parsing import ParseError, merge_papers, parse_file, sniff_format
from rag.parsing.clean import is_debris_line
from rag.parsing.files import TITLE_FROM_NAME
from rag.parsing.institute import venue_from_intro
from rag.parsing.profile import META_LINE, is_meta_line
from rag.records import Author, Paper, SourceRef, normalize_title, paper_id_for
from pdf_objects import assemble, literal

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
INSTITUTE = next(SEEDS.glob("000_*.txt"))
PROFILE = next(SEEDS.glob("001_*.txt"))
TRENDING = next(SEEDS.glob("002_*.txt"))


@pytest.fixture(scope="module")
def institute():
    return parse_file(INSTITUTE, "seeds/institute.txt")


@pytest.fixture(scope="module")
def profile():
    return parse_file(PROFILE, "seeds/profile.txt")


@pytest.fixture(scope="module")
def trending():
    return parse_file(TRENDING, "seeds/trending.txt")


@pytest.fixture(scope="module")
def every_paper(institute, profile, trending):
    return institute + profile + trending


def by_title(papers, prefix):
    (paper,) = [p for p in papers if p.title.startswith(prefix)]
    return paper


def authors(paper):
    return [(a.name, a.affiliated) for a in paper.authors]


# --- the seed pages -------------------------------------------------------------------------


def test_counts_and_formats(institute, profile, trending):
    assert (len(institute), len(profile), len(trending)) == (16, 50, 83)
    assert {p.sources[0].format for p in institute} == {"institute"}
    assert {p.sources[0].format for p in profile} == {"profile"}
    assert {p.sources[0].format for p in trending} == {"trending"}


def test_source_refs_give_display_path_position_and_title_line(institute, profile, trending):
    assert [s.model_copy(update={"facts": None}) for s in institute[0].sources] == [SourceRef(
        path="seeds/institute.txt", format="institute", position=0, line=7, page_name="Amii at ICLR 2026")]
    assert institute[-1].sources[0].position == 15 and institute[-1].sources[0].line == 71
    assert by_title(profile, "Reincarnating").sources[0].model_copy(update={"facts": None}) == SourceRef(
        path="seeds/profile.txt", format="profile", position=1, line=20, page_name="Aaron Courville's profile"
    )
    assert trending[0].sources[0].line == 11 and trending[82].sources[0].line == 339
    assert parse_file(INSTITUTE)[0].sources[0].path == str(INSTITUTE)


def test_page_legend_sections_and_owner_are_data(institute, profile, trending):
    """What each page prints about itself: whose star it is, which section, whose profile, category names."""
    starred = {a.affiliation for p in institute for a in p.authors if a.affiliated}
    assert starred == {"Amii"}
    assert not any(a.affiliation for p in institute for a in p.authors if not a.affiliated)
    assert [p.section for p in institute].count("accepted") == 15 and institute[-1].section == "workshop"
    assert {p.profile_of for p in profile} == {"Aaron Courville"}
    assert by_title(profile, "Reincarnating").category_name == "Machine Learning"
    assert by_title(profile, "Learning and Controlling Silicon").category_name == "Mesoscale and Nanoscale Physics"
    assert trending[0].sources[0].page_name == "trending papers (Jun 26)"
    assert by_title(institute, "Learning Admissible Heuristics for A*").title.endswith("A*: Theory and Practice")


def test_each_page_prints_its_own_facts_once_for_every_entry(institute, profile, trending):
    """The page's header as data, shared by every paper on it: legend, headings (with lines), conference, owner."""
    facts = institute[0].sources[0].facts
    assert all(p.sources[0].facts == facts for p in institute)
    assert (facts.kind, facts.name, facts.institute) == ("institute", "Amii at ICLR 2026", "Amii")
    assert [(e.mark, e.means, e.printed.line) for e in facts.legend] == [("*", "Amii", 5)]
    assert [(h.text, h.line) for h in facts.headings] == [("Accepted Papers", 6), ("Workshop Papers", 70)]
    assert (facts.conference, facts.acronym, facts.edition, facts.year, facts.location) == (
        "International Conference on Learning Representations", "ICLR", 14, 2026, "Rio de Janeiro, Brazil")
    owner = profile[0].sources[0].facts
    assert (owner.kind, owner.owner, owner.name) == ("profile", "Aaron Courville", "Aaron Courville's profile")
    assert owner.stats == {"category": "LG", "h-index": "67", "papers": "210", "citations": "99,704",
                           "novelty": "51%", "ai score": "63"}
    listing = trending[0].sources[0].facts
    assert (listing.listed, listing.publisher) == ("Jun 26", "byAK and the research community")


def test_each_field_says_the_line_it_is_printed_on(institute, profile, trending):
    workshop = by_title(institute, "Aligning Visual Structural")
    lines = {name: (where.line, where.text) for name, where in workshop.printed.items()}
    assert lines["section"] == (70, "Workshop Papers") and lines["title"][0] == 71 and lines["authors"][0] == 72
    assert lines["affiliation"] == (5, "*- denotes Amii affiliation") and lines["venue"][0] == 1
    reincarnating = by_title(profile, "Reincarnating")
    assert reincarnating.printed["date"].text == "LGJun 3, 2022Code" and reincarnating.printed["date"].line == 19
    assert reincarnating.printed["organisation"].text.endswith("· deepmind")
    assert reincarnating.printed["page"].line == 1  # whose profile: the header's first line
    assert trending[0].printed["title"].line == 11
    # The profile entry's unlabelled score, printed before its category ('89.4LGJun 2Code').
    assert profile[0].listing_score == 89.4 and reincarnating.listing_score is None


def test_the_catalog_holds_each_pages_facts_by_name(institute, profile, trending):
    from rag.catalog import Catalog, where_printed

    catalog = Catalog.of(merge_papers(institute + profile + trending))
    assert set(catalog.page_facts) == {"Amii at ICLR 2026", "Aaron Courville's profile", "trending papers (Jun 26)"}
    assert catalog.page_facts["Aaron Courville's profile"].stats["h-index"] == "67"
    assert where_printed(by_title(institute, "Aligning Visual Structural"), "section") == (
        "Amii at ICLR 2026 (seeds/institute.txt, line 70: 'Workshop Papers')")


def test_starred_authors_carry_the_legends_institute_as_an_affiliation(institute):
    paper = by_title(institute, "Token Hidden Reward")
    assert [(a.name, a.affiliations, a.marks) for a in paper.authors[4:6]] == [
        ("Danica J. Sutherland", ["Amii"], ["*"]), ("Xiaoxiao Li", [], [])]


def test_affiliation_stars(institute):
    assert authors(by_title(institute, "Distributions as Actions")) == [
        ("Jiamin He", True),
        ("A. Rupam Mahmood", True),
        ("Martha White", True),
    ]
    assert authors(by_title(institute, "Regularized Latent Dynamics"))[-1] == ("Martha White", True)
    assert authors(by_title(institute, "Token Hidden Reward"))[4:6] == [
        ("Danica J. Sutherland", True),
        ("Xiaoxiao Li", False),
    ]


def test_star_typed_after_the_comma_marks_the_name_before_it(institute):
    paper = by_title(institute, "Efficient Reinforcement Learning by Guiding World Models")
    assert len(paper.authors) == 10
    assert authors(paper)[6:8] == [("Dieter Büchler", True), ("Arno Solin", False)]
    assert paper.flags == [
        "affiliation star typed after the comma in 'Dieter Büchler,*'; read as marking Dieter Büchler"
    ]


def test_venues_follow_the_section(institute):
    assert [p.venue for p in institute[:15]] == ["ICLR 2026 (accepted)"] * 15
    assert by_title(institute, "Aligning Visual Structural").venue == "ICLR 2026 (workshop)"


@pytest.mark.parametrize(
    ("copy", "original", "original_start"),
    [
        ("Learning Nonlinear Causal", "Efficient Reinforcement Learning by Guiding", "Leveraging offline data"),
        ("Nano3D", "Beyond Visual Reconstruction Quality", "Reconstruction techniques, such as 3D"),
        ("Aligning Visual Structural Compositionality", "Learning to Reason Efficiently", "Large reasoning models"),
    ],
)
def test_copied_abstracts_are_dropped_and_flagged(institute, copy, original, original_start):
    duplicate, first = by_title(institute, copy), by_title(institute, original)
    assert duplicate.abstract == ""
    assert duplicate.abstract_duplicate_of == first.paper_id
    assert f"abstract on the page is a copy of '{first.title}'; not used" in duplicate.flags
    assert original_start not in duplicate.model_dump_json()
    assert first.abstract.startswith(original_start) and first.abstract_duplicate_of is None


def test_only_the_three_copies_are_flagged(institute, profile, trending):
    copies = [p.title[:20] for p in institute + profile + trending if p.abstract_duplicate_of]
    assert copies == ["Learning Nonlinear C", "Nano3D: A Training-F", "Aligning Visual Stru"]


def test_copied_author_list_is_kept_but_flagged(institute, profile, trending):
    nano, first = by_title(institute, "Nano3D"), by_title(institute, "Beyond Visual Reconstruction")
    assert nano.authors == first.authors and len(nano.authors) == 7
    assert nano.authors_duplicate_of == first.paper_id
    assert f"author list on the page is identical to that of '{first.title}'; it may be copied" in nano.flags
    # Truncated lists like "Rishabh Agarwal, Max Schwarzer, Pablo Samuel Castro et al." repeat legitimately.
    assert [p.title for p in institute + profile + trending if p.authors_duplicate_of] == [nano.title]


def test_latex_is_cleaned(institute, every_paper):
    abstract = by_title(institute, "Learning Admissible Heuristics for A*").abstract
    assert "such as A*, where admissibility—the property" in abstract
    assert "introduce Cross-Entropy Admissibility (CEA), a loss" in abstract
    assert "a 102.8% relative improvement" in by_title(institute, "Efficient Reinforcement Learning").abstract
    for paper in every_paper:
        text = " ".join([paper.title, paper.abstract, *paper.author_names])
        assert "\\" not in text and not re.search(r"\$\S", text), paper.title


def test_no_page_debris_in_any_record(every_paper):
    for paper in every_paper:
        for text in [paper.title, paper.abstract, *paper.author_names]:
            for phrase in ["LINK TO PAPER", "Learn more about the researchers", "89.4", "Subscribe", "byAK"]:
                assert phrase not in text, (phrase, paper.title)
            assert not text.endswith("Code") and not is_debris_line(text or "x") and not is_meta_line(text)


def test_no_trending_navigation_or_listing_date(trending):
    assert trending[0].title == "A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning"
    assert trending[0].abstract.startswith("We propose a novel hierarchical Bayesian model for learning")
    assert all(p.date is None and p.authors == [] and p.abstract for p in trending)
    # The listing date names the page (sources[].page_name), never a paper's own fields.
    dump = " ".join(p.model_dump_json(exclude={"sources"}) for p in trending)
    for nav in ["Get trending papers", "research community", "Subscribe", "Jun 26"]:
        assert nav not in dump
    assert trending[-1].title == "Efficient Online Reinforcement Learning Fine-Tuning Need Not Retain Offline Data"


def test_profile_et_al_organisation_and_dates(profile):
    paper = by_title(profile, "Reincarnating Reinforcement Learning")
    assert paper.author_names == ["Rishabh Agarwal", "Max Schwarzer", "Pablo Samuel Castro"]
    assert (paper.authors_truncated, paper.organisation) == (True, "deepmind")
    assert (paper.date, paper.date_precision, paper.date_inferred, paper.category) == ("2022-06-03", "day", False, "LG")
    assert paper.abstract.startswith("Learning tabula rasa, that is without any prior knowledge")


def test_profile_dates_without_year_are_the_year_after_the_latest_printed(profile):
    paper = by_title(profile, "Local Guidance, Global Impact")
    assert (paper.date, paper.date_inferred, paper.organisation, paper.authors_truncated) == (
        "2026-06-02",
        True,
        None,
        True,
    )
    why = by_title(profile, "Why Open Source?")
    assert (why.date, why.category, why.authors_truncated) == ("2026-04-17", "GT", False)
    assert why.author_names == ["Andjela Mladenovic", "Aaron Courville", "Gauthier Gidel"]
    assert sum(p.date_inferred for p in profile) == 6


def test_reference_year_overrides_the_inference():
    papers = parse_file(PROFILE, reference_year=2030)
    assert by_title(papers, "Local Guidance").date == "2030-06-02"
    assert by_title(papers, "Reincarnating").date == "2022-06-03"


def test_profile_categories(profile):
    assert by_title(profile, "Learning and Controlling Silicon Dopant").category == "MES-HALL"
    assert by_title(profile, "Managing multiple agents").category == "MA"
    assert {p.category for p in profile} == {"AI", "CL", "CV", "GT", "LG", "MA", "MES-HALL", "SD"}
    assert by_title(profile, "Mixture-of-Recursions").organisation == "mit"


def test_profile_owner_is_not_a_paper_or_an_added_author(profile):
    assert "Aaron Courville" not in {p.title for p in profile}
    assert "Aaron Courville" not in by_title(profile, "Local Guidance").author_names
    assert by_title(profile, "Versatile Energy-Based").author_names == ["Taoli Cheng", "Aaron Courville"]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("89.4LGJun 2Code", ("89.4", "LG", "Jun", "2", None, "Code")),
        ("MES-HALLNov 21, 2023", (None, "MES-HALL", "Nov", "21", "2023", None)),
        ("MASep 3, 2024", (None, "MA", "Sep", "3", "2024", None)),
        ("84.8GTApr 17", ("84.8", "GT", "Apr", "17", None, None)),
    ],
)
def test_profile_meta_line_parts(line, parts):
    assert META_LINE.fullmatch(line).group("score", "category", "month", "day", "year", "code") == parts


@pytest.mark.parametrize(
    ("intro", "venue"),
    [
        ("The fourteenth annual International Conference on Learning Representations (ICLR) is underway", "ICLR 2026"),
        ("the 13th annual International Conference on Learning Representations (ICLR)", "ICLR 2025"),
        ("Since 1980 the International Conference on Machine Learning (ICML) ... at ICML 2025", "ICML 2025"),
        ("The annual International Conference on Machine Learning (ICML)", "ICML"),
        ("Our researchers at a conference", None),
    ],
)
def test_venue_from_intro(intro, venue):
    assert venue_from_intro(intro) == venue


# --- format sniffing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "name", "kind", "count"),
    [
        (INSTITUTE, "my notes.md", "institute", 16),
        (PROFILE, "a.txt", "profile", 50),
        (TRENDING, "b.markdown", "trending", 83),
    ],
)
def test_listing_pages_are_recognised_by_content_under_any_name(tmp_path, seed, name, kind, count):
    copy = tmp_path / name
    copy.write_text(seed.read_text())
    assert sniff_format(seed.read_text(), copy.suffix) == kind
    assert len(parse_file(copy)) == count


def test_plain_text_is_text():
    assert sniff_format("# My paper\n\nSome text.", ".md") == "text"
    assert sniff_format("", ".PDF") == "pdf"


# --- merging --------------------------------------------------------------------------------


def test_no_title_is_shared_by_two_seed_pages(institute, profile, trending):
    titles = [{normalize_title(p.title) for p in page} for page in (institute, profile, trending)]
    assert titles[0] & titles[1] == titles[0] & titles[2] == titles[1] & titles[2] == set()
    assert len(merge_papers(institute + profile + trending)) == 149


def test_merge_replaces_a_copied_abstract_with_another_pages_own(institute):
    nano = by_title(institute, "Nano3D")
    elsewhere = Paper(
        paper_id=paper_id_for("NANO3D: a training-free approach for efficient 3D editing without masks"),
        title="NANO3D: a training-free approach for efficient 3D editing without masks",
        abstract="3D object editing is essential for interactive content creation.",
        date="2025-10-16",
        date_precision="day",
        category="CV",
        sources=[SourceRef(path="trending2.txt", format="trending", position=4, line=9)],
    )
    (merged,) = merge_papers([nano, elsewhere])
    assert merged.title == nano.title and merged.paper_id == nano.paper_id
    assert merged.abstract == elsewhere.abstract and merged.abstract_duplicate_of is None
    assert (merged.venue, merged.category, merged.date) == ("ICLR 2026 (accepted)", "CV", "2025-10-16")
    assert merged.authors == nano.authors and merged.authors_duplicate_of == nano.authors_duplicate_of
    assert [s.path for s in merged.sources] == ["seeds/institute.txt", "trending2.txt"]
    assert merged.flags[-1] == "merged from 2 sources: seeds/institute.txt (institute), trending2.txt (trending)"


def test_merge_keeps_the_most_complete_metadata():
    listing = Paper(
        paper_id=paper_id_for("Deep RL at the Edge"),
        title="Deep RL at the Edge",
        authors=[Author(name="Rishabh Agarwal", affiliated=True), Author(name="Max Schwarzer")],
        authors_truncated=True,
        date="2021",
        date_precision="year",
        abstract="Short.",
        sources=[SourceRef(path="a.txt", format="profile", position=3)],
        flags=["note from a"],
    )
    page = Paper(
        paper_id=paper_id_for("Deep RL at the edge!"),
        title="Deep RL at the edge!",
        authors=[Author(name="Rishabh Agarwal"), Author(name="Max Schwarzer"), Author(name="Aaron Courville")],
        organisation="mila",
        date="2021-08-30",
        date_precision="day",
        abstract="A longer abstract of the same paper.",
        sources=[SourceRef(path="b.txt", format="institute", position=0)],
    )
    (merged,) = merge_papers([listing, page, listing])
    assert authors(merged) == [("Rishabh Agarwal", True), ("Max Schwarzer", False), ("Aaron Courville", False)]
    assert merged.authors_truncated is False
    assert (merged.date, merged.date_precision, merged.organisation) == ("2021-08-30", "day", "mila")
    assert merged.abstract == "A longer abstract of the same paper."
    assert merged.flags == ["note from a", "merged from 2 sources: a.txt (profile), b.txt (institute)"]
    # Merging again (a later ingest) keeps one up-to-date note, not a pile of them.
    assert merge_papers([merged, page])[0].flags == merged.flags


def test_merge_leaves_different_papers_alone(institute):
    assert merge_papers(institute) == institute


# --- a user's own files ---------------------------------------------------------------------


def pdf_bytes(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF, one text line per entry: '# ' lines in 17pt (a title), '## ' lines in bold
    (headings), the rest in 11pt Helvetica. Offsets are computed for the xref table."""

    def shown(line):
        if line.startswith("# "):
            return f"/F1 17 Tf {literal(line[2:])} Tj T* T* /F1 11 Tf"
        if line.startswith("## "):
            return f"T* /F2 11 Tf {literal(line[3:])} Tj T* /F1 11 Tf"
        return f"{literal(line)} Tj T*"

    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
    kids = []
    for lines in pages:
        content = "BT /F1 11 Tf 72 740 Td 14 TL " + " ".join(shown(line) for line in lines) + " ET"
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R"
            " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    info = ""
    if title is not None:
        objects.append(f"<< /Title {literal(title)} >>")
        info = f" /Info {len(objects)} 0 R"
    return assemble(objects, info)


PAPER_PAGES = [
    [
        "arXiv:2401.00001v1 [cs.LG] 2 Jan 2024",
        "# Sparse Attention for Tiny Language Models",
        "Jane Doe, John Roe",
        "jane@example.org",
        "## Abstract",
        "We study sparse attention in small models and find that it",
        "keeps accuracy while cutting memory by half.",
        "## 1 Introduction",
        "Attention is costly. The rein-",
        "forcement of old ideas helps.",
    ],
    ["## 2 Method", "We prune heads."],
]


def test_pdf_round_trip(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_bytes(PAPER_PAGES, title="Sparse Attention for Tiny Language Models"))
    (paper,) = parse_file(path, "library/paper.pdf")
    assert paper.title == "Sparse Attention for Tiny Language Models"
    assert paper.paper_id == paper_id_for(paper.title)
    assert paper.author_names == ["Jane Doe", "John Roe"]
    assert paper.abstract == (
        "We study sparse attention in small models and find that it keeps accuracy while cutting memory by half."
    )
    assert paper.body == ""
    assert [(b.kind, b.section, b.page, b.text) for b in paper.blocks] == [
        ("text", "1 Introduction", 1, "Attention is costly. The reinforcement of old ideas helps."),
        ("text", "2 Method", 2, "We prune heads."),
    ]
    assert (paper.arxiv_id, paper.url, paper.page_count) == ("2401.00001", "https://arxiv.org/abs/2401.00001", 2)
    assert (paper.date, paper.date_precision) == ("2024-01-02", "day")
    assert paper.sources == [SourceRef(path="library/paper.pdf", format="pdf", position=0, line=None)]
    assert paper.flags == []


def test_pdf_title_is_the_printed_one_not_a_bad_title_field(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_bytes(PAPER_PAGES, title="paper.dvi"))
    assert parse_file(path)[0].title == "Sparse Attention for Tiny Language Models"


def test_pdf_without_a_printed_title_uses_a_sensible_title_field_else_the_file_name(tmp_path):
    lines = ["Retrieval Notes For Later", "Sentence one about retrieval.", "Sentence two about evaluation."]
    (tmp_path / "notes.pdf").write_bytes(pdf_bytes([lines], title="Retrieval Notes: A Field Guide"))
    (paper,) = parse_file(tmp_path / "notes.pdf")
    assert paper.title == "Retrieval Notes: A Field Guide"
    (tmp_path / "my_notes.pdf").write_bytes(pdf_bytes([lines]))
    (paper,) = parse_file(tmp_path / "my_notes.pdf")
    # Never the first body line: the page sets nothing apart as a title.
    assert paper.title == "my notes"
    assert TITLE_FROM_NAME in paper.flags
    assert "no 'Abstract' heading; the opening text is used as abstract" in paper.flags
    assert paper.abstract.startswith("Retrieval Notes For Later Sentence one")


def assert_parse_error(path, *phrases, **kwargs):
    with pytest.raises(ParseError) as caught:
        parse_file(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    for phrase in phrases:
        assert phrase in message
    return message


def test_pdf_errors(tmp_path):
    good = pdf_bytes(PAPER_PAGES)
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 2])
    assert_parse_error(tmp_path / "truncated.pdf", "not a readable PDF")
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    assert_parse_error(tmp_path / "garbage.pdf", "not a readable PDF")
    (tmp_path / "text.pdf").write_text("plain text wearing a .pdf name")
    assert_parse_error(tmp_path / "text.pdf", "not a readable PDF")

    blank = PdfWriter()
    blank.add_blank_page(612, 792)
    blank.write(tmp_path / "scan.pdf")
    assert_parse_error(tmp_path / "scan.pdf", "no text layer")

    (tmp_path / "plain.pdf").write_bytes(good)
    locked = PdfWriter(clone_from=tmp_path / "plain.pdf")
    locked.encrypt("secret", algorithm="RC4-128")
    locked.write(tmp_path / "locked.pdf")
    assert_parse_error(tmp_path / "locked.pdf", "encrypted")


def test_pdf_with_only_an_owner_password_opens(tmp_path):
    (tmp_path / "plain.pdf").write_bytes(pdf_bytes(PAPER_PAGES))
    owner_only = PdfWriter(clone_from=tmp_path / "plain.pdf")
    owner_only.encrypt("", owner_password="owner", algorithm="RC4-128")
    owner_only.write(tmp_path / "owner.pdf")
    assert parse_file(tmp_path / "owner.pdf")[0].title == "Sparse Attention for Tiny Language Models"


def test_file_errors(tmp_path):
    assert_parse_error(tmp_path / "missing.txt", "no such file")
    (tmp_path / "empty.txt").write_text("")
    assert_parse_error(tmp_path / "empty.txt", "empty")
    (tmp_path / "blank.md").write_text("  \n\n\t \n")
    assert_parse_error(tmp_path / "blank.md", "empty")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04 zipped")
    assert_parse_error(tmp_path / "report.docx", "unsupported file type '.docx'", ".pdf")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 paper".encode("latin-1"))
    assert_parse_error(tmp_path / "latin.txt", "not UTF-8")
    (tmp_path / "big.txt").write_text("A title\n" + "x" * 2000)
    assert_parse_error(tmp_path / "big.txt", "over the 0.001 MB limit", max_bytes=1000)
    (tmp_path / "folder.md").mkdir()
    assert_parse_error(tmp_path / "folder.md", "not a regular file")


def test_markdown_with_title_heading_and_abstract_section(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(
        "---\n\n# Sparse Attention for \\emph{Tiny} Models\n\nJane Doe\n\n## Abstract\n\n"
        "We study sparse attention\nin small models.\n\n## Method\n\nWe prune\nheads.\n"
    )
    (paper,) = parse_file(path, "draft.md")
    assert paper.title == "Sparse Attention for Tiny Models"
    assert paper.abstract == "We study sparse attention in small models."
    assert paper.body == "## Method\n\nWe prune heads."
    assert paper.sources == [SourceRef(path="draft.md", format="text", position=0, line=3)]


def test_text_file_without_heading_or_abstract(tmp_path):
    path = tmp_path / "idea.txt"
    path.write_text("\n***\nA Note On Chunk Sizes\n\nSmaller chunks retrieve\nbetter.\n")
    (paper,) = parse_file(path)
    assert (paper.title, paper.abstract, paper.body) == ("A Note On Chunk Sizes", "", "Smaller chunks retrieve better.")
    assert paper.sources[0].line == 3


def test_text_file_starting_with_a_paragraph_takes_its_name_as_title(tmp_path):
    path = tmp_path / "long_thoughts.txt"
    path.write_text("word " * 100)
    (paper,) = parse_file(path)
    assert paper.title == "long thoughts"
    assert paper.flags == ["no title line found; the file name is used as title"]
    assert paper.body == ("word " * 100).strip()


def test_institute_papers_take_the_venue_year_as_an_inferred_date():
    from rag.parsing import parse_file
    from conftest import SEEDS
    papers = parse_file(SEEDS / "000_0ba56049ec9660b1.txt")
    assert {(p.date, p.date_precision, p.date_inferred) for p in papers} == {("2026", "year", True)}
