"""Typed records shared by the library, the CLI, the UI and the eval harness.

Pipeline stages: Paper (one per real paper, merged across sources) -> Chunk (what is
embedded and indexed) -> Hit (a retrieved chunk with its scores).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, Field

from rag.printed import ArxivStamp, Footnote, LegendEntry, Organisation, PageFacts, Printed, VenueLine  # noqa: F401 (re-exported)

DatePrecision = Literal["day", "month", "year"]
BlockKind = Literal["text", "table", "caption", "references"]
ChunkKind = Literal["header", "abstract", "body", "table", "references"]
Outcome = Literal["answer", "closest", "refused"]


def normalize_title(title: str) -> str:
    """Casefolded, accent-free, punctuation-free title: the key that merges one paper seen on two pages."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^0-9a-z]+", " ", text.casefold())
    return " ".join(text.split())


def paper_id_for(title: str) -> str:
    """Stable id: the same title always gives the same id, whichever page or file it came from."""
    return hashlib.sha1(normalize_title(title).encode()).hexdigest()[:12]


class SourceRef(BaseModel):
    """Where a paper was read: the file, the parser that read it and its position there."""

    path: str = Field(description="Source file path as given to ingest (relative to the project when inside it).")
    format: str = Field(description="Parser that read it: institute, profile, trending, pdf, text.")
    position: int = Field(description="0-based order of the paper on the page (0 for a single-paper file).")
    line: int | None = Field(default=None, description="1-based line where the paper's entry starts, when known.")
    page_name: str | None = Field(default=None, description="What the page is, as its own header says: "
                                  "'Amii at ICLR 2026', 'Aaron Courville's profile', 'trending papers'.")
    facts: PageFacts | None = Field(default=None, description="What the page prints once for all its entries.")


class Author(BaseModel):
    name: str
    affiliated: bool = Field(default=False, description="Marked with the listing page's affiliation star (*).")
    affiliation: str | None = Field(default=None, description="Who the mark means, from the page's legend ('Amii').")
    affiliations: list[str] = Field(default_factory=list, description="Every organisation printed for this author "
                                    "(a PDF's affiliations, by mark or layout; the legend's institute on a listing).")
    marks: list[str] = Field(default_factory=list, description="Marks printed after the name, as printed: ['†', '∗'].")


class Block(BaseModel):
    """A stretch of a paper's full text with where it stands: its section and page.

    PDFs are read into blocks: prose paragraphs of a section, a table with its caption, a figure
    caption, and the reference list (kept apart: searchable, never evidence for content questions).
    """

    kind: BlockKind = "text"
    section: str = Field(default="", description="Heading of the section it is in, numbered as printed: '3.2 Results'.")
    page: int | None = Field(default=None, description="1-based page where the block starts.")
    text: str
    lead: str = Field(default="", description="The run-in heading the paragraph opens with, set apart in bold "
                      "('Training Data', 'Preparing the input layer'): a part of its section, as printed.")


