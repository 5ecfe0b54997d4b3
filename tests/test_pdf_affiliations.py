"""Affiliations in layouts other than the five shared papers: marks after names tied to organisations under them,
organisations given only in footnotes, unmarked organisations, an address after the name, e-mails in braces.

The PDFs are written here run by run (a superscript is a smaller run raised with Ts), so each layout is exactly
what a typesetter produces and nothing depends on one real file.
"""

from __future__ import annotations

from rag.parsing import parse_file
from pdf_objects import assemble, literal

Run = tuple  # text, font size, rise[, x where the run starts]


def pdf_with_runs(lines: list[tuple[float, float, list[Run]]]) -> bytes:
    """One page; each line is (x, y, runs), runs set one after another at the line's baseline."""
    ops = []
    for x, y, runs in lines:
        ops.append(f"BT 1 0 0 1 {x} {y} Tm")
        for text, size, rise, *at in runs:
            if at:  # a run set at its own x, as a grid's second column is
                ops.append(f"1 0 0 1 {at[0]} {y} Tm")
            ops.append(f"/F1 {size} Tf {rise} Ts {literal(text)} Tj")
        ops.append("0 Ts ET")
    content = "\n".join(ops)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"]
    return assemble(objects)


def t(text: str) -> Run:
    return (text, 11.0, 0.0)


def sup(mark: str) -> Run:
    return (mark, 7.0, 4.5)


TITLE = (120.0, 720.0, [("Graph Priors for Sample-Efficient Exploration", 17.0, 0.0)])
BODY = [(72.0, 560.0 - 13 * i, [t(line)]) for i, line in enumerate([
    "Abstract", "We study exploration with graph priors and show that they help agents explore.",
    "1 Introduction", "Exploration is hard in sparse reward problems, and priors over graphs help a great deal.",
    "Our method builds the prior from earlier tasks and uses it to pick where to go next in the world."])]


def read(tmp_path, lines) -> object:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_with_runs([TITLE, *lines, *BODY]))
    return parse_file(path)[0]


def test_numbered_marks_tie_authors_to_the_organisations_under_them(tmp_path):
    paper = read(tmp_path, [
        (120.0, 690.0, [t("Jane Doe"), sup("1"), t(", John Roe"), sup("2,*"), t(", Ann Lee"), sup("1")]),
        (150.0, 672.0, [sup("1"), t("Department of Physics, Example University, Springfield, USA")]),
        (150.0, 658.0, [sup("2"), t("Acme Research Labs")]),
        (150.0, 644.0, [t("{jane,ann.lee}@example.edu")]),
        (72.0, 100.0, [("*", 6.0, 3.5), ("Corresponding author.", 9.0, 0.0)]),
    ])
    assert paper.author_names == ["Jane Doe", "John Roe", "Ann Lee"]
    orgs = {o.mark: o for o in paper.organisations}
    assert set(orgs) == {"1", "2"}
    # The address is printed (and cited) but is no part of the name.
    assert orgs["1"].name == "Department of Physics, Example University"
    assert orgs["1"].printed.text == "Department of Physics, Example University, Springfield, USA"
    assert orgs["1"].authors == ["Jane Doe", "Ann Lee"] and orgs["2"].authors == ["John Roe"]
    assert [a.marks for a in paper.authors] == [["1"], ["2", "*"], ["1"]]
    assert paper.authors[1].affiliations == ["Acme Research Labs"]
    assert paper.emails == ["jane@example.edu", "ann.lee@example.edu"]
    assert [(n.mark, n.means) for n in paper.notes] == [("*", "Corresponding author.")]


def test_organisations_printed_only_in_footnotes(tmp_path):
    paper = read(tmp_path, [
        (150.0, 690.0, [t("Jane Doe"), sup("1"), t(" and John Roe"), sup("2")]),
        (72.0, 110.0, [("1", 6.0, 3.5), ("Google Research, Zurich, Switzerland", 9.0, 0.0)]),
        (72.0, 100.0, [("2", 6.0, 3.5), ("Massachusetts Institute of Technology", 9.0, 0.0)]),
    ])
    assert paper.author_names == ["Jane Doe", "John Roe"]
    assert [(o.mark, o.name, o.authors) for o in paper.organisations] == [
        ("1", "Google Research", ["Jane Doe"]), ("2", "Massachusetts Institute of Technology", ["John Roe"])]


