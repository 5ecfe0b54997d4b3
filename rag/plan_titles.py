"""A title's wording as a condition: what a title holds, starts or ends with, read from the question.

- a quoted template with a placeholder ("'X is all you need' titles", "titles of the form 'Towards X'"): a pattern;
- a word or phrase, quoted or not, that titles are said to hold ('titles that mention imitation', 'with agent/agents
  in the title', "spell out 'reinforcement learning' in full", 'state space model papers (by title)') or to start or
  end with ('titles starting with the article A'): words of the title (rag/plan_title_text.py), compounds split,
  plurals folded, any derived form when asked 'in some form';
- said with a place between 'titles' and the verb, left to its own reader ('titles on the trending page that carry
  X'), with the term as the subject ("in which titles does 'memory' appear"), with a noun and no verb ("(the word
  'continual' in the title)", one condition with the phrase it restates), 'X rather than Y' (not Y; 'rather than
  just Y' only contrasts), or 'titles about X';
- a topic before 'titles' or with 'by title' (rag/plan_title_topics.py), a character or a shape a title prints
  ('titles with an exclamation mark', 'question-style titles', 'with a subtitle': rag/plan_title_marks.py).
An unquoted word is taken only when some title prints it: otherwise it is the question's topic, which is retrieval's.
"""

from __future__ import annotations

import re

from rag.plan_terms import FRAME, Condition, Question
from rag.plan_title_examples import examples
from rag.plan_title_forms import PART_OF_SPEECH, excluded_forms, listed_forms, topical
from rag.plan_title_marks import NAMED_AHEAD, letters, title_marks
from rag.plan_title_text import TitleText, casefolded_words, one_family
from rag.plan_title_topics import by_title, condition as _condition, restated as _restated

_QUOTE = r"(?:'([^']{2,80})'|\"([^\"]{2,80})\"|‘([^’]{2,80})’|“([^”]{2,80})”)"
_PLACEHOLDER = re.compile(r"(?<![\w'])(?:[XYZ]|\.\.\.|…|_{2,}|\*|something|blank)(?![\w'])")
# A quoted phrase is a title's wording only when the question says so around it ('titles containing', "'…' titles").
_TITLE_CONTAINS = rf"\btitles?\s+(?:that\s+)?(?:(?:are|is)\s+)?(?:contain(?:s|ing)?|includ(?:e|es|ing)|with|mention(?:s|ing)?|follow(?:s|ing)?|" \
                  rf"(?:that\s+)?(?:say|says|saying)|(?:of\s+the\s+)?form|like|match(?:es|ing)?)\s+(?:the\s+(?:word|phrase|" \
                  rf"pattern|template)s?\s+)?{_QUOTE}"
_TITLES_AFTER = rf"\b(?:are|is)?\s*(?:an?\s+)?{_QUOTE}(?:[- ](?:style|type|like))?\s+titles?\b"


def title_wording(q: Question) -> list[Condition]:
    """The conditions a quoted title wording names, its words blanked; [] when nothing quoted is said of titles."""
    found = []
    for pattern in (_TITLE_CONTAINS, _TITLES_AFTER):
        for m in list(re.finditer(pattern, q.text, re.I)):
            text = next(g for g in m.groups() if g)
            parts = _PLACEHOLDER.split(text)
            regex = r".+?".join(re.escape(p.strip()) for p in parts)
            if not re.search(r"\w", regex):
                continue
            if len(parts) == 1:  # no placeholder: a phrase the title holds, read as words (TitleText)
                if pattern == _TITLE_CONTAINS and not re.search(r"\b(?:follow|form|like|match)", m[0], re.I):
                    continue
                test = TitleText.of([text])
                q.blank(m.start(), m.end())
                found.append(_condition(test, [text], False))
                continue
            q.blank(m.start(), m.end())
            compiled = re.compile(regex.replace(r"\ ", r"\s+"), re.I)
            found.append(Condition("title", text, f"title: like '{text}'",
                                   lambda p, c=compiled: c.search(p.title) is not None))
    return found


