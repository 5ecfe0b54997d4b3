"""A form of a title word ruled out beside the word asked for: "titles with 'Forgetting' ('Forgotten' doesn't count)",
"Policy or Policies (don't count 'Off-policy')", "'memory', not counting 'memorization'", "excluding Off-policy".

Read only where titles are said, before their words are (rag/plan_titles.py, which would take a bracketed form for one
more spelling of the word asked for): the form is a title the answer must leave out, a negated title condition,
composed with the rest. A form said unquoted is taken only when some title prints it,
as every title reader does: a word no title prints is the question's topic, which is retrieval's.
"""

from __future__ import annotations

import re

from rag.plan_terms import FRAME, Condition, Question

_FORM = r"(?:'(?P<q1>[^']{2,40})'|\"(?P<q2>[^\"]{2,40})\"|(?P<w>[^\W\d_][\w-]{2,40}))"
# Ruled out after the form: "'Forgotten' doesn't count", 'Off-policy is excluded', "X shouldn't be counted".
# An example's owner before the form: "(V-STaR's 'Reasoners' doesn't count)" — the paper whose title prints it.
_OWNER = r"(?:(?P<owner>[^\W_][\w.-]*)'s\s+)?"
_AFTER = rf"\(?\s*{_OWNER}{_FORM}\s+(?:(?:does|do|did|should|would|will)\s*(?:n't|\s+not)\s+(?:count|be\s+counted|qualify|matter)|" \
         r"(?:is|are)\s*(?:n't|\s+not)\s+(?:counted|included|wanted)|(?:is|are)\s+excluded|excluded|not\s+included|" \
         r"(?:is|are)\s+out|(?:is|are)\s+fine\s+to\s+skip)\b\s*\)?"
# Ruled out before the form: "don't count 'Off-policy'", 'excluding X', 'not counting X', 'but not X', 'ignore X'.
_BEFORE = r"\(?\s*\b(?:(?:do|does|please)\s*(?:n't|\s+not)\s+(?:count|include)|not\s+counting|excluding|except(?:\s+for)?|" \
          r"(?:but\s+)?not|ignor(?:e|ing)|leav(?:e|ing)\s+out|without\s+counting|skip(?:ping)?|minus)\s+" \
          rf"(?:the\s+)?(?:(?:word|form|term|spelling)s?\s+)?(?:any\s+)?(?:titles?\s+(?:with|saying)\s+)?{_FORM}" \
          r"(?:\s+(?:titles?|ones?))?\s*\)?"


def excluded_forms(q: Question, titles: list[str]) -> list[Condition]:
    """The forms ruled out where titles are said, as negated title conditions; [] without any. Read before the title
    words, which would take a bracketed form as one more spelling of the word asked for."""
    if not re.search(r"\btitle", q.text, re.I):
        return []
    found = []
    for pattern in (_AFTER, _BEFORE):
        for m in list(re.finditer(pattern, q.text, re.I)):
            form = m["q1"] or m["q2"] or m["w"]
            # the form exactly as said: 'Transformers' rules out the plural, not 'Transformer' with it (TitleText folds)
            exact = re.compile(rf"(?<![\w-]){re.escape(form.strip())}(?![\w-])", re.I)
            if m["w"] is not None and (m["w"].casefold() in FRAME or m["w"].islower() or
                                       not any(exact.search(t) for t in titles)):
                continue  # unquoted: a form only when capitalised as titles print it and printed in one ('not about')
            owner = m.groupdict().get("owner")
            start = m.start() if not owner or _owns(owner, exact, titles) else m.end("owner")
            q.blank(start, m.end())  # the owner only when a title printing the form is that paper's
            found.append(Condition("title", f"has exactly {form}", f"title: with '{form}' (this form)",
                                   lambda p, e=exact: e.search(p.title) is not None).negated())
    return found


def _owns(owner: str, form: re.Pattern, titles: list[str]) -> bool:
    """Whether a title printing the form also prints the owner's name ('V-STaR' in 'V-STaR: … Self-Taught Reasoners')."""
    name = re.compile(rf"(?<![\w-]){re.escape(owner)}(?![\w-])", re.I)
    return any(form.search(t) and name.search(t) for t in titles)
