"""A form of a title word ruled out beside the word asked for: "titles with 'Forgetting' ('Forgotten' doesn't count)",
"Policy or Policies (don't count 'Off-policy')", "'memory', not counting 'memorization'", "excluding Off-policy".

Read only where titles are said, before their words are (rag/plan_titles.py, which would take a bracketed form for one
more spelling of the word asked for): the form is a title the answer must leave out, a negated title condition,
composed with the rest. A form said unquoted is taken only when some title prints it,
as every title reader does: a word no title prints is the question's topic, which is retrieval's.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import FRAME, Condition, Question

_FORM = r"(?:'(?P<q1>[^']{2,40})'|\"(?P<q2>[^\"]{2,40})\"|(?P<w>[^\W\d_][\w-]{2,40}))"
# Several forms ruled out at once: "(World Knowledge Model / World-Action Model don't count)", "'X' or 'Y' doesn't count".
_ONE = r"(?:'[^']{2,40}'|\"[^\"]{2,40}\"|[^\W\d_][\w-]{1,40}(?:\s+[A-Z][\w-]*){0,3})"
_LISTED = rf"(?P<listed>{_ONE}(?:\s*(?:/|,|\bor\b|\band\b)\s*{_ONE})+)"
# What the forms are called before them: 'names like SimpleRL-Zoo don't', 'titles such as X don't count'.
_CALLED = r"(?:(?:names?|titles?|ones?|words?|forms?|things?|cases?)\s+(?:like|such\s+as)\s+)?"
# Ruled out after the form: "'Forgotten' doesn't count", 'Off-policy is excluded', "X shouldn't be counted".
# An example's owner before the form: "(V-STaR's 'Reasoners' doesn't count)" — the paper whose title prints it.
_OWNER = r"(?:(?P<owner>[^\W_][\w.-]*)'s\s+)?"
# The verb may be left out where a clause before it said what counts: "(Data-Efficient counts; 'efficiency' doesn't)".
_RULED_OUT = r"(?:(?:does|do|did|should|would|will)\s*(?:n't|\s+not)\s+(?:count|be\s+counted|qualify|matter)|" \
             r"(?:does|do|did|should|would|will)\s*(?:n't|\s+not)(?=\s*(?:[);.]|$))|" \
             r"(?:is|are)\s*(?:n't|\s+not)\s+(?:counted|included|wanted)|(?:is|are)\s+excluded|excluded|not\s+included|" \
             r"(?:is|are)\s+out|(?:is|are)\s+fine\s+to\s+skip)"
_AFTER = rf"\(?\s*{_CALLED}{_OWNER}{_FORM}\s+{_RULED_OUT}\s*\)?"
_AFTER_LISTED = rf"\(?\s*{_CALLED}{_LISTED}\s+{_RULED_OUT}\s*\)?"
# The value of a form said not to count, negated: a condition without_forms turns into a cut of the word's matches.
_COUNTS = "counts as "
_RULED = f"not {_COUNTS}"
# Ruled out before the form: "don't count 'Off-policy'", 'excluding X', 'not counting X', 'but not X', 'ignore X'.
_BEFORE = r"\(?\s*\b(?:(?:do|does|please)\s*(?:n't|\s+not)\s+(?:count|include)|not\s+counting|excluding|except(?:\s+for)?|" \
          r"(?:but\s+)?not|ignor(?:e|ing)|leav(?:e|ing)\s+out|without\s+counting|skip(?:ping)?|minus)\s+" \
          rf"(?:the\s+)?(?:(?:word|form|term|spelling)s?\s+)?(?:any\s+)?(?:titles?\s+(?:with|saying)\s+)?{_FORM}" \
          r"(?:\s+(?:titles?|ones?))?\s*\)?"


def excluded_forms(q: Question, titles: list[str]) -> list[Condition]:
    """The forms ruled out where titles are said, as negated title conditions; [] without any. Read before the title
    words, which would take a bracketed form as one more spelling of the word asked for."""
    if not rx.search(r"\btitle", q.text, re.I):
        return []
    found = []
    for m in list(rx.finditer(_AFTER_LISTED, q.text, re.I)):  # "(World Knowledge Model / World-Action Model don't count)"
        forms = [f.strip() for f in rx.split(r"\s*(?:/|,|\bor\b|\band\b)\s*", m["listed"]) if f.strip()]
        tests = [_ruled_out(f.strip("'\""), f[0] not in "'\"", titles, counted=True) for f in forms]
        if all(t is not None for t in tests):  # every form read, or none: a list half understood is left alone
            q.blank(m.start(), m.end())
            found += tests
    for pattern in (_AFTER, _BEFORE):
        for m in list(rx.finditer(pattern, q.text, re.I)):
            form = m["q1"] or m["q2"] or m["w"]
            condition = _ruled_out(form, m["w"] is not None, titles, counted=pattern == _AFTER)
            if condition is None:
                continue  # unquoted: a form only when capitalised as titles print it and printed in one ('not about')
            exact = rx.compiled(rf"(?<![\w-]){re.escape(form.strip())}(?![\w-])", re.I)
            owner = m.groupdict().get("owner")
            start = m.start() if not owner or _owns(owner, exact, titles) else m.end("owner")
            q.blank(start, m.end())  # the owner only when a title printing the form is that paper's
            found.append(condition)
    return found


def _ruled_out(form: str, unquoted: bool, titles: list[str], counted: bool) -> Condition | None:
    """The negated title condition for one form, exactly as said ('Transformers' rules out the plural, not
    'Transformer' with it: TitleText folds); None for an unquoted form in lower case, a frame word or printed in no
    title. `counted`: said not to count ("'X' doesn't count"), the form is no match of the word asked (without_forms);
    else ('but not X', 'excluding X') a title printing it is left out."""
    exact = rx.compiled(rf"(?<![\w-]){re.escape(form.strip())}(?![\w-])", re.I)
    if unquoted and (form.casefold() in FRAME or form.islower() or not any(exact.search(t) for t in titles)):
        return None
    return Condition("title", f"{_COUNTS if counted else 'has exactly '}{form}", f"title: with '{form}' (this form)",
                     lambda p, e=exact: e.search(p.title) is not None).negated()


def _owns(owner: str, form: re.Pattern, titles: list[str]) -> bool:
    """Whether a title printing the form also prints the owner's name ('V-STaR' in 'V-STaR: … Self-Taught Reasoners')."""
    name = rx.compiled(rf"(?<![\w-]){re.escape(owner)}(?![\w-])", re.I)
    return any(form.search(t) and name.search(t) for t in titles)


def without_forms(conditions: list[Condition]) -> list[Condition]:
    """A form ruled out beside a word asked for does not count as that word; it does not rule out a title that says the
    word another way too ("Online (plain 'offline' doesn't)" keeps 'Efficient Online … Retain Offline Data'). So each
    condition on a title's words is tested on the title with the ruled-out forms cut, and the forms are no conditions
    of their own; with no word asked for, a ruled-out form stays what it is, a title that must not print it."""
    ruled = [c for c in conditions if c.field == "title" and c.value.startswith(_RULED)]
    asked = [c for c in conditions if c.field == "title" and not c.value.startswith("not ")]
    if not ruled or not asked:
        return conditions
    forms = [c.value.removeprefix(_RULED) for c in ruled]
    cut = rx.compiled("|".join(rf"(?<![\w-]){re.escape(f.strip())}(?![\w-])" for f in forms), re.I)
    said = ", ".join(f"'{f}'" for f in forms)

    def without(c: Condition) -> Condition:
        return Condition(c.field, c.value, f"{c.label} (not counting {said})",
                         lambda p: c(p.model_copy(update={"title": cut.sub(" ", p.title)})), known_test=c.known)

    return [without(c) if c in asked else c for c in conditions if c not in ruled]