# What a title is said to hold, and where. The verbs a question uses for a title's words ('titles that mention',
# 'spell out', 'talk about', 'use the abbreviation'), for its start and for its end.
_HAS = r"contain(?:s|ed|ing)?|includ(?:e|es|ed|ing)|incl\.?|w/|mention(?:s|ed|ing)?|say(?:s|ing)?|said|use[sd]?|using|read(?:s|ing)?|" \
       r"ha(?:ve|s|ving)|carr(?:y|ies|ying)|featur(?:e|es|ed|ing)|print(?:s|ed|ing)?|with|talk(?:s|ed|ing)?\s+about|" \
       r"refer(?:s|red|ring)?\s+to|spell(?:s|ed|ing)?\s+out|spelt\s+out|spell(?:s|ed|ing)?|spelt|(?:writ(?:e|es|ing|ten)|wrote)\s+out|" \
       r"writ(?:e|es|ing)|bear(?:s|ing)?|show(?:s|ed|ing)?|referenc(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|invok(?:e|es|ed|ing)|" \
       r"nam(?:e|es|ed|ing)|ma(?:ke|kes|de|king)\s+(?:a\s+)?(?:reference|mention)s?\s+(?:to|of)|without"
_STARTS = r"(?:start|begin|open|lead)(?:s|ed|ing)?(?:\s+off)?\s+(?:with|w/)|began\s+with|begun\s+with"
_ENDS = r"(?:end|finish|close)(?:s|ed|ing)?\s+(?:with|in|on)"
_NOT = r"(?:(?:do|does|did)\s*n[o']?t\s+|never\s+|not\s+)"
# What the term is called: 'the word', 'the abbreviation', 'the article'.
_NOUN = r"(?:(?:the|an?)\s+)?(?:(?:exact|whole|full)\s+)?(?:words?|phrases?|terms?|abbreviations?|acronyms?|articles?|strings?|" \
        r"letters?|tokens?|prefix(?:es)?|suffix(?:es)?|expressions?|nouns?|verbs?|adjectives?)\s+(?:(?:like|such\s+as|called|" \
        r"named)\s+)?"
_TITLE = r"(?:(?:the|their|its|his|her|a|whose|paper)\s+)?titles?"
# After the terms: how they may be printed.
_FORMS = r"(?:in\s+(?:some|any|one)\s+(?:of\s+its\s+)?(?:form|shape|variant)s?(?:\s+or\s+(?:another|other))?|" \
         r"or\s+(?:its|their|any)\s+(?:variants|derivatives|forms|relatives)|or\s+(?:any\s+)?(?:related|similar|derived)\s+" \
         r"(?:words|forms)|(?:and|or)\s+(?:its|their)\s+(?:variants|derivatives|forms)|in\s+(?:all|any)\s+(?:its|their)\s+forms)"
# How the terms may be spelled: 'in any spelling', 'with or without a hyphen', 'hyphenated or not' (TitleText.joined).
_SPELLING = r"(?:(?:in\s+|under\s+)?(?:any|either|every|all|both|some|one)\s+(?:of\s+(?:its|their|the)\s+)?spellings?|" \
            r"(?:with|w/)\s+or\s+without\s+(?:an?\s+|the\s+)?(?:hyphens?|dash(?:es)?|spaces?)(?:\s+or\s+(?:an?\s+)?" \
            r"(?:hyphens?|dash(?:es)?|spaces?))?|with\s+(?:an?\s+|the\s+)?(?:hyphens?|dash(?:es)?|spaces?)\s+or\s+without(?:\s+(?:it|one))?|(?:hyphenated|joined|split)\s+or\s+(?:not|unhyphenated|split|joined)|" \
            r"however\s+(?:it(?:'s|\s+is)\s+|they(?:'re|\s+are)\s+)?(?:spelled|spelt|written|hyphenated)|" \
            r"(?:spelled|spelt|written)\s+(?:any|either|every)\s+way)"
