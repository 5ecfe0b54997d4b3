"""The verbs a question says an entry's own field with, when one named entry is asked several fields (issue 11):
'which category does Courville's page file it under', 'what github link does its abstract end with', 'what date does
the page give it'. Each verb only places a field the entry prints (its category slot, its abstract's last link): the
field itself is read by the lookup readers (rag/plan_fields.py, rag/plan_links.py). Taken only with its object
pronoun or the abstract as subject, so 'end with a non-Amii author' (a place on the byline) and 'which file' (a PDF)
are left to their readers.
"""

from __future__ import annotations

from rag.plan_terms import Question

# 'file(s) it under', 'filed it as', 'puts it under', 'lists it in': a page placing the entry in one of its slots.
_PLACES = r"\b(?:files?|filing|puts?|putting|places?|placing|lists?|listing|sorts?|sorting)\s+(?:it|this(?:\s+(?:one|entry|paper))?|" \
          r"that(?:\s+(?:one|entry|paper))?|them)\s+(?:under|in|as|into)\b(?=\s*(?:[?.!,;]|$|\s+and\b))"
# 'does its abstract end with', 'what link does the abstract close on': the abstract's last words, as a place.
_ENDS = r"(?<=abstract)\s+(?:end|ends|close|closes|finish|finishes|wrap|wraps)(?:\s+up)?\s+(?:with|on)\b(?=\s*(?:[?.!,;]|$|\s+and\b))"


# A person's share of someone's page: "Johan Obando-Ceron's side of Courville's page" is the page's entries with him.
_SIDE = r"(?<=['’]s)\s+(?:side|part|share|corner|portion)\s+of\b(?=\s+(?:the\s+)?[\w.-]+(?:['’]s)?\s+(?:page|profile|list|listing|feed)\b)"
# 'i.e.', 'e.g.', 'that is': a restatement said with its connector; what it restates is read as any words are.
_RESTATED = r"(?<![\w.])(?:i\.\s?e\.|e\.\s?g\.),?"


def entry_verbs(q: Question) -> None:
    """Take the verbs that place an asked field in the named entry's record ('file it under', 'end with'), a person's
    'side of' a page, and the connector of a restatement ('i.e.')."""
    q.take(_PLACES)
    q.take(_ENDS)  # the abstract itself stays for the link reader ('its abstract')
    q.take(_SIDE)
    q.take(_RESTATED)
