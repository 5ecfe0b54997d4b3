"""A team on one `chroma run` server: 3 clients ingest at once, then a new machine reads the library.

    .venv/bin/python eval/bench_team.py [--clients 3] [--papers 40] [--shared 10] [--kill-one] [--models DIR]

Each client is a `rag ingest DIR` process with its own RAG_HOME, started together; each folder holds
`papers` small Markdown papers, `shared` of which are the same files in every folder (copies, as on
different machines). Afterwards the server's library is audited (rag/shared/audit.py): papers lost (a file
some client ingested whose paper is not published), duplicated (a title listed twice), orphan vectors
(no live passage and no running writer), passages missing a vector. --kill-one also kills one client with
SIGKILL once its first vectors are stored, then runs it again (as a user would) before the audit.
Then a machine with an empty RAG_HOME runs `rag search` (a cold process: the first search pulls the reader's
copy — catalog, passage rows, BM25 shards, no passage texts) and compares its hits with those of a client that
ingested; wall and CPU seconds of each process are reported (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import start_chroma  # noqa: E402
from benchlib import print_table  # noqa: E402

from rag.config import Settings  # noqa: E402
from rag.index import index_name  # noqa: E402
from rag.shared.audit import audit  # noqa: E402
from rag.store import connect  # noqa: E402

ADJECTIVES = ["sparse", "robust", "adaptive", "causal", "federated", "quantised", "recurrent", "latent", "spectral",
              "bayesian", "contrastive", "modular", "implicit", "hierarchical", "streaming", "diffusive", "symbolic"]
NOUNS = ["attention", "planning", "retrieval", "segmentation", "forecasting", "compression", "alignment", "routing",
         "distillation", "calibration", "tokenisation", "exploration"]


def topics(count: int) -> list[str]:
    return [f"{a} {n}" for n in NOUNS for a in ADJECTIVES][:count]


def write_paper(folder: Path, topic: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    title = f"On {topic.title()} at Scale"
    (folder / f"{topic.replace(' ', '-')}.md").write_text(
        f"# {title}\n\nWe revisit {topic} for large models. Our {topic} method halves the error on three benchmarks. "
        f"We release code and data for {topic}.\n\n## Method\n\nThe {topic} objective is optimised with a simple "
        f"schedule; ablations show that each part of the {topic} pipeline matters.\n")
    return title


def env_for(home: Path, url: str, models: Path) -> dict:
    return dict(os.environ, RAG_HOME=str(home), RAG_CHROMA_URL=url, RAG_MODELS_DIR=str(models),
                OMP_WAIT_POLICY="PASSIVE")


def rag(args: list[str], env: dict) -> tuple[float, str, float]:
    """(wall s, stdout, CPU s) of one `rag` process: CPU beside wall, since the machine is shared."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([str(Path(sys.executable).with_name("rag")), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"rag {' '.join(args)} failed: {done.stderr.strip()[-800:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, done.stdout, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--papers", type=int, default=40)
    parser.add_argument("--shared", type=int, default=10)
    parser.add_argument("--kill-one", action="store_true")
    parser.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "bench-team-models")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out/bench_team.json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-team-"))
    own = args.papers - args.shared
    names = topics(args.shared + own * args.clients)
    expected: set[str] = set()
    folders = []
    for n in range(args.clients):
        folder = work / f"machine-{n}" / "papers"
        for topic in names[: args.shared] + names[args.shared + own * n : args.shared + own * (n + 1)]:
            expected.add(write_paper(folder, topic).casefold())
        folders.append(folder)
    url, server = start_chroma(work / "server")
    try:
        from rag.embedding import load_embedder

        model_id = load_embedder(args.models, threads=1).model_id  # exports the embedder once, outside the timed run
        started = time.perf_counter()
        clients = [subprocess.Popen([str(Path(sys.executable).with_name("rag")), "ingest", str(f), "--json"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    env=env_for(f.parent / "home", url, args.models)) for f in folders]
        settings = Settings(home=work / "auditor", chroma_url=url, models_path=args.models)
        name = index_name(settings, model_id)
        killed = False
        if args.kill_one:
            while audit(connect(settings), name, url).vectors == 0 and clients[0].poll() is None:
                time.sleep(0.05)
            killed = clients[0].poll() is None
            clients[0].send_signal(signal.SIGKILL)
        results = [c.communicate() for c in clients]
        seconds = time.perf_counter() - started
        failed = [err[-300:] for c, (_, err) in zip(clients, results) if c.returncode not in (0, -signal.SIGKILL)]
        if failed:
            raise SystemExit(f"a client failed: {failed[0]}")
        rerun_s = rag(["ingest", str(folders[0]), "--json"], env_for(folders[0].parent / "home", url, args.models))[0] \
            if killed else 0.0
        state = audit(connect(settings), name, url)
        from rag.shared.remote import RemoteLibrary

        published = {p.title.casefold() for p in RemoteLibrary(connect(settings), name, url).read().papers}
        query = names[args.shared + 1]
        a_s, a_out, _ = rag(["search", query, "-k", "5", "--json"], env_for(folders[0].parent / "home", url, args.models))
        b_s, b_out, b_cpu = rag(["search", query, "-k", "5", "--json"], env_for(work / "machine-new", url, args.models))
        b2_s, _, b2_cpu = rag(["search", query, "-k", "5", "--json"], env_for(work / "machine-new", url, args.models))
        same = [(h["paper_id"], h["chunk_id"]) for h in json.loads(a_out)] == \
            [(h["paper_id"], h["chunk_id"]) for h in json.loads(b_out)]
        from rag.index import index_params
        from rag.shared.cache import sync

        fresh = Settings(home=work / "machine-sync", chroma_url=url, models_path=args.models)
        pulled = time.perf_counter()
        sync(fresh, name, index_params(fresh, model_id))  # what the first search adds: catalog + local BM25
        sync_s = time.perf_counter() - pulled
    finally:
        server.terminate()
        server.wait(timeout=60)
    row = {"clients": args.clients, "papers_per_client": args.papers, "shared": args.shared,
           "expected_papers": len(expected), "published_papers": state.papers,
           "lost": len(expected - published), "duplicated": len(state.duplicate_papers), "orphans": state.orphans,
           "missing_vectors": state.missing, "chunks": state.chunks, "vectors": state.vectors,
           "concurrent_ingest_s": round(seconds, 1), "killed_one": killed, "rerun_after_kill_s": round(rerun_s, 1),
           "new_machine_first_search_s": round(b_s, 2), "new_machine_second_search_s": round(b2_s, 2),
           "new_machine_first_search_cpu_s": round(b_cpu, 2), "new_machine_second_search_cpu_s": round(b2_cpu, 2),
           "ingesting_machine_search_s": round(a_s, 2), "same_hits": same,
           "pull_catalog_into_empty_home_s": round(sync_s, 2),
           "machine": "2 cores, shared with other sessions"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(row, indent=1))
    print_table(f"{args.clients} clients x {args.papers} papers ({args.shared} shared) on one chroma run", [
        ("papers expected / published", f"{len(expected)} / {state.papers}", "equal"),
        ("lost / duplicated", f"{row['lost']} / {row['duplicated']}", "0 / 0"),
        ("orphan vectors / passages without one", f"{state.orphans} / {state.missing}", "0 / 0"),
        ("concurrent ingest, wall s", f"{seconds:.1f}", ""),
        ("killed one client, re-run s", f"{killed} {rerun_s:.1f}" if args.kill_one else "no", ""),
        ("new machine: first `rag search`, wall / CPU s", f"{b_s:.2f} / {b_cpu:.2f}", "<= 5 s"),
        ("new machine: second `rag search`, wall / CPU s", f"{b2_s:.2f} / {b2_cpu:.2f}", ""),
        ("ingesting machine: cold `rag search` s", f"{a_s:.2f}", ""),
        (f"of which: pull the reader's copy ({state.chunks} passages, no texts) s", f"{sync_s:.2f}", ""),
        ("same hits as the ingesting machine", str(same), "True"),
    ])


if __name__ == "__main__":
    main()