_PLAIN = r"(?:spel(?:led|t)\s+out|written\s+out|in\s+full|fully|verbatim|somewhere|anywhere|at\s+all|as\s+an?\s+(?:whole\s+)?" \
         r"(?:word|term|abbreviation|acronym|short\s+form)|(?:with|in)\s+(?:that|this)\s+(?:exact\s+)?(?:spelling|form)|" \
         r"(?:rather\s+than|instead\s+of)\s+(?:abbreviat|shorten)\w*(?:\s+(?:it|them))?)"
# A term as the subject: "where 'agent' appears", "the word X shows up in the title", "'RL' is used in which titles".
_APPEARS = r"(?:appear(?:s|ed|ing)?|show(?:s|ed|ing)?\s+up|turn(?:s|ed|ing)?\s+up|crop(?:s|ped|ping)?\s+up|" \
           r"occur(?:s|red|ring)?|(?:is|are|was|were|gets?|got)\s+(?:used|mentioned|printed|written|spelled|spelt|found))"
_IN_TITLE = rf"(?:\s+{_APPEARS})?(?:\s+(?:anywhere|somewhere))?\s+(?:(?:in|within|inside)\s+(?:{_TITLE}|(?:which|what|any)\s+" \
            rf"titles?)\b|in\s+(?=how\s+many\s+titles?\b)|in\s+(?:them|it|'?em)(?!\w))"
# Words a parenthesis after the terms may hold besides the terms' own forms: '(multi-agent counts too)', '(zero-shot,
# zero data etc)'.
_ASIDE = set("too also counts count counted included includes including etc e g i eg ie e.g i.e like such as forms form "
             "variants variant spellings spelling plural plurals singular either way both cases case insensitive "
             "sensitive matter matters doesn't don't ignore ignoring upper lower uppercase lowercase capitals "
             "capitalised capitalized capitalisation capitalization".split())
_QUOTED = r"(?<!\w)'([^']{1,80})'(?!\w)|\"([^\"]{1,80})\""
# What a quoted term is said to be, after it: "a 'Self-' compound", "the 'all you need' phrasing".
_WHAT_QUOTED = r"[\s-]*(?:compounds?|prefix(?:es)?|prefixed\s+words?|phrasings?|wordings?|patterns?|formulas?|" \
               r"formulations?|constructions?|templates?|tropes?|formats?|phrases?|expressions?|words?|terms?|strings?)\b"