def test_one_unmarked_organisation_is_every_authors(tmp_path):
    paper = read(tmp_path, [
        (150.0, 690.0, [t("Jane Doe, John Roe")]),
        (150.0, 672.0, [t("University of Somewhere")]),
        (150.0, 658.0, [t("Springfield, USA")]),  # the address, on a line of its own
    ])
    (org,) = paper.organisations
    assert (org.name, org.mark, org.authors) == ("University of Somewhere", None, ["Jane Doe", "John Roe"])
    assert org.printed.text == "University of Somewhere, Springfield, USA"
    assert [a.affiliations for a in paper.authors] == [["University of Somewhere"]] * 2


def test_an_organisation_and_its_email_on_one_line(tmp_path):
    paper = read(tmp_path, [
        (150.0, 690.0, [t("Jane Doe"), sup("1"), t(", John Roe"), sup("2")]),
        (150.0, 672.0, [sup("1"), t("University of Somewhere, jane@somewhere.edu")]),
        (150.0, 658.0, [sup("2"), t("Acme Research, {john,team}@acme.com")]),
    ])
    assert [(o.mark, o.name, o.authors) for o in paper.organisations] == [
        ("1", "University of Somewhere", ["Jane Doe"]), ("2", "Acme Research", ["John Roe"])]
    assert paper.emails == ["jane@somewhere.edu", "john@acme.com", "team@acme.com"]


def test_a_page_without_affiliations_has_none(tmp_path):
    paper = read(tmp_path, [(150.0, 690.0, [t("Jane Doe, John Roe")]),
                            (150.0, 672.0, [t("Preprint. Under review.")])])
    assert paper.author_names == ["Jane Doe", "John Roe"]
    assert paper.organisations == [] and paper.emails == [] and paper.notes == []
    assert all(a.affiliations == [] and a.marks == [] for a in paper.authors)


def test_footnote_naming_several_organisations_and_the_venue(tmp_path):
    """ICML's layout: numbered names, one footnote line that explains every number, then the proceedings line."""
    paper = read(tmp_path, [
        (150.0, 690.0, [t("Jane Doe"), sup("1"), t(" John Roe"), sup("2"), t(" Ann Lee"), sup("1,2")]),
        (72.0, 120.0, [("1", 6.0, 3.5), ("Department of Computer Science, Stanford University, USA ", 9.0, 0.0),
                       ("2", 6.0, 3.5), ("Google Brain. Correspondence to: Jane Doe <jane@stanford.edu>.", 9.0, 0.0)]),
        (72.0, 100.0, [("Proceedings of the 37th International Conference on Machine Learning, Vienna, Austria, "
                        "PMLR 119, 2020.", 9.0, 0.0)]),
    ])
    assert [(o.mark, o.name, o.authors) for o in paper.organisations] == [
        ("1", "Department of Computer Science, Stanford University", ["Jane Doe", "Ann Lee"]),
        ("2", "Google Brain", ["John Roe", "Ann Lee"])]
    assert paper.venue == "Proceedings of the 37th International Conference on Machine Learning"
    assert paper.venue_line.place == "Vienna, Austria" and paper.venue_line.pages is None
    assert (paper.date, paper.date_precision) == ("2020", "year")


def test_organisations_in_columns_under_the_names(tmp_path):
    """IEEE's and NeurIPS' grid: each name with its organisation block under it (department, university, city),
    no affiliation marks; an equal-contribution star set against a name belongs to it, and names are never taken
    for organisations."""
    paper = read(tmp_path, [
        (100.0, 690.0, [t("Jane Doe"), sup("*"), ("Noam Roe", 11.0, 0.0, 300.0), sup("*")]),
        (100.0, 676.0, [t("Dept. of Physics"), ("Google Research", 11.0, 0.0, 300.0)]),
        (100.0, 662.0, [t("University of Somewhere"), ("Mountain View, CA", 11.0, 0.0, 300.0)]),
        (100.0, 648.0, [t("jane@somewhere.edu"), ("noam@google.com", 11.0, 0.0, 300.0)]),
    ])
    assert paper.author_names == ["Jane Doe", "Noam Roe"]
    assert [(o.mark, o.name, o.authors) for o in paper.organisations] == [
        (None, "Dept. of Physics, University of Somewhere", ["Jane Doe"]), (None, "Google Research", ["Noam Roe"])]
    assert paper.organisations[1].printed.text == "Google Research, Mountain View, CA"
    assert [a.marks for a in paper.authors] == [["*"], ["*"]]
    assert paper.emails == ["jane@somewhere.edu", "noam@google.com"]
