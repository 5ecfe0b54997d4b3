"""A question about the papers' metadata becomes a structured query over the catalog — or nothing.

Two tests decide, and both are about structure, not topics:
1. every value the question names is one the catalog holds (an author printed on a page, a
   category code or its arXiv name, a year, a tag, the legend's institute, a section, a page, a
   title) — these spans are taken out of the question;
2. what is left is only question frame: function words and the metadata relations themselves
   ("which papers", "how many", "written by", "posted in", "what category"). A single content word
   left over ("methods", "exploration", "results") means the question is about what papers say, and
   it goes to retrieval untouched: "latest methods for offline RL" is not a date sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rag import rx
from rag.catalog import Catalog
from rag.catalog_fields import asked as badge_asked, sort_field as badge_sort
from rag.catalog_spread import spread as spread_of
from rag.plan_aggregates import (archives, asks_what_in_common, both_sides, frame, is_paper, other_paper, people_count,
                                 says_in_common, spread, unheld_codes, usual_place)
from rag.plan_code_promise import code_promise
from rag.plan_compare import apposition, pair
from rag.plan_filler import MANNER, drop_fillers
from rag.plan_front_matter import front_matter_place
from rag.plan_copies import copied, copied_plan
from rag.plan_comparatives import comparative_end, meeting_dates, unread_comparative
from rag.plan_dates import current_year_gloss
from rag.plan_date_runs import in_run, run_said
from rag.plan_bare_order import page_order_meant, window_of
from rag.plan_beside import printed_by_names, shown_beside
from rag.plan_byline import clauses as byline_clauses
from rag.plan_byline_only import exact_marks
from rag.plan_mark_predicate import byline_parity, mark_predicates
from rag.plan_byline_people import people_placed
from rag.plan_byline_sets import byline_difference
from rag.plan_mark_symbols import mark_symbol
from rag.plan_org_counts import organisation_counts
from rag.plan_describe import description, restated, stated_of_paper, which
from rag.plan_elided_sort import elided_sort
from rag.plan_entry_step import entry_step
from rag.plan_entry_verbs import entry_verbs
from rag.plan_included_absent import included_absent
from rag.plan_joined import joined_or
from rag.plan_entry_asks import clause_fields, entry_asks, with_asked
from rag.plan_field_words import also as _also, lookup_field as _lookup_field, other_noun
from rag.plan_fields import several
from rag.plan_gaps import gap, set_gap
from rag.plan_hedges import unhedged
from rag.plan_named import aside, plus_joined
from rag.plan_none_said import none_said
from rag.plan_one_said import one_said
from rag.plan_line import person_acts
from rag.plan_list_places import end_said_again, plainly
from rag.plan_papers_placed import papers_placed
from rag.plan_mark_quantifiers import quantified_marks
from rag.plan_mark_gloss import concessive, mark_gloss, place_said_again
from rag.plan_marked_people import distinct_people
from rag.plan_marked import every_marked, marked_counts, marked_share, marked_sort, middle_only
from rag.plan_marks import (asks_printed, author_position, given_names, name_as_affiliated, positions, printed_only,
                            shared_surnames, surnames)
from rag.plan_orgs import non_academic
from rag.plan_org_address import address_said
from rag.plan_order import among, listing_order, order_said
from rag.plan_place_ranges import asked_of_entry, on_named_pages, place_range
from rag.plan_place_check import checked_at_place
from rag.plan_place_gloss import place_gloss
from rag.plan_place import entries_between, entry_beside, not_yes_no, pair_asked, place_asked, place_elsewhere
from rag.plan_headings import HeadingAsk, ask as heading_ask
from rag.plan_section_tree import ask as section_tree
from rag.plan_section_numbers import ending_asked
from rag.plan_page_half import page_half
from rag.plan_page_headings import ask as page_headings
from rag.plan_page_numbers import ask as page_number, range_checked
from rag.plan_citations import ask as citation_ask
from rag.plan_pages import PageFact, page_fact
from rag.plan_page_handles import handle_pages
from rag.plan_pdf_pages import page_ask
from rag.plan_pdf_sorts import document_noun, measure_apart, participles, pdf_sort
from rag.plan_printed_records import ask as printed_record
from rag.plan_publisher import publisher_said
from rag.plan_printed_object import printed_object
from rag.plan_position import counted, placed
from rag.plan_pooled import pooling
from rag.plan_acts import acted_on
from rag.plan_compound import content_asked
from rag.plan_object_content import object_content
from rag.plan_relations import day_offset, days_from, relation, same_day
from rag.plan_selected import one_selected, shifted
from rag.plan_shorthand import spelled_out
from rag.plan_sections import batch, boundary, followed_by
from rag.plan_separator_place import separator_beside
from rag.plan_scope import group_by, merge, scoped, share_scope, sort_by_authors, top, widen
from rag.plan_slots import slot_verbs
from rag.plan_spelled_name import spelled_name, uncoined
from rag.plan_terms import Condition, Question, solo
from rag.plan_titles import title_wording, title_words
from rag.plan_title_clarify import bracketed_place, clarified
from rag.plan_title_exclusions import excluded_forms, without_forms
from rag.plan_title_order import ordered_topic
from rag.plan_title_prefix import word_starts
from rag.plan_scope_said import looking_at
from rag.plan_claimed_count import claimed_count
from rag.plan_title_topics import asks_of_titles, titled
from rag.plan_link_gloss import link_kinds_glossed
from rag.plan_link_literal import link_asides, link_asked_of_it
from rag.plan_links import asked_link, link_contents, linked
from rag.plan_presence import presence
from rag.plan_printed_values import printed_as_said
from rag.plan_values import code_words, conditions as named_conditions, title
from rag.plan_unread_bound import unread_bound
from rag.plan_unread_negation import unread_negation
from rag.plan_whole_library import whole_library
from rag.plan_window import window
from rag.records import Paper

if TYPE_CHECKING:
    from rag.plan_verbs import VerbJudge

Op = Literal["list", "count", "lookup", "check", "first", "last", "group", "which", "fact", "mean", "median",
             "positions", "common", "gap", "range", "ratio", "headings", "person"]


@dataclass
class Plan:
    op: Op
    conditions: list[Condition] = field(default_factory=list)
    lookup: str | None = None  # the field asked for: authors, date, category, organisation, section, venue, ...
    target: Paper | None = None  # the paper a lookup names
    full_date: bool = False  # sort only over dates printed to the day
    key: str = "date"  # what first/last sort by: 'date', 'authors' (the author list's length) or a registry field
    group: str | None = None  # for op 'group': the field papers are counted by (author, category, year, ...)
    pick: str = "all"  # for op 'group': 'most', 'fewest' or 'all' groups
    limit: int | None = None  # for a sort: 'the three most recent papers'
    nth: int | None = None  # for a sort: 'the second oldest paper'
    candidates: list[Paper] = field(default_factory=list)  # for op 'which': the papers a description may mean
    described: str = ""  # the words a paper was named by, when not by its title
    also: list[str] = field(default_factory=list)  # for a lookup: more fields asked with 'and' ('when, and in which journal')
    share: bool = False  # for op 'count': 'what fraction / percentage of the papers ...' — said out of the total
    fact: PageFact | None = None  # for op 'fact': what a page prints once ('where is ICLR 2026 held')
    scope: list[Condition] = field(default_factory=list)  # for a share: 'of Courville's papers', the denominator
    exclude: list[str] = field(default_factory=list)  # for op 'group': values left out ('apart from Courville')
    printed: bool = False  # authors as printed only: a profile's owner cut by 'et al.' is not counted
    sides: list[list[Condition]] = field(default_factory=list)  # for op 'common': the two sides people are on
    headings: HeadingAsk | None = None  # for op 'headings': a PDF's printed headings asked (rag/plan_headings.py)

    def describe(self) -> str:
        parts = [c.label for c in self.conditions]
        if self.target is not None:
            parts.insert(0, f"paper: {self.target.title}")
        return "; ".join(parts) or "all papers"


# The parts of an organisation's address a PDF prints after its name ('Northwestern University, Evanston IL 60208').
_ADDRESS = r"\b(?:address(?:es)?|city|cities|town|state|province|country|zip(?:\s+codes?)?|post(?:al)?\s*codes?|street)\b"
_SHARE = re.compile(r"\bfraction\b|\bpercent(?:age)?\b|\bproportion\b|\bwhat\s+(?:part|share)\b|\bratio\b")
_COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\bcount\b|\btotal\b|" + _SHARE.pattern)


def plan(question: str, catalog: Catalog, judge: VerbJudge | None = None) -> Plan | None:
    """A Plan when the question is about the papers' metadata and names only values the catalog holds. With a
    `judge`, a verb no frame list holds is read when it means making the papers ('what has X worked on?')."""
    # 'not a single X': no X (rag/plan_none_said.py); 'three authors with X as the last one': last author (plan_one_said);
    # 'whats 40th', 'pls', 'iirc', 'the very last': chat shorthand, hedges and stress said for nothing
    question = one_said(none_said(unhedged(spelled_out(plainly(question)))))
    if asks_of_titles(question, catalog.printed_titles):  # 'what do the GFlowNet titles have in common': content
        return None
    if asks_what_in_common(question) or object_content(question, catalog):  # 'the top ten on the trending page: what
        return None  # do they have in common?', 'footnote 3 of DPR: which setting worked better?' (plan_object_content)
    if fact := page_fact(question, catalog):  # a question about a page itself, not its papers
        return Plan(op="fact", fact=fact)
    # 'the title of subsection 13.3.3', 'x.y headings: how many' (plan_section_tree); 'PDFs with an x.4 heading'
    if tree := section_tree(question, catalog) or ending_asked(question, catalog):  # (plan_section_numbers)
        return Plan(op="headings", headings=tree)
    if on_page := page_headings(question, catalog):  # 'which headings begin on PDF page 4 of X' (rag/plan_page_headings.py)
        return Plan(op="headings", headings=on_page)
    if printed_on := page_number(question, catalog):  # 'the printed page number of SPECTER's pdf page 6' (plan_page_numbers)
        return Plan(op="headings", headings=printed_on)
    if headings := heading_ask(question, catalog):  # 'what is section 3 of SPECTER called': a PDF's printed headings
        return Plan(op="headings", headings=headings) if headings.text else None
    if pdf_page := page_ask(question, catalog):  # 'which pages of X are blank', 'Table 1 of X: caption and page'
        return Plan(op="headings", headings=pdf_page)
    if printed := citation_ask(question, catalog):  # 'does SPECTER cite X', 'who does X thank' (rag/plan_citations.py)
        return Plan(op="headings", headings=printed)
    if printed := byline_difference(question, catalog):  # "who's on TokMem but not on Cactus" (rag/plan_byline_sets.py)
        return Plan(op="headings", headings=printed)
    if printed := mark_symbol(question, catalog):  # 'which PDFs use a ‡ mark, who has it' (rag/plan_mark_symbols.py)
        return Plan(op="headings", headings=printed)
    if printed := printed_record(question, catalog):  # "SPECTER's footnotes 7 and 8" (rag/plan_printed_records.py)
        return Plan(op="headings", headings=printed)
    if (stepped := entry_step(question, catalog, lambda said: plan(said, catalog, judge))) is not None:
        return Plan(**stepped) if stepped else None  # '…, and what comes after it?' (rag/plan_entry_step.py)
    q = Question(question)
    concessive(q), mark_gloss(q), place_said_again(q)  # 'even though …', '(no dagger)', 'second (last) author … is he' (plan_mark_gloss)
    whole_library(q, catalog.pages, catalog.owners)  # 'check all the sources', '(amii, courville, trending, pdfs)'
    claimed_count(q)  # "X's header claims 210 papers — how many are listed?": context (rag/plan_claimed_count.py)
    looking_at(q)  # 'looking only at the Amii page and Courville's page': the verb of looking (rag/plan_scope_said.py)
    pooling(q)  # 'pooling both Amii's page and Courville's', '… taken together': one scope (rag/plan_pooled.py)
    front_matter_place(q)  # 'going by the header of X', 'what does its footer say': where a record is printed
    bracketed_place(q)  # 'the last (lowest) title': a bracket saying the place again (rag/plan_title_clarify.py)
    worded = title_wording(q)  # "'X is all you need' titles": the quoted wording, before its words read as values
    worded += excluded_forms(q, catalog.printed_titles)  # "('Forgotten' doesn't count)" (rag/plan_title_exclusions.py)
    worded += word_starts(q, catalog.printed_titles)  # 'a word starting with Adapt', 'a hyphenated Multi- word' (plan_title_prefix)
    worded += title_words(q, catalog.printed_titles)  # 'title says GFlowNets': unquoted, printed in a title
    worded += ordered_topic(q, catalog.printed_titles)  # 'the first state space model paper going down the page'
    worded = clarified(q, worded, catalog.printed_titles)  # "graph as a word - not graphene": how the terms count (rag/plan_title_clarify.py)
    worded = without_forms(worded)  # "Online (plain 'offline' doesn't)": a ruled-out form is no match (plan_title_exclusions)
    if link_contents(question):
        return None  # 'what does the released code of X include': what a repository holds is content
    # 'the paper right above the third "Learn more" link' (rag/plan_separator_place.py); 'the second batch' of a page's
    # 'Learn more' links: before links are read
    grouped = separator_beside(q, catalog.papers) or batch(q, catalog.papers)
    marks_placed = mark_predicates(q, catalog) + byline_parity(q) + exact_marks(q, catalog)  # (rag/plan_mark_predicate.py); 'a starred name somewhere in the middle': before a place on the page reads it
    ranged, of_entry = place_range(q), asked_of_entry(q)  # 'entries 30 to 33', '30th … does it have code?' (plan_place_ranges)
    ranged += window(q, catalog.papers)  # 'the last five on the trending page: any with code?' (rag/plan_window.py)
    ranged += place_gloss(q, catalog.papers)  # 'right in the middle, i.e. #42', 'halfway down the 50' (plan_place_gloss)
    ranged += page_half(q, catalog.papers, ranged)  # 'trending list, first half only (#1-#41)' (rag/plan_page_half.py)
    link_asides(q)  # 'not counting e-mail addresses', 'github.io pages count as not github.com' (rag/plan_link_literal.py)
    link_kinds_glossed(q)  # 'no link at all (no code, no project page)': the kinds said again (rag/plan_link_gloss.py)
    entry_verbs(q)  # 'which category does the page file it under', 'what link does its abstract end with' (plan_entry_verbs)
    of_entry += link_asked_of_it(q)  # '… what is it, and does its blurb give any link?': asked (plan_link_literal)
    links = code_promise(q, catalog) + linked(q, catalog)  # 'code promised for later'; before titles: 'zhixuan-lin/forgetting-transformer' is an address (rag/plan_links.py)
    target = title(q, catalog)
    # '… ? date + code?', 'give the category of each': fields asked of the entries selected, not of a paper named
    of_entry += entry_asks(q, catalog.institutes) if target is None else []  # (rag/plan_entry_asks.py)
    if content_asked(q):  # 'who wrote X and what does it find?': a clause asks what it says (rag/plan_compound.py)
        return None
    frame(q)  # 'anywhere in the library', 'Courville himself', 'shows up on'
    people_once = distinct_people(q) if target is None else False  # 'how many different starred people' (plan_marked_people)
    current_year_gloss(q)  # "this year's entries (the ones w/o a year)": said twice, one condition (rag/plan_dates.py)
    included_absent(q)  # '(count the ones without a year too)': the set's own members, no filter (plan_included_absent)
    printed_as_said(q)  # 'whose date says 2025', 'earliest-dated', 'one with a year printed and one without' (plan_printed_values)
    run = run_said(q)  # 'went up on three consecutive days': the run's length, its days once the set is known (plan_date_runs)
    q.take(r"\b(?:going|judging|judged|reckoning)\s+by\b")  # 'most recent going by the dates printed': how, not what
    shift = day_offset(q)  # 'the day after X', 'two days before X': a date counted from the paper's
    apart = set_gap(q) if target is None else None  # 'its two December postings: how many days apart?'
    plus_joined(q)  # 'the private + fair + balanced … paper': a description's modifiers, not two asked fields
    copies = copied(q)  # 'entries sharing their abstract with another', 'the same blurb as X' (rag/plan_copies.py)
    edge = boundary(q, catalog)  # 'right before the workshop papers start': before the section is read as a value
    # People on both of two sides ('anyone on both page A and page B', 'authors of both X and Y'): two named papers
    # are the sides here; two values of one field are, once the values are read (sides_named).
    in_common = says_in_common(q.text)  # its words are taken (people_in_common) once two sides are found
    sides: list[list[Condition]] = []
    if in_common and target is not None and (other := other_paper(q, catalog)) is not None:
        sides, target = [[is_paper(target)], [is_paper(other)]], None
    code_words(q, catalog)  # 'the category code', 'the CV code': the field's own name for its value, not a Code badge
    # The time between two named papers ('how many days between A and B?'): their printed dates (rag/plan_gaps.py).
    if target is not None and (apart := gap(q, catalog, target)) is not None:
        return Plan(op="gap", conditions=[apart[0]], key=apart[1]) if not q.residual() else None
    # 'What's between A and B on the trending page?': the entries printed between two named ones (rag/plan_place.py).
    inside = entries_between(q, catalog, target) or (entry_beside(q, catalog) if target is None else None)
    target = None if inside is not None else target
    # Two papers named and compared ('which is older: A or B?'): a sort over the two of them.
    compared = pair(q, catalog, target) if target is not None else None
    named, target = target, None if compared is not None else target
    if compared is not None and compared.key == "date" and order_said(question):
        compared.key = "position"  # 'which comes first on the Amii page, A or B?': the page's order (rag/plan_order.py)
    if target is not None:
        apposition(q, target)  # 'Cactus, the speculative sampling paper': the title said again, no topic
        restated(q, target, catalog.papers)  # 'SAFT (OOD generalization in fine-tuning): …': said again, asks nothing
        aside(q, target)  # "the KL-estimator paper ('A Comedy of Estimators')": the description before the title
    # A paper as the anchor of a condition ('posted after TokMem', 'by the authors of ReSeg'): a question about others.
    # Read on what is left, so the 'paper' of a restated title asks for no other papers.
    anchor = (relation(q, target, q.text, catalog.papers) if shift is None else days_from(target, shift)) \
        if target is not None else None
    target = None if anchor is not None else target
    of_entry += entry_asks(q, catalog.institutes) if anchor is not None or inside is not None else []  # '… right after X? tag?'
    conditions: list[Condition] = worded + links + marks_placed + byline_clauses(q, catalog)  # 'the last two starred'
    conditions += organisation_counts(q)  # 'PDFs listing three or more institutions' (before the authors are counted)
    conditions += quantified_marks(q, catalog)  # 'a star on every single author'
    conditions += solo(q) + ([compared.condition] if compared else [])
    conditions += ([inside] if inside is not None else []) + ranged
    conditions += [c for c in (edge, followed_by(q), grouped) if c is not None]  # 'followed by a "Learn more" link'
    conditions += participles(q)  # 'the arXiv-stamped PDFs': before 'arXiv' reads as an archive (rag/plan_pdf_sorts.py)
    document_noun(q)  # 'the oldest document among my PDFs': a paper noun (rag/plan_pdf_sorts.py)
    conditions += handle_pages(q, catalog)  # 'the byAK page': the page's printed publisher (rag/plan_page_handles.py)
    conditions += publisher_said(q, catalog)  # 'the ACL-published PDFs': the publisher, not the meeting
    conditions += archives(q) + spread(q) + people_count(q) + unheld_codes(q, catalog.categories)  # 'a physics category', 'on two pages', 'by five people'
    # (solo before negation: 'no co-authors' is one author, not no authors)
    conditions += every_marked(q, catalog) + middle_only(q, catalog)  # 'every author Amii-starred', 'only in the middle'
    conditions += marked_share(q, catalog)  # 'the Amii-starred people are a minority of the authors', 'nobody is starred'
    conditions += marked_counts(q, catalog)  # 'exactly two authors without the Amii star' (rag/plan_marked.py)
    conditions += positions(q, catalog)  # before negation too: 'a non-Amii first author'
    conditions += non_academic(q)  # before negation too: 'non-academic' is a company, not 'no university'
    conditions += given_names(q, catalog)  # 'anyone named Sergey'
    conditions += surnames(q, catalog)  # 'a co-author surnamed Zhang'
    conditions += [anchor] if anchor is not None else []
    conditions += [c for c in [same_day(q, catalog.papers)] if c is not None]  # 'share a posting date'
    # Negated and included values first ('not in LG', 'no Amii-affiliated author', 'including workshop papers'):
    # they are read on their own and cut out, so the rest of the question reads as if they were absent.
    wider: list[Condition] = []
    for kind, found in scoped(q, lambda sub: named_conditions(sub, catalog) or presence(sub, negated=True)):
        if kind == "not":  # 'not in CL or CV': neither of them
            fields = dict.fromkeys(c.field for c in found)
            conditions += [Condition.any_of([c for c in found if c.field == f]).negated() for f in fields]
        else:
            conditions += [c for c in found if c.field == "author"]  # 'together with X' narrows; the rest widen
            wider += [c for c in found if c.field != "author"]  # 'on X's page plus any PDF': one more value (plan_scope.widen)
    full_date = bool(q.take(r"\b(?:with\s+)?(?:an?\s+)?(full|complete|exact) dates?\b|\bday,? month,? and year\b"))
    measure_apart(q)  # 'the shortest PDF by page count': the sort's measure, not a count per page
    group = (group_by(q) or (("author", "all") if people_once else None)) if target is None else None
    by_mark = marked_sort(q, catalog) if target is None else None  # 'the most Amii-affiliated authors'
    sort = sort_by_authors(q) if target is None and by_mark is None else None
    limit, nth = top(q) if target is None else (None, None)
    # 'which is listed first', 'the 20th paper down the list': a page's printed order, of any set (rag/plan_order.py)
    order = listing_order(q) if sort is None and by_mark is None else None
    end_said_again(q, order.op if order is not None else None)  # '… at the bottom of the list' (plan_list_places)
    nth, limit = (order.nth, order.limit) if order is not None and (order.nth or order.limit) else (nth, limit)
    conditions += [order.at(catalog.papers)] if order is not None and group is not None else []  # 'who wrote the last one'
    # 'the highest score'; 'the spread between the highest and lowest score' (rag/catalog_spread.py)
    by_field = (order.op, order.key, False) if order is not None else \
        (spread_of(q) or pdf_sort(q) or badge_sort(q) or elided_sort(q)) if target is None and sort is None else None
    conditions += printed_object(q)  # 'PDFs that flag an equal-contribution footnote': after negation ('without a …')
    conditions = widen(conditions + named_conditions(q, catalog) + presence(q, negated=False), wider)
    conditions += titled(q, catalog.printed_titles)  # 'the continual-learning titles': on what the values left
    conditions += shared_surnames(q, catalog)  # 'a Zhang among the authors': after full names ('Amy Zhang')
    link_field = asked_link(q, question, conditions)  # 'where is X's code', 'what project page does X give'
    badge = link_field or (badge_asked(q) if target is not None else None)  # 'is there code for X'
    habit = usual_place(q) if target is None else False  # 'where does X usually sit', 'is X usually last author'
    each, marks_asked = papers_placed(q) if target is None and not habit else (False, False)  # 'which paper is X on, where'
    habit = habit or each
    conditions = placed(q, author_position(q, conditions))  # 'X is listed last', 'end with a non-Amii author'
    conditions = people_placed(q, conditions)  # 'Zhang is first author and Courville third' (rag/plan_byline_people.py)
    conditions = counted(question, conditions)  # 'at least two authors at the University of Washington'
    sides, conditions, asked_person = both_sides(q, question, conditions, sides, in_common, group)
    conditions = on_named_pages(merge(printed_only(question, name_as_affiliated(question, conditions)), question))
    if (conditions := joined_or(q, conditions, lambda sub: named_conditions(sub, catalog) + presence(sub, False))) is None:
        return None  # 'tagged deepmind or with a Code badge': either side (rag/plan_joined.py)
    conditions += [in_run(run, conditions, catalog.papers)] if run else []  # 'on back-to-back days' (rag/plan_date_runs.py)
    if any(c.field == "author" or c.field == "page" and c.label.endswith("profile") for c in conditions):  # 'Nathan
        # Sturtevant: which of his papers …', 'on Courville's page, his September postings': the person named or his page
        q.take(r"\b(?:his|her|their|hers|theirs|him|them|he|she|they)\b")
    if apart is not None and conditions:  # the time between the two papers the set holds (rag/plan_gaps.py)
        return Plan(op="gap", conditions=conditions, key=apart) if not q.residual() else None
    # A paper named by what it is about ('the BEAM long-term memory paper'): resolved against the catalog's text.
    described = (description(q) or spelled_name(q, catalog.papers)) if target is None and q.residual() else []  # 'X Y Z (XYZ)'
    if described and uncoined(question, described, catalog.papers):
        return None  # 'the paper that introduced Typical Acceptance Sampling (TAS)': a name the paper only uses
    printed_by_names(q)  # 'which lab label sits after the names': where the entry prints it
    shown_beside(q)  # 'which tag is shown next to the graphene STEM paper': where the value is, with the paper's entry
    if link_field and (target is not None or described):  # what is asked of its links, not a filter
        conditions = [c for c in conditions if c.field != "link" and not (c.field == "code" and link_field.name ==
                                                                          "links:code" and c.value == "code")]
    if copies:  # 'which entries share their abstract', 'the same summary as X': rag/plan_copies.py
        asked = copied_plan(q, conditions, target, described, catalog, bool(_COUNT.search(question.casefold())),
                            question, copies)
        return Plan(**asked) if asked else None
    if shift is not None and anchor is None:  # 'what was listed the day after the cascaded video paper went up'
        asked = shifted(q, conditions, shift, described, catalog, bool(_COUNT.search(question.casefold())))
        return Plan(**asked) if asked else None
    if (target is not None or described) and not link_field and acted_on(q):
        return None  # 'who uses X', 'what does X contribute to the meeting': done to or by the paper, not its record
    badge = badge_asked(q) if described and badge is None else badge  # 'what copyright year does the X paper print'
    badge = place_asked(q) if badge is None and (target is not None or described) else badge  # 'what position is X'
    of_entry += ["position"] if badge is not None and badge.name != "position" and (target is not None or described) and \
        place_asked(q) else []  # '…, and its code?', 'what number, and is the title spelled right there?'
    if order is not None and target is not None and not q.residual() and rx.match(r"\W*(?:is|was|are|were|does|did)\b",
                                                                                  question, re.I):
        return Plan(op="check", lookup="position", target=target,  # 'is TokMem listed last on the Amii page?'
                    conditions=conditions + [among(order, conditions, catalog.papers)])
    asked = several(q, conditions, badge, target, described, catalog.papers) if target is not None or described else None
    if asked is None and target is None and not described and conditions:
        of_entry += [link_field.name] if link_field else []  # '… which one, and where does its abstract say the code is?'
        asked = one_selected(q, question, conditions, catalog)  # 'X is on Y's profile: which paper, when, any code?'
    if asked is not None:  # several fields of one paper ('SAFT: first author and posting date?'): rag/plan_fields.py
        asked = with_asked(asked, of_entry)  # 'X is on Y's profile: which paper, when, and does it have code?'
        return Plan(**asked) if asked else None
    range_checked(q, question)  # 'the header's page range: does that match the PDF's pages?' (rag/plan_page_numbers.py)
    low = q.text.casefold()
    # 'of those, which one is older': a comparative asked of the set is its superlative (not 'older than X')
    said = r"\b(?:is|was|'s|came\s+out|posted|published)\s+(?:the\s+)?"
    # 'who is its first author', 'its first and last authors': places on the byline, no sort of papers
    author = r"(?![\s-]+(?:(?:and|&|\+|/)\s*(?:the\s+)?(?:first|last|final|senior|lead)[\s-]+)?(?:co-?)?authors?\b)"
    first = bool(rx.search(rf"\b(oldest|earliest|first{author})\b|{said}(?:older|earlier)\b(?!\s+than)", low))
    last = bool(rx.search(rf"\b(newest|latest|most recent(?:ly)?|last{author}|youngest)\b|{said}(?:newer|more\s+recent|later)\b"
                          r"(?!\s+than)", low))
    end = comparative_end(question)  # "Liu's earlier paper", 'the newer of the two' (rag/plan_comparatives.py)
    first, last = first or end == "first", last or end == "last"
    count = bool(_COUNT.search(low))
    lookup = _lookup_field(low, count)
    if rx.search(r"\bwho(?:'s|\s+(?:is|are|was|were))\s+(?:the\s+)?(?:people\s+|team\s+|researchers\s+)?behind\b", question, re.I):
        q.take(r"\bbehind\b")  # 'who's behind Cactus': its authors
    if rx.search(r"\b(?:conference|meeting|workshop|symposium)\b", question, re.I):
        q.take(r"\b(?:run|ran|runs|took\s+place|take\s+place|takes\s+place)\b")  # when a meeting ran: its dates
    if lookup in ("first_author", "last_author"):
        q.take(r"\b(?:final|senior|lead|leading)\b(?=\s+author)")  # the place word the lookup was read from
    if any(c.field == "organisation" for c in conditions):  # 'besides AI2, which one: city/state/ZIP?' too
        q.take(_ADDRESS)  # 'which city and ZIP code does X give for Y': the organisation's printed address line
        address_said(q, [target] if target is not None else catalog.papers)  # "besides AI2 in Seattle" (plan_org_address)
    drop_fillers(q, catalog)  # 'just need the lead author': common words the papers never use (rag/plan_filler.py)
    if unread_bound(q) or unread_negation(q):
        return None  # 'more than five people', 'no starred name' left unread: the rest would answer another question
    verb = _verb(q, question, judge)
    if verb is None:
        return None
    if person_acts(q) and not rx.search(r"\b(?:papers?|entries|preprints?|articles?)\b", question, re.I):
        return None  # 'what does Lucy Lu Wang work on': a person's work is content (rag/plan_line.person_acts)
    if verb == "person" and (target is not None or described):
        return None  # 'when did X post TokMem?': the person acts on the paper
    if verb == "title" and lookup is None:
        return None  # 'what does the quantile flows paper propose?': what a paper does is content
    if len(sides) == 2:
        return Plan(op="common", conditions=conditions, sides=sides, printed=asks_printed(question), lookup=asked_person,
                    group=group[0] if group is not None and group[0] != "author" else "author")
    people = [c for c in conditions if c.field == "author" and not c.value.startswith("not ")]
    if habit and len(people) == 1:
        return Plan(op="positions", conditions=[c for c in conditions if not (marks_asked and c.field == "affiliation")],
                    lookup=people[0].value, also=["author_marks"] if marks_asked else [])  # the mark asked, not a filter
    if described:
        # What is asked of the paper, read from the whole question but its description: 'how many authors' was
        # read above as a count per author, which only a question about many papers means.
        whole = q.folded
        for start, end, kind in q.spans:
            whole = whole[:start] + " " * (end - start) + whole[end:] if kind == "title" else whole
        count = bool(_COUNT.search(whole.casefold()))
        lookup = _lookup_field(whole.casefold(), count)
        yes_no = rx.match(r"\W*(?:is|was|are|were|does|did|has|had)\b", question, re.I)
        if lookup is None and badge is None and not (conditions and (yes_no or count)):
            return None  # 'what does the memory paper propose?': a content question about it
        target, asked = which(described, catalog.papers, stated_of_paper(conditions))  # 'the lit graph paper is from NAACL'
        if target is None:  # unsure: ask which one; nothing close: not a catalog question
            return Plan(**asked) if asked else None
    if target is not None:
        if badge is not None or lookup is not None:  # 'the DPR PDF', 'TokMem on Amii's page': the paper's own page names it
            conditions = [c for c in conditions if not (c.field == "page" and c(target))]
        if (lookup is not None or badge is not None) and lookup != "venue_pages":  # 'the ACL 2020 meeting in SPECTER's
            # header', 'which CACM volume is the Backus page': its own venue
            conditions = [c for c in conditions if not (c.field in ("venue", "year") and c(target))]
        if lookup == "date" and target.venue_line is not None and target.venue_line.dates and \
                rx.search(r"\b(?:conference|meeting|workshop|symposium|venue|proceedings)\b", low):
            lookup = "venue"  # 'when was the conference in the SPECTER PDF held': the dates its venue line prints
        if count and conditions and all(c.field == "affiliation" for c in conditions):
            return Plan(op="lookup", lookup="affiliation", target=target, conditions=conditions,
                        described=" ".join(described))  # 'how many Amii-affiliated authors does X have'
        at = [c for c in conditions if c.field == "organisation" and not c.value.startswith("not ")]
        if (count or lookup == "authors") and at and all(c.field == "organisation" for c in conditions):
            conditions = at  # 'which of its authors are at X'; 'at a university, as opposed to AI2': the contrast asks nothing
            return Plan(op="lookup", lookup="organisation_authors", target=target, conditions=conditions,
                        described=" ".join(described))  # 'how many authors of DPR are at Facebook AI'
        if count and conditions and all(c.field == "email" for c in conditions):  # 'how many X authors have a .edu e-mail'
            return Plan(op="lookup", lookup="email_authors", target=target, conditions=conditions,
                        described=" ".join(described))
        if lookup == "venue_pages" and all(c.field in ("venue", "year") for c in conditions):
            return Plan(op="lookup", lookup=lookup, target=target, described=" ".join(described))  # 'in the ACL 2020 …'
        if conditions and all(c.field == "organisation" for c in conditions) and \
                (rx.search(r"\b(?:where|located|based)\b", low) or rx.search(_ADDRESS, low)):
            return Plan(op="lookup", lookup="organisation_place", target=target, conditions=conditions,
                        described=" ".join(described))  # 'where is AI2 located according to X': its printed address
        if lookup == "organisation" and conditions and all(c.field == "organisation" and c.value.startswith("not ")
                                                           for c in conditions):
            return Plan(op="lookup", lookup=lookup, target=target, conditions=conditions,
                        described=" ".join(described))  # 'besides AI2, which institution appears on SPECTER'
        if place_elsewhere(badge, conditions):  # "TokMem's position on the trending list", TokMem on Amii's page
            return Plan(op="lookup", lookup="position", target=target, conditions=conditions, described=" ".join(described),
                        also=clause_fields(q.text))  # '…? what number, and who is its first author?' (plan_entry_asks)
        if conditions and all(c.field == "page" for c in conditions) and not_yes_no(question):
            return None  # 'which is the ARNOLD paper on the trending list?': no field asked, and no yes/no (plan_place)
        if conditions:  # "Is Nano3D a workshop paper?", "Was HoME posted in 2017?": yes or no, with the value
            return Plan(op="check", lookup=conditions[0].field, target=target, conditions=conditions,
                        described=" ".join(described))
        if badge is not None:
            return Plan(op="lookup", lookup=badge.name, target=target, described=" ".join(described),
                        also=list(dict.fromkeys(of_entry + clause_fields(q.text))))  # '…, and who is its first author?'
        if lookup is None or lookup == "authors" and other_noun(question):
            return None  # a named paper but no field asked: a content question about it
        return Plan(op="lookup", lookup=lookup, target=target, described=" ".join(described),
                    also=_also(low if not described else whole.casefold(), lookup))
    if compared is not None:  # 'is A listed before B?' asked yes or no: of A (rag/plan_place.py)
        asked = pair_asked(question, q, named, compared.condition, catalog.papers) if compared.key == "position" else None
        return Plan(op=compared.op, conditions=conditions, key=compared.key, target=asked)
    if not rx.search(r"\b(papers?|articles?|works?|publications?|preprints?|entries|abstracts|which|what|who|list|show|everything|"
                     r"any|anything|something|things?|stuff|how|name|give|tell|count|pdfs?|files?|documents?|postings?|posts|entry|items?|titles?|ones?|"
                     r"feeds?|bylines?|number)\b", question,
                     re.I) and not (order is not None and (order.nth or order.limit)):  # 'the top ten on the trending page?'
        return None
    if group is not None:
        if group == ("author", "all") and not conditions and not rx.search(
                r"\b(how many|all|every|distinct|different|unique|library|collection)\b", question, re.I):
            return None  # 'who are the authors?' names no paper and no set: a follow-up to resolve, not a catalog list
        # 'Apart from Courville, who appears most': a value of the grouped field left out, not papers left out.
        if group[0] == "organisation" and rx.search(r"\btags?\b", question, re.I):
            group = ("tag", group[1])  # a listing's '· mila' tag only, not the affiliations a PDF prints
        grouped_field = {"first_author": "author", "last_author": "author", "tag": "organisation"}.get(group[0], group[0])
        left_out = [c for c in conditions if c.field == grouped_field and c.value.startswith("not ")]
        pick, _, nth_group = group[1].partition("@")  # 'most@2': the second most
        return Plan(op="group", conditions=[c for c in conditions if c not in left_out], group=group[0], pick=pick,
                    nth=int(nth_group) if nth_group else None,
                    exclude=[v for c in left_out for v in c.value[4:].split(" | ")], printed=asks_printed(question))
    if by_mark is not None:
        return Plan(op=by_mark[0], conditions=conditions, key=f"marked:{by_mark[1]}")
    if sort is not None:
        return Plan(op=sort, conditions=conditions, key="authors", limit=limit, nth=nth)
    if by_field is not None and (asked := checked_at_place(question, by_field[0], nth, conditions, catalog.papers)):
        return Plan(**asked)  # 'is the 44th entry on Courville's page in AI?' (rag/plan_place_check.py)
    if by_field is not None:  # 'rank the papers by score': every paper printing it, in order
        return Plan(op=by_field[0], conditions=conditions, key=by_field[1], limit=len(catalog.papers) if by_field[2]
                    else limit, nth=nth, also=of_entry)
    if first != last and page_order_meant(question, conditions, catalog.papers):  # 'Amii papers: the last one whose …'
        if (place := window_of(question, catalog.papers)) is not None:  # 'of the first 10 trending papers, which …'
            return Plan(op="count" if count else "list", conditions=conditions + [place], also=of_entry)
        return Plan(op="first" if first else "last", conditions=conditions, key="position", limit=limit, nth=nth,
                    also=of_entry)  # no date to order them by: the page's order (rag/plan_bare_order.py)
    if first != last:
        return Plan(op="first" if first else "last", conditions=conditions, full_date=full_date, limit=limit, nth=nth,
                    also=of_entry + meeting_dates(question))  # 'which meeting was held earlier': where and when
    if count and lookup != "author_count":
        share = bool(_SHARE.search(low))
        return Plan(op="count", conditions=conditions, share=share, scope=share_scope(question, conditions, catalog, _SHARE.pattern) if share
                    else [], also=of_entry)
    asked = {"year" if c.field == "date" else c.field for c in conditions} | \
        ({"date"} if any(c.field in ("year", "date") for c in conditions) else set())
    if lookup and lookup != "authors" and conditions and lookup not in asked and not unread_comparative(q.text):
        if lookup in ("category", "organisation", "section", "venue", "page"):  # 'what categories are the Mila papers in'
            tag = lookup == "organisation" and rx.search(r"\btags?\b", question, re.I)  # a listing's tag only
            return Plan(op="group", conditions=conditions, group="tag" if tag else lookup, pick="all")
        return Plan(op="lookup", lookup=lookup, conditions=conditions)
    if not conditions and not rx.search(r"\b(all|every|list)\b", low) or unread_comparative(q.text):
        return None  # "which papers?" with nothing to select on; 'which one has the bigger X' with X no sort (plan_comparatives)
    return Plan(op="list", conditions=conditions, also=of_entry)


def _verb(q: Question, question: str, judge: VerbJudge | None) -> str | None:
    """'' when nothing but frame is left; the subject of the one word left in a verb slot ('person', 'title' or
    'papers', rag/plan_slots.py); None when anything else is left. A verb slot is not read in a 'who', 'how' or
    'why' question: 'who did X supervise?' and 'how did X train it?' are not about X's papers."""
    rest = q.residual()
    if not rest:
        return ""
    verbs = slot_verbs(q)
    if len(rest) != 1 or len(verbs) != 1 or rx.search(r"\bwho(?:m|se)?\b", question, re.I) or MANNER.search(question):
        return None
    phrase, subject = verbs[0]
    return subject if judge is not None and judge(phrase, subject) else None