def title_words(q: Question, titles: list[str]) -> list[Condition]:
    """Words a question says a title holds, starts or ends with: 'titles that mention imitation (learning)', 'with
    agent/agents in the title', 'titles starting with the article A', "spell out 'reinforcement learning' in full",
    "'efficient' in some form", 'state space model papers (by title)'. Quoted terms are taken as said; an unquoted
    term must be printed in some title of the catalog (else nothing is taken, and the question stays a topic). The
    terms said again elsewhere in the question ('the robotics papers — titles saying robot or robotic') restate the
    condition and are cut too. Conditions compose with the rest of the question (count, list, sort, other fields)."""
    if not re.search(r"title", q.text, re.I):
        return []  # every reading needs titles said (most questions: one search)
    found = []
    for pattern, in_title in _READERS:
        for m in list(re.finditer(pattern, q.text, re.I)):
            if q.text[m.start():m.end()] != q.folded[m.start():m.end()]:
                continue  # part of it already taken
            verb = m["verb"].casefold()
            where = "starts" if re.search(r"start|begin|began|begun|open|lead|first", verb) else \
                "ends" if re.search(r"\b(?:end|finish|clos|last|final)", verb) else "has"
            if where != "has" and not re.search(r"\btitle", q.text[max(0, m.start() - 60):m.end() + 60], re.I):
                continue  # 'the first word' of something else
            # 'titles about continual learning': a topic said unquoted, read as 'continual-learning titles' is
            # (rag/plan_title_topics.titled): its words in order, one word allowed between
            topic = verb == "about" and not re.match(r"\s*(?:the\s+)?['\"‘“]", q.text[m.end():])
            read = _terms(q.text, m.end(), titles, in_title, where != "has")
            if read is None:
                continue
            groups, end, forms, joined = read
            if at := re.match(r"\s+(?:as|is|being)\s+(?:its|their|the|a)\s+(?:(first|opening)|last|final|closing)\s+"
                              r"words?\b", q.text[end:], re.I):  # "has 'Learning' as its first word"
                where, end = "starts" if at[1] else "ends", end + at.end()
            place = m.span("place") if m.groupdict().get("place") else (m.end(), m.end())
            q.blank(m.start(), place[0])  # the place is left for its own reader ('on the trending page')
            q.blank(place[1], end)
            # 'the letters RL', 'the string GPT': inside words too ('RLHF', 'MapGPT'), not whole words
            inside = re.search(r"\b(?:sub)?strings?\b|\bletters?\b|\bcharacters?\b", q.folded[m.start():end], re.I)
            for i, (terms, negated) in enumerate(groups):  # 'both A and B', 'A but not B', 'neither A nor B'
                test = TitleText.of(terms, where, forms, joined, spread=topic)
                negated = negated != (i == 0 and (bool(m["neg"]) or verb == "without"))
                found.append(letters(terms, where, negated) if inside else _condition(test, terms, negated))
                _restated(q, test, titles)
    found += by_title(q, titles)
    if found:  # 'the policy gradient papers, i.e. titles that say gradient': the marker that joins the restatement
        q.take(r"(?<!\w)(?:i\.\s?e\.|e\.\s?g\.|viz\.)(?!\w)|\bnamely\b")
    return found + title_marks(q)


# Where the titles are, said between 'titles' and the verb: 'titles anywhere in the library that mention X'.
_WHOLE = r"(?:\s+(?:anywhere\s+|somewhere\s+)?(?:in|of|on|across|throughout)\s+(?:the\s+|my\s+|our\s+|this\s+)?" \
         r"(?:whole\s+|entire\s+)?(?:library|collection|catalog(?:ue)?|corpus|database))"
# Where the titles are, left for the other readers: 'titles on the trending page that mention X', 'titles in my PDFs'.
_PLACE = r"(?P<place>\s+(?:on|in|from|of|across|among|within|under|by|at)\s+(?:[^,;:?!()'\"]|'s\b){1,40}?)"
# Going down a page, the title the reader comes to: 'the first title you hit that mentions X' (rag/plan_order.py).
_MEET = r"\s+(?:that\s+)?(?:you|one|i|we)(?:'d|'ll|\s+would|\s+will)?\s+(?:hit|reach|meet|see|spot|find|encounter|" \
        r"get\s+to|come\s+(?:across|to|upon)|run\s+(?:into|across))"
