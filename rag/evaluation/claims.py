"""`rag eval claims`: the claim checker against claims written from the papers by someone else.

Each item names a paper by title; the claim is checked against that paper's text in the library
(its abstract, or every chunk of an ingested PDF), exactly as `rag verify` checks a sentence that
names its source. A vacuous claim counts as truly unsupported. Figures: precision and recall per
verdict, the share judged right per kind, the share of contradicted claims rejected, the precision
of what passes as supported and the share of truly supported claims that pass — one column per
dataset, so dev and held-out sit side by side.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import click

from rag.checking import VERDICTS, Checker
from rag.checking.sources import PaperTexts, library_texts
from rag.errors import RagError

KINDS = ("paraphrase", "close", "negation", "number", "swap", "direction", "quantifier", "detail", "meta")


class ClaimsDatasetError(RagError):
    """A claims file cannot be read as JSONL claims."""


@dataclass
class ClaimResult:
    id: str
    claim: str
    title: str
    kind: str
    truth: str  # supported | contradicted | unsupported (vacuous counts as unsupported)
    verdict: str | None  # None when the paper is not in the library
    score: float | None = None
    span: str = ""
    reason: str = ""
    ms: float = 0.0


def load_claims(path: Path) -> list[dict]:
    try:
        lines = path.read_text().splitlines()
    except OSError as exc:
        raise ClaimsDatasetError(f"cannot read claims file {path}: {exc.strerror or exc}") from exc
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            assert {"claim", "title", "verdict"} <= set(item) and item["verdict"] in (*VERDICTS, "vacuous")
        except (ValueError, AssertionError):
            raise ClaimsDatasetError(f"{path}:{number}: not a claim (needs claim, title and a verdict of "
                                     "supported|contradicted|unsupported|vacuous)") from None
        items.append(item)
    return items


def check_claims(checker: Checker, texts: PaperTexts, items: list[dict]) -> list[ClaimResult]:
    results = []
    for i, item in enumerate(items):
        truth = "unsupported" if item["verdict"] == "vacuous" else item["verdict"]
        result = ClaimResult(id=str(item.get("id", i)), claim=item["claim"], title=item["title"],
                             kind=item.get("kind", ""), truth=truth, verdict=None)
        paper = texts.find(item["title"])
        if paper is not None:
            started = time.perf_counter()
            check = checker.check(item["claim"], [texts.passages(paper.paper_id, item["claim"])])
            result.ms = round((time.perf_counter() - started) * 1000, 1)
            result.verdict, result.score = check.verdict, check.score
            result.span, result.reason = check.span, check.reason
        results.append(result)
    return results


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def claim_metrics(results: list[ClaimResult]) -> dict:
    checked = [r for r in results if r.verdict is not None]
    out: dict = {"claims": len(results), "paper_not_in_library": len(results) - len(checked)}
    passed = [r for r in checked if r.verdict == "supported"]
    supported = [r for r in checked if r.truth == "supported"]
    contradicted = [r for r in checked if r.truth == "contradicted"]
    out["contradicted_rejected"] = _share(sum(r.verdict != "supported" for r in contradicted), len(contradicted))
    out["precision_of_passed"] = _share(sum(r.truth == "supported" for r in passed), len(passed))
    out["supported_passed"] = _share(len([r for r in supported if r.verdict == "supported"]), len(supported))
    out["accuracy"] = _share(sum(r.verdict == r.truth for r in checked), len(checked))
    out["by_verdict"] = {}
    for verdict in VERDICTS:
        predicted = [r for r in checked if r.verdict == verdict]
        true = [r for r in checked if r.truth == verdict]
        out["by_verdict"][verdict] = {"n": len(true),
                                      "precision": _share(sum(r.truth == verdict for r in predicted), len(predicted)),
                                      "recall": _share(sum(r.verdict == verdict for r in true), len(true))}
    out["by_kind"] = {}
    for kind in [k for k in KINDS if any(r.kind == k for r in checked)]:
        group = [r for r in checked if r.kind == kind]
        out["by_kind"][kind] = {"n": len(group), "right": _share(sum(r.verdict == r.truth for r in group), len(group)),
                                "passed": _share(sum(r.verdict == "supported" for r in group), len(group))}
    times = [r.ms for r in checked]
    if times:
        out["ms_mean"] = round(statistics.mean(times), 1)
        out["ms_p95"] = round(sorted(times)[int(0.95 * (len(times) - 1))], 1)
    return out


def _cell(value) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def claims_table(columns: dict[str, dict]) -> str:
    """A Markdown table: one row per figure, one column per dataset."""
    names = list(columns)
    rows = [("claims", lambda m: m["claims"]), ("paper not in library", lambda m: m["paper_not_in_library"]),
            ("**contradicted rejected** (target ≥ 0.90)", lambda m: m["contradicted_rejected"]),
            ("**precision of passed-as-supported** (≥ 0.95)", lambda m: m["precision_of_passed"]),
            ("**truly supported passed** (≥ 0.70)", lambda m: m["supported_passed"]),
            ("accuracy (3 verdicts)", lambda m: m["accuracy"])]
    for verdict in VERDICTS:
        for part in ("precision", "recall"):
            rows.append((f"{verdict}: {part}", lambda m, v=verdict, p=part: m["by_verdict"][v][p]))
    kinds = [k for k in KINDS if any(k in m["by_kind"] for m in columns.values())]
    for kind in kinds:
        rows.append((f"kind {kind}: right / passed (n)", lambda m, k=kind: (
            "–" if k not in m["by_kind"] else
            f"{_cell(m['by_kind'][k]['right'])} / {_cell(m['by_kind'][k]['passed'])} ({m['by_kind'][k]['n']})")))
    rows.append(("ms per claim, mean / p95", lambda m: f"{_cell(m.get('ms_mean'))} / {_cell(m.get('ms_p95'))}"))
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for label, get in rows:
        lines.append(f"| {label} | " + " | ".join(_cell(get(columns[n])) for n in names) + " |")
    return "\n".join(lines)


@click.command("claims")
@click.option("--dataset", "datasets", type=click.Path(path_type=Path), multiple=True, required=True,
              help="JSONL claims; repeat it to put sets side by side (dev first, then held-out).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Also write claims.json (figures and every verdict) to this folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures and every verdict as JSON.")
@click.pass_context
def claims_command(ctx, datasets, out, as_json):
    """Check written claims against their papers: the checker's precision and recall per kind."""
    from rag.evaluation.cli import _settings
    from rag.library import Library

    library = Library(_settings(ctx))
    checker = Checker(library.embedder)
    texts = library_texts(checker, library)
    columns, verdicts = {}, {}
    for path in datasets:
        results = check_claims(checker, texts, load_claims(path))
        columns[path.name] = claim_metrics(results)
        verdicts[path.name] = [asdict(r) for r in results]
    report = {"figures": columns, "claims": verdicts}
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "claims.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    click.echo(json.dumps(report, indent=2, ensure_ascii=False) if as_json else claims_table(columns))
