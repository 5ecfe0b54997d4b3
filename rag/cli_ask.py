"""`rag ask` and `rag chat`: questions answered with checked citations, printed as they stream."""

from __future__ import annotations

import json

import click

from rag.cli import filter_options, json_option, library, make_filters, shorten


def llm_option(fn):
    return click.option("--llm", "llm_spec", default="auto", show_default=True,
                        help="auto | embedded | embedded:PATH.gguf | ollama | ollama:MODEL")(fn)


def answerer(ctx, llm_spec):
    from rag.answer import Answerer
    from rag.llm.registry import resolve_llm

    return Answerer(library(ctx), resolve_llm(llm_spec, ctx.obj))


def print_answer(answer, streamed: bool) -> None:
    if not streamed:
        click.echo(answer.answer)
    if answer.outcome == "refused":
        if answer.closest_papers:
            click.echo("\nClosest papers:")
            for title in answer.closest_papers:
                click.echo(f"  - {title}")
    else:
        removed = len(answer.unsupported_sentences)
        if removed:
            # Folded away: the count, not the text (it is in --json as unsupported_sentences).
            click.echo(f"\n({removed} sentence{'s' if removed != 1 else ''} removed: the papers do not support "
                       f"{'them' if removed != 1 else 'it'})")
        if answer.premise:
            click.echo(f"(the question takes as given \"{answer.premise.statement}\"; "
                       f"[{answer.premise.n}] says otherwise: {answer.premise.reason})")
        if answer.outcome == "closest":
            click.echo("(not a direct answer: these are the closest passages, quoted)")
        if answer.fallback:
            click.echo("(quoted from the papers: the model's answer did not hold up)")
        click.echo("\nSources:")
        for citation in answer.citations:
            year = f" ({citation.year})" if citation.year else ""
            click.echo(f"  [{citation.n}] {citation.title}{year} — {citation.location or ', '.join(citation.source)}")
            if answer.backend != "catalog":  # a catalog row is the answer sentence itself
                click.echo(f"      \"{shorten(citation.span or citation.passage, 200)}\"")
    who = f"{answer.backend}:{answer.model}" if answer.model else answer.backend  # a catalog answer asks no model
    click.echo(f"\n— {who}, {answer.timings.get('total_ms', 0) / 1000:.1f} s")
    if answer.applied_filters:
        click.echo(f"  filters: {'; '.join(answer.applied_filters)}")
    if answer.standalone_question.strip() != answer.question.strip():
        click.echo(f"  understood as: {answer.standalone_question}")


@click.command()
@click.argument("question", nargs=-1, required=True)
@llm_option
@filter_options
@json_option
@click.pass_context
def ask(ctx, question, llm_spec, author, year, category, source, org, as_json):
    """Ask a question; get an answer whose every citation was checked."""
    ask_with = answerer(ctx, llm_spec)
    on_sentence = None if as_json else (lambda s: click.echo(s.text + " ", nl=False))
    answer = ask_with.ask(" ".join(question), filters=make_filters(author, year, category, source, org),
                          on_sentence=on_sentence)
    if as_json:
        click.echo(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo()
        print_answer(answer, streamed=True)


@click.command()
@llm_option
@filter_options
@click.option("--resume", default=None, is_flag=False, flag_value="", metavar="[ID]",
              help="Continue a saved conversation (the latest when no id is given).")
@click.option("--list", "list_saved", is_flag=True, help="List saved conversations and exit.")
@click.pass_context
def chat(ctx, llm_spec, author, year, category, source, org, resume, list_saved):
    """Multi-turn questions in the terminal (empty line or Ctrl-D to quit); kept under the data dir."""
    from rag import history as saved
    from rag.conversation import Turn
    from rag.errors import RagError as _RagError
    from rag.filters import Filters

    if list_saved:
        for past in saved.list_all(ctx.obj.home):
            click.echo(f"{past.id}  {past.updated}  {len(past.turns)} turns  {past.title}")
        return
    filters = make_filters(author, year, category, source, org)
    conversation = saved.load(ctx.obj.home, resume or None) if resume is not None else saved.new(filters.model_dump())
    if resume is not None and filters.is_empty() and any(conversation.filters.values()):
        filters = Filters(**conversation.filters)  # a resumed chat keeps the filters it was held under
    ask_with = answerer(ctx, llm_spec)
    history: list[Turn] = conversation.turns
    for turn in history:
        click.echo(f"> {turn.question}\n{turn.answer}\n")
    click.echo(f"rag chat — {ask_with.llm.backend}:{ask_with.llm.model}. Empty line to quit.")
    while True:
        try:
            question = input("\n> ").strip()
        except EOFError:
            break
        if not question:
            break
        try:
            answer = ask_with.ask(question, history=history, filters=filters,
                                  on_sentence=lambda s: click.echo(s.text + " ", nl=False))
        except _RagError as exc:
            click.echo(f"error: {exc}", err=True)
            continue
        click.echo()
        print_answer(answer, streamed=True)
        conversation.add(Turn(question=question, standalone_question=answer.standalone_question,
                              answer=answer.answer, cited_titles=[c.title for c in answer.citations]))
        saved.save(ctx.obj.home, conversation)