_READERS = [
    # 'titles that mention X', 'whose title starts with X', 'title in the library that begins with the word X'
    (rf"(?:\b(?:going|judging|judged|based)\s+(?:by|on)\s+)?\b{_TITLE}(?:{_WHOLE}|{_PLACE})?(?:{_MEET})?(?:\s+(?:that|which))?"
     rf"(?:\s+(?:all|also|actually|both|literally|explicitly|really|even|specifically|directly|ever))?"
     rf"\s+(?P<neg>{_NOT})?"
     rf"(?P<verb>{_STARTS}|{_ENDS}|{_HAS}|(?:are|is)\s+(?:starting|beginning|opening|ending|finishing)\s+(?:with|in)|"
     rf"where|in\s+which|abbreviat(?:e|es|ed|ing)\s+(?:[^\s,;?]+\s+){{1,4}}?as)\s+(?:{_NOUN})?", False),
    # "titles whose first word is 'Learning'", "a title's last word being X"
    (rf"\b(?:{_TITLE}(?:'s)?\s+)?(?:whose\s+|with\s+(?:the|a|an)\s+|the\s+)?(?P<verb>first|opening|last|final|closing)\s+"
     rf"words?(?:\s+of\s+{_TITLE})?\s+(?P<neg>is\s+not|isn't)?(?:is|being|was|reads|=)?\s*", False),
    # 'with X in the title', 'use the abbreviation X in their title', "spelled out in its title"
    (rf"\b(?:that\s+)?(?P<neg>{_NOT})?(?P<verb>{_HAS})\s+(?:{_NOUN})?", True),
    # "(the word 'continual' in the title)", "the term X appears in which titles", "any 'memory' in the titles"
    (rf"(?<![\w'])(?P<neg>(?!))?(?P<verb>)(?:{_NOUN}|(?=['\"]))", True),
    # 'diverse in the title?', '(grounded/grounding in title)', 'games in titles - ...': the terms open the question or
    # a clause (after a bracket, colon, dash or question mark), with no verb or noun before them; 'in the title' after
    # them is required (in_title), and an unquoted term must be printed in some title, as for every reader
    (r"(?:^|(?<=[(:;?,—–])|(?<=\s-))\s*(?P<neg>(?!))?(?P<verb>)(?=['\"‘“]?[^\W\d_])", True),
    # 'titles about reasoning': last, so that a restatement read above ("about continual learning (the word
    # 'continual' in the title)") has cut its topic already; an unquoted topic must be printed in some title
    (rf"\b{_TITLE}(?:{_WHOLE}|{_PLACE})?(?:\s+(?:that|which))?\s+(?:(?:are|is|were|was)\s+)?(?:all\s+)?(?P<neg>)"
     rf"(?P<verb>about)\s+", False),
]