class Paper(BaseModel):
    """One paper with everything the listing pages or the file said about it."""

    paper_id: str
    title: str
    authors: list[Author] = Field(default_factory=list)
    authors_truncated: bool = Field(default=False, description="The page cut the author list with 'et al.'.")
    organisation: str | None = Field(default=None, description="Organisation tag such as 'deepmind' ('· deepmind').")
    date: str | None = Field(default=None, description="ISO date, cut to its precision: 2026-06-02, 2023-10, 2022.")
    date_precision: DatePrecision | None = None
    date_inferred: bool = Field(default=False, description="The year was not on the page and was inferred.")
    category: str | None = Field(default=None, description="Subject code from the page: LG, CL, CV, ...")
    venue: str | None = Field(default=None, description="Venue and track, e.g. 'ICLR 2026 (accepted)'.")
    section: str | None = Field(default=None, description="Section heading the page lists it under: 'accepted', "
                                "'workshop'.")
    category_name: str | None = Field(default=None, description="arXiv name of `category`: LG 'Machine Learning'.")
    profile_of: str | None = Field(default=None, description="Whose profile page listed it (an author of it).")
    abstract: str = ""
    body: str = Field(default="", description="Full text beyond the abstract, as plain text (text files).")
    blocks: list[Block] = Field(
        default_factory=list, description="Full text beyond the abstract with sections and pages (PDFs). "
        "When present the chunker reads these instead of `body`.")
    arxiv_id: str | None = Field(default=None, description="arXiv identifier when the paper prints one: 2004.07180.")
    doi: str | None = None
    url: str | None = Field(default=None, description="Where the paper can be read (listing link, arXiv or DOI URL).")
    has_code: bool | None = Field(default=None, description="The listing shows a 'Code' badge (True) or none (False); "
                                  "None where the page has no such badge. A PDF whose first page links a code "
                                  "repository is True (see `code_url`), else None.")
    code_url: str | None = Field(default=None, description="The code repository a PDF's first page links: "
                                 "https://github.com/facebookresearch/DPR.")
    page_count: int | None = Field(default=None, description="Pages of the PDF it was read from.")
    blank_pages: list[int] = Field(default_factory=list, description="Pages of the PDF that print no text at all "
                                   "(1-based).")
    abstract_duplicate_of: str | None = Field(
        default=None,
        description="paper_id of an earlier paper on the same page whose abstract this one repeats: "
        "the copied text is not this paper's and is never indexed or cited for it.",
    )
    authors_duplicate_of: str | None = Field(
        default=None, description="paper_id of the earlier paper whose author list this one repeats verbatim."
    )
    sources: list[SourceRef] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list, description="Data-quality notes, human readable.")
    organisations: list[Organisation] = Field(default_factory=list, description="Affiliations the paper prints "
                                              "(a PDF's first page), each with its authors; `organisation` is a "
                                              "listing's tag.")
    arxiv: ArxivStamp | None = Field(default=None, description="The arXiv stamp a PDF prints in its margin.")
    venue_line: VenueLine | None = Field(default=None, description="Pages, place, dates and publisher printed "
                                         "with the venue (a PDF's proceedings line).")
    keywords: list[str] = Field(default_factory=list, description="'Keywords:' / 'Index Terms' as printed.")
    emails: list[str] = Field(default_factory=list, description="E-mail addresses printed under the authors, "
                              "'{a,b}@x.org' expanded.")
    notes: list[LegendEntry] = Field(default_factory=list, description="Author marks a PDF explains in a footnote "
                                     "other than affiliations: '∗' 'Equal contribution'.")
    footnotes: list[Footnote] = Field(default_factory=list, description="The footnotes a PDF prints at the foot of "
                                      "its pages, in page order, each with the words its mark follows.")
    listing_score: float | None = Field(default=None, description="The unlabelled score a profile entry prints "
                                        "before its category ('89.4LGJun 2').")
    printed: dict[str, Printed] = Field(default_factory=dict, description="Field name -> where the page prints it "
                                        "(title, authors, date, venue, section, category, affiliation): what a "
                                        "catalog row cites.")

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def author_names(self) -> list[str]:
        return [a.name for a in self.authors]

    @property
    def author_count(self) -> str:
        """'3', or 'at least 3' when the page cut the list with 'et al.'."""
        return f"at least {len(self.authors)}" if self.authors_truncated else str(len(self.authors))

    def author_line(self, limit: int | None = None) -> str:
        names = self.author_names[:limit] if limit else self.author_names
        more = self.authors_truncated or (limit is not None and len(self.authors) > limit)
        return ", ".join(names) + (" et al." if more else "")


class Chunk(BaseModel):
    """A passage of one paper, small enough for the embedder, with the metadata filters need."""

    chunk_id: str = Field(description="Content hash: the same text and metadata always get the same id.")
    paper_id: str
    position: int = Field(description="0-based order of the chunk within its paper.")
    kind: ChunkKind
    text: str = Field(description="What is embedded and shown: title-prefixed passage.")
    passage: str = Field(description="The passage without the title prefix (what a citation quotes).")
    token_count: int = Field(description="Embedder word pieces of `text`, special tokens included.")
    section: str = Field(default="", description="Section heading the passage is in ('3.2 Results'); '' if none.")
    page: int | None = Field(default=None, description="1-based page where the passage starts (PDFs).")

    @property
    def location(self) -> str:
        """'§3.2 Results, p. 5' — where a reader finds the passage; '' for abstracts of listing pages."""
        return format_location(self.section, self.page)


def format_location(section: str, page: int | None) -> str:
    parts = ([f"§{section}"] if section else []) + ([f"p. {page}"] if page else [])
    return ", ".join(parts)


class Hit(BaseModel):
    """A retrieved chunk with the evidence of why it was retrieved."""

    rank: int
    chunk: Chunk
    paper: Paper
    score: float = Field(description="Fused score (reciprocal rank fusion), higher is better.")
    dense_rank: int | None = None
    sparse_rank: int | None = None
    dense_score: float | None = Field(default=None, description="Cosine similarity of query and chunk.")

    def to_json(self) -> dict:
        """The documented `rag search --json` shape."""
        return {
            "rank": self.rank,
            "paper_id": self.paper.paper_id,
            "title": self.paper.title,
            "authors": self.paper.author_names,
            "authors_truncated": self.paper.authors_truncated,
            "year": self.paper.year,
            "date": self.paper.date,
            "category": self.paper.category,
            "organisation": self.paper.organisation,
            "organisations": [o.name for o in self.paper.organisations],  # a PDF's printed affiliations
            "venue": self.paper.venue,
            "source": [s.path for s in self.paper.sources],
            "score": round(self.score, 6),
            "dense_rank": self.dense_rank,
            "sparse_rank": self.sparse_rank,
            "chunk_id": self.chunk.chunk_id,
            "chunk": self.chunk.passage,
            "chunk_kind": self.chunk.kind,
            "section": self.chunk.section,
            "page": self.chunk.page,
            "flags": self.paper.flags,
        }