def _terms(text: str, at: int, titles: list[str], in_title: bool,
           edge: bool) -> tuple[list[tuple[list[str], bool]], int, bool, bool] | None:
    """The terms said from `at` on — quoted, or unquoted words no frame word interrupts — as groups: alternatives
    joined by 'or', '/', 'nor' or commas; groups joined by 'and' (each must hold) or 'but not' (must not); 'neither A
    nor B' one group that must not hold. Then how they may be printed ('in some form', 'spelled out'), an aside in
    parentheses, and, for a reader that needs it, 'in the title' after them. (groups, end of the span, any form, any
    spelling) or
    None when no term is said there, a term names a mark ('a colon': title_marks) or an unquoted term is printed in
    no title."""
    pos, groups, unquoted, comma = at, [([], False)], [], False
    if m := re.match(r"\s*(?:(neither)|both)\s+", text[pos:], re.I):
        groups, pos = [([], bool(m[1]))], pos + m.end()
    back = pos
    while True:
        pos += re.match(r"\s*(?:(?:the|an?|any)\s+(?=\S))?", text[pos:], re.I).end()
        if NAMED_AHEAD.match(text[pos:]):
            return None  # 'titles that contain a question mark': a character (title_marks), not a word
        if quoted := re.match(_QUOTED, text[pos:]):
            term = (quoted[1] or quoted[2]).replace("(s)", "").replace("(es)", "")
            pos += quoted.end()
            # "a 'Self-' compound", "the 'Multi' prefix": what the quoted part is, which says nothing more
            # "the 'all you need' phrasing": what the quoted words are, which says nothing more either
            pos += m.end() if (m := re.match(_WHAT_QUOTED, text[pos:], re.I)) else 0
        else:
            words = []
            while len(words) < 4 and (w := re.match(r"\s*([^\W_][\w.+&]*(?:-[\w.+&]+)*)", text[pos:])) and \
                    w[1].casefold() not in FRAME and w[1].casefold() not in ("or", "nor", "but", "rather", "instead") \
                    and \
                    not re.match(rf"\s*(?:{_PLAIN}|{_APPEARS})(?!\w)", text[pos:], re.I):
                words.append(w[1])
                pos += w.end()
            if not words and edge and (w := re.match(r"\s*([A-Z][a-z]*)\b(?!['-])", text[pos:])):
                words, pos = [w[1]], pos + w.end()  # 'titles that begin with On': a frame word, capitalised as printed
            if not words:
                pos = back  # a joining word with no term after it ('with RL and posted in 2025') is not the terms'
                break
            term = " ".join(words).rstrip(".")
            if comma and not any(TitleText.of([term])(t) for t in titles):
                pos = back  # 'titles containing unified, pdfs included': after a comma, words no title prints are the
                break       # next clause, not one more term (a term said with 'or' or '/' stays one, printed or not)
            unquoted.append(term)
            # 'imitation (learning)': a word the phrase may go on with, said as optional, does not narrow it
            optional = re.match(r"\s*\((s|es|[^\W\d_]+(?:\s+[^\W\d_]+)?)\)", text[pos:])
            pos += optional.end() if optional else 0
            groups[-1][0].extend(listed_forms(optional[1], [term]) if optional else [])  # '(or benchmarking)': a form
        groups[-1][0].append(term.strip())
        back = pos
        if re.match(rf"\s*,?\s*(?:{_FORMS}|{_SPELLING}|{_PLAIN})", text[pos:], re.I):
            break  # ', however it's spelled': how the terms may be printed, not another term
        comma = False
        if sep := re.match(r"\s*(?:,\s*(?:or\s+)?|\s+(?:and/)?or\s+|\s+nor\s+|\s*/\s*)(?=\S)", text[pos:], re.I):
            pos, comma = pos + sep.end(), sep[0].strip() == ","
        elif sep := re.match(rf"\s*,?\s+(?:rather\s+than|instead\s+of|as\s+opposed\s+to|not)\s+"
                             rf"(just\s+|only\s+|merely\s+|simply\s+)?(?:{_NOUN})?(?=\S)", text[pos:], re.I):
            # 'X rather than Y' / 'instead of Y': Y must not hold; 'rather than just Y': a contrast, no condition
            groups.append(([], None if sep[1] else True))
            pos += sep.end()
        elif sep := re.match(rf"\s*,?\s+(?:and|but)\s+(?:(not|no|never)\s+|also\s+)?(?:{_NOUN})?(?=\S)", text[pos:], re.I):
            if not sep[0].strip().casefold().startswith("but") or sep[1]:
                groups.append(([], bool(sep[1])))
                pos += sep.end()
            else:
                break
        else:
            break
    if not groups[0][0] or any(not TitleText.of([t]).phrases for g in groups for t in g[0]):
        return None
    groups = [g for g in groups if g[0] and g[1] is not None]
    if len(groups) == 1 and not groups[0][1]:  # 'continual learning' -> 'continual'; not in a contrast ('RL but not …')
        topics = {t: topical(t, titles) for t in unquoted}
        groups, unquoted = [([topics.get(t, t) for t in groups[0][0]], False)], list(topics.values())
    said = [t for g in groups for t in g[0]]
    # two forms of one word as the alternatives ('diversity / diverse', 'grounded/grounding'): the word in any form
    forms, joined, said_in_title = any(one_family(g[0]) for g in groups), False, not in_title
    for _ in range(5):  # modifiers, an aside, a restatement and 'in the title', in the order said
        if m := re.match(rf"\s*,?\s*{_FORMS}", text[pos:], re.I):
            forms, pos = True, pos + m.end()
        elif m := re.match(rf"\s*,?\s*\(?\s*{_SPELLING}\s*\)?", text[pos:], re.I):
            joined, pos = True, pos + m.end()
        elif m := re.match(rf"\s*,?\s*{_PLAIN}", text[pos:], re.I):
            pos += m.end()
        elif (m := re.match(r"\s*\(([^()]{1,120})\)", text[pos:])) and _aside(m[1], said):
            joined, pos = joined or bool(re.search(_SPELLING + r"|\bspell", m[1], re.I)), pos + m.end()
            groups[0][0].extend(listed_forms(m[1], said) if len(groups) == 1 else [])  # '(robot / robotic)'
        elif m := re.match(PART_OF_SPEECH, text[pos:], re.I):
            pos += m.end()  # '- the noun,'
        elif skip := excluded_forms(text[pos:], said, forms, joined):
            pos += skip  # "? not 'generalized' or 'generalist'": forms the term does not match anyway
        elif m := _restatement(text, pos, said):
            pos = m
        elif listed := examples(text, pos, said, titles):  # '- atari, game theory, that kind of thing'
            pos, more = listed
            groups[0][0].extend(more)
            unquoted.extend(more)
        elif m := re.match(_IN_TITLE, text[pos:], re.I):
            said_in_title, pos = True, pos + m.end()
        elif not in_title and (m := re.match(rf"\s+{_APPEARS}(?:\s+(?:anywhere|somewhere))?", text[pos:], re.I)):
            pos += m.end()  # "titles where 'agent' shows up"
        elif (m := re.match(rf"\s+{_APPEARS}(?:\s+in)?(?=\W*$)", text[pos:], re.I)) and \
                re.search(r"\btitles?\s+(?:does|do|did|can|will|would)\b", text[:at], re.I):
            said_in_title, pos = True, pos + m.end()  # 'how many titles does the word X appear in?'
        else:
            break
    if not said_in_title:
        return None
    if re.match(r"\s*,?\s*(?:or|and(?:/or)?|/)\s+(?:in\s+)?(?:the\s+|its\s+|their\s+)?(?:abstracts?|summar(?:y|ies)|text|body|"
                r"keywords|contents?|full\s+text)\b", text[pos:], re.I):
        return None  # 'in the title or abstract': more than the title is searched, which is retrieval's
    printed = {t for t in unquoted if any(TitleText.of([t], forms=forms, joined=joined)(title) for title in titles)}
    if any(t not in printed and not _variant(t, printed, groups) for t in unquoted):
        return None  # an unquoted word no title prints is the question's topic, not a title's wording
    return groups, pos, forms, joined


def _variant(term: str, printed: set[str], groups: list[tuple[list[str], bool]]) -> bool:
    """Whether an unprinted term is an alternative to a printed one of its group that shares a word with it ('continual
    learning / continual RL': 'continual RL' is printed nowhere, 'continual' is): one topic said two ways."""
    words = set(casefolded_words(term))
    return any(term in g and any(o in printed and words & set(casefolded_words(o)) for o in g) for g, _ in groups)


def _restatement(text: str, at: int, terms: list[str]) -> int | None:
    """The end of the terms said again after a dash or colon ("representation(s) — 'Representation' or
    'Representations' anywhere in the title"): every item restates one of the terms, so it adds no condition."""
    m = re.match(r"\s*(?:[—–:]|--|-(?=\s))\s*((?:'[^']{1,80}'|\"[^\"]{1,80}\"|[^\W_][\w-]*)(?:\s*(?:,|/|\bor\b|\band\b)\s*"
                 r"(?:'[^']{1,80}'|\"[^\"]{1,80}\"|[^\W_][\w-]*))*)", text[at:], re.I)
    if not m:
        return None
    test = TitleText.of(terms, forms=True)
    items = [i.strip("'\" ") for i in re.split(r"\s*(?:,|/|\bor\b|\band\b)\s*", m[1]) if i.strip("'\" ")]
    if not items or not all(all(test.restates(w) for w in casefolded_words(i)) for i in items):
        return None
    return at + m.end()


def _aside(text: str, terms: list[str]) -> bool:
    """'(multi-agent counts too)', '(zero-shot, zero data etc)', '(efficient, efficiency, data-efficient)': words that
    only repeat the terms in other forms or say that they count."""
    test = TitleText.of(terms, forms=True)
    items = [casefolded_words(item) for item in re.split(r"[,;]|\s+or\s+", text)]
    return all(any(test.restates(w) for w in item) or all(w in FRAME or w in _ASIDE for w in item) for item in items)