class Evidence(BaseModel):
    """A numbered passage shown to the LLM: the selected sentences of one retrieved chunk."""

    n: int = Field(description="Citation number shown to the model: [n].")
    paper: Paper
    chunk_id: str
    sentences: list[str] = Field(description="The passage, as the sentences selected for the prompt.")
    retrieval_score: float = 0.0
    relevance: float = Field(
        default=0.0, description="Answerability: 0.5 * best question-sentence cosine + 0.5 * share of the question's "
        "content words the shown passage (title included) contains. Below a threshold the answer abstains.")
    best: int = Field(default=0, description="Index in `sentences` of the sentence most relevant to the question.")
    section: str = Field(default="", description="Section of the chunk the passage comes from.")
    page: int | None = Field(default=None, description="1-based page of the chunk (PDFs).")

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


class Citation(BaseModel):
    n: int
    paper_id: str
    title: str
    authors: list[str]
    year: int | None
    source: list[str]
    passage: str = Field(description="The passage shown to the model under [n].")
    span: str = Field(default="", description="The sentence of the passage that best supports the answer.")
    section: str = Field(default="", description="Section the passage is in ('3.2 Results').")
    page: int | None = Field(default=None, description="1-based page of the passage in the source PDF.")
    location: str = Field(default="", description="'§3.2 Results, p. 5', for display.")

    @classmethod
    def from_evidence(cls, evidence: Evidence, span: str = "") -> "Citation":
        paper = evidence.paper
        return cls(n=evidence.n, paper_id=paper.paper_id, title=paper.title, authors=paper.author_names,
                   year=paper.year, source=[s.path for s in paper.sources], passage=evidence.text, span=span,
                   section=evidence.section, page=evidence.page,
                   location=format_location(evidence.section, evidence.page))


class AnswerSentence(BaseModel):
    text: str = Field(description="The sentence as shown, with its checked [n] markers.")
    citations: list[int] = Field(default_factory=list)
    supported: bool = True
    support: float = Field(default=0.0, description="Support score of the sentence against its cited passages.")
    origin: Literal["model", "extractive"] = "model"


class PremiseNote(BaseModel):
    """What the question takes as given, which its paper contradicts (rag/premise.py): shown before the passages."""

    statement: str = Field(description="The presupposition as read from the question ('X needs labelled data').")
    passage: str = Field(description="The paper's sentence that says otherwise.")
    n: int = Field(description="Citation number of that passage in `citations`.")
    title: str
    paper_id: str
    reason: str = Field(default="", description="The claim checker's reason ('the passage says the opposite').")


class Answer(BaseModel):
    question: str
    standalone_question: str = Field(description="The question after resolving references to earlier turns.")
    answer: str
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = Field(default=False, description="True unless `outcome` is 'answer'.")
    outcome: Outcome = Field(
        default="answer", description="'answer': checked sentences that answer the question; 'closest': the closest "
        "passages, shown as such, not a direct answer; 'refused': the papers here don't answer it.")
    fallback: bool = Field(default=False, description="The model's text did not hold up; an extractive answer was built.")
    unsupported_sentences: list[str] = Field(default_factory=list)
    removed_citations: list[int] = Field(default_factory=list, description="Citation numbers the model invented.")
    raw_text: str = Field(default="", description="The model's text as it wrote it, before any check "
                          "(empty when no model was asked).")
    closest_papers: list[str] = Field(default_factory=list, description="Titles offered when abstaining.")
    premise: PremiseNote | None = Field(default=None, description="Set when the paper contradicts what the question "
                                        "takes as given; the outcome is then 'closest', the note first.")
    applied_filters: list[str] = Field(default_factory=list, description="Filters the answer was limited to, as "
                                       "shown to the reader ('author: Max Schwarzer', 'year: 2023').")
    abstain_reason: str = Field(default="", description="Why the answer did or did not abstain.")
    answerability: float | None = Field(default=None, description="p(answerable) from rag/answerability.py: "
                                        "what chose the outcome (None when nothing was assessed).")
    backend: str = ""
    model: str = ""
    cut_off: bool = Field(default=False, description="The backend stopped mid-answer; what came is shown, marked.")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    timings: dict[str, float] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list, description="Everything shown to the model.")

    @property
    def premise_lead(self) -> list[AnswerSentence]:
        """The premise note's sentence when the paper contradicts what the question takes as given: the first of
        `sentences`, shown before the closest-passages heading and the passages (answer, export and UI alike)."""
        return self.sentences[:1] if self.premise else []

    def to_json(self) -> dict:
        data = self.model_dump(mode="json", exclude={"evidence"})
        data["evidence"] = [{"n": e.n, "paper_id": e.paper.paper_id, "title": e.paper.title, "passage": e.text}
                            for e in self.evidence]
        return data
