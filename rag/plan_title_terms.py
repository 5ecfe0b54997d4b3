"""The terms a title is said to hold, start or end with, read after the verb or noun that says so (rag/plan_titles.py):
quoted or unquoted, joined by 'or', '/', 'and', 'but not', 'rather than'; then how they may be printed ('in some form',
'with or without a hyphen', 'spelled out'), an aside in parentheses, a restatement, examples, and 'in the title'.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import FRAME
from rag.plan_title_examples import examples
from rag.plan_title_forms import PART_OF_SPEECH, excluded_forms, listed_forms, topical
from rag.plan_title_marks import NAMED_AHEAD, shape_template
from rag.plan_title_text import TitleText, casefolded_words, one_family

# What the term is called: 'the word', 'the abbreviation', 'the article'.
NOUN = r"(?:(?:the|an?)\s+)?(?:(?:exact|whole|full)\s+)?(?:words?|phrases?|terms?|abbreviations?|acronyms?|articles?|strings?|" \
       r"letters?|tokens?|prefix(?:es)?|suffix(?:es)?|expressions?|nouns?|verbs?|adjectives?)\s+(?:(?:like|such\s+as|called|" \
       r"named)\s+)?"
# A paper's name is its title: 'paper names that contain X', 'papers whose name includes X' (never a person's name).
TITLE = r"(?:(?:(?:the|their|its|his|her|a|whose|paper)\s+)?titles?|(?<=\bpaper\s)names?\b|" \
        r"(?<=\bpapers\s)whose\s+names?\b|(?<=\bentries\s)whose\s+names?\b)"
# After the terms: how they may be printed.
_FORMS = r"(?:in\s+(?:some|any|one)\s+(?:of\s+its\s+)?(?:form|shape|variant)s?(?:\s+or\s+(?:another|other))?|" \
         r"or\s+(?:its|their|any)\s+(?:variants|derivatives|forms|relatives)|or\s+(?:any\s+)?(?:related|similar|derived)\s+" \
         r"(?:words|forms)|(?:and|or)\s+(?:its|their)\s+(?:variants|derivatives|forms)|in\s+(?:all|any)\s+(?:its|their)\s+forms)"
# How the terms may be spelled: 'in any spelling', 'with or without a hyphen', 'hyphenated or not' (TitleText.joined).
_SPELLING = r"(?:(?:in\s+|under\s+)?(?:any|either|every|all|both|some|one)\s+(?:of\s+(?:its|their|the)\s+)?spellings?|" \
            r"(?:with|w/)\s+or\s+without\s+(?:an?\s+|the\s+)?(?:hyphens?|dash(?:es)?|spaces?)(?:\s+or\s+(?:an?\s+)?" \
            r"(?:hyphens?|dash(?:es)?|spaces?))?|with\s+(?:an?\s+|the\s+)?(?:hyphens?|dash(?:es)?|spaces?)\s+or\s+without(?:\s+(?:it|one))?|(?:hyphenated|joined|split)\s+or\s+(?:not|unhyphenated|split|joined)|" \
            r"(?:an?\s+)?(?:hyphens?|dash(?:es)?)\s+or\s+(?:not|none|no)|" \
            r"however\s+(?:it(?:'s|\s+is)\s+|they(?:'re|\s+are)\s+)?(?:spelled|spelt|written|hyphenated)|" \
            r"(?:spelled|spelt|written)\s+(?:any|either|every)\s+way)"
_PLAIN = r"(?:spel(?:led|t)\s+out|written\s+out|in\s+full|fully|verbatim|somewhere|anywhere|at\s+all|" \
         r"as\s+(?:its|their)\s+own\s+(?:word|term|token)s?|as\s+an?\s+(?:(?:whole|standalone|stand-alone|separate)\s+)?" \
         r"(?:word|term|token|abbreviation|acronym|short\s+form)|(?:with|in)\s+(?:that|this)\s+(?:exact\s+)?(?:spelling|form)|" \
         r"(?:rather\s+than|instead\s+of)\s+(?:abbreviat|shorten)\w*(?:\s+(?:it|them))?)"
# A verb of holding said again before the next term: "say 'Offline' and also spell out 'Reinforcement Learning'".
_AGAIN = r"(?:also\s+)?(?:say|says|mention|mentions|contain|contains|include|includes|use|uses|have|has|carry|carries|" \
         r"spell(?:s)?\s+out|write(?:s)?\s+out|feature|features)"
# A term as the subject: "where 'agent' appears", "the word X shows up in the title", "'RL' is used in which titles".
_APPEARS = r"(?:appear(?:s|ed|ing)?|show(?:s|ed|ing)?\s+up|turn(?:s|ed|ing)?\s+up|crop(?:s|ped|ping)?\s+up|" \
           r"occur(?:s|red|ring)?|(?:is|are|was|were|gets?|got)\s+(?:used|mentioned|printed|written|spelled|spelt|found))"
_IN_TITLE = rf"(?:\s+{_APPEARS})?(?:\s+(?:anywhere|somewhere))?\s+(?:(?:in|within|inside)\s+(?:{TITLE}|(?:which|what|any)\s+" \
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


def terms_said(text: str, at: int, titles: list[str], in_title: bool,
               edge: bool) -> tuple[list[tuple[list[str], bool]], int, bool, bool] | None:
    """The terms said from `at` on — quoted, or unquoted words no frame word interrupts — as groups: alternatives
    joined by 'or', '/', 'nor' or commas; groups joined by 'and' (each must hold) or 'but not' (must not); 'neither A
    nor B' one group that must not hold. Then how they may be printed ('in some form', 'spelled out'), an aside in
    parentheses, and, for a reader that needs it, 'in the title' after them. (groups, end of the span, any form, any
    spelling) or
    None when no term is said there, a term names a mark ('a colon': title_marks) or an unquoted term is printed in
    no title."""
    pos, groups, unquoted, comma = at, [([], False)], [], False
    if m := rx.match(r"\s*(?:(neither)|both)\s+", text[pos:], re.I):
        groups, pos = [([], bool(m[1]))], pos + m.end()
    back = pos
    while True:
        pos += rx.match(r"\s*(?:(?:the|an?|any)\s+(?=\S))?", text[pos:], re.I).end()
        if NAMED_AHEAD.match(text[pos:]):
            return None  # 'titles that contain a question mark': a character (title_marks), not a word
        if quoted := rx.match(_QUOTED, text[pos:]):
            term = (quoted[1] or quoted[2]).replace("(s)", "").replace("(es)", "")
            if shape_template(term):
                return None  # "use the 'Name: subtitle' format": the mark it shows (title_marks), not words
            pos += quoted.end()
            # "a 'Self-' compound", "the 'Multi' prefix": what the quoted part is, which says nothing more
            # "the 'all you need' phrasing": what the quoted words are, which says nothing more either
            pos += m.end() if (m := rx.match(_WHAT_QUOTED, text[pos:], re.I)) else 0
        else:
            words = []
            while len(words) < 4 and (w := rx.match(r"\s*([^\W_][\w.+&]*(?:-[\w.+&]+)*)", text[pos:])) and \
                    w[1].casefold() not in FRAME and w[1].casefold() not in ("or", "nor", "but", "rather", "instead") \
                    and \
                    not rx.match(rf"\s*(?:{_PLAIN}|{_APPEARS})(?!\w)", text[pos:], re.I):
                words.append(w[1])
                pos += w.end()
            if not words and edge and (w := rx.match(r"\s*([A-Z][a-z]*)\b(?!['-])", text[pos:])):
                words, pos = [w[1]], pos + w.end()  # 'titles that begin with On': a frame word, capitalised as printed
            if not words and rx.search(r"\b(?:word|term)\s+$", text[:pos], re.I) and \
                    (w := rx.match(r"\s*([^\W_][\w-]*)\b(?!')", text[pos:])):
                words, pos = [w[1]], pos + w.end()  # 'the word Online': named a word, a frame word is the term
            if not words:
                pos = back  # a joining word with no term after it ('with RL and posted in 2025') is not the terms'
                break
            term = " ".join(words).rstrip(".")
            if comma and not any(TitleText.of([term])(t) for t in titles):
                pos = back  # 'titles containing unified, pdfs included': after a comma, words no title prints are the
                break       # next clause, not one more term (a term said with 'or' or '/' stays one, printed or not)
            unquoted.append(term)
            # 'imitation (learning)': a word the phrase may go on with, said as optional, does not narrow it
            optional = rx.match(r"\s*\((s|es|[^\W\d_]+(?:\s+[^\W\d_]+)?)\)", text[pos:])
            pos += optional.end() if optional else 0
            groups[-1][0].extend(listed_forms(optional[1], [term]) if optional else [])  # '(or benchmarking)': a form
        groups[-1][0].append(term.strip())
        # 'mention Zero (zero-shot, zero RL...) and spell out X': an aside of the term's forms, then more terms joined
        if (aside := rx.match(r"\s*\(([^()]{1,120})\)", text[pos:])) and _aside(aside[1], groups[-1][0]) and \
                rx.match(r"\s*,?\s+(?:and|but)\s", text[pos + aside.end():], re.I):
            groups[-1][0].extend(listed_forms(aside[1], groups[-1][0]))
            pos += aside.end()
        back = pos
        if rx.match(rf"\s*,?\s*(?:{_FORMS}|{_SPELLING}|{_PLAIN})", text[pos:], re.I):
            break  # ', however it's spelled': how the terms may be printed, not another term
        comma = False
        if sep := rx.match(r"\s*(?:,\s*(?:or\s+)?|\s+(?:and/)?or\s+|\s+nor\s+|\s*/\s*)(?=\S)", text[pos:], re.I):
            pos, comma = pos + sep.end(), sep[0].strip() == ","
        elif sep := rx.match(rf"\s*,?\s+(?:rather\s+than|instead\s+of|as\s+opposed\s+to|not)\s+"
                             rf"(just\s+|only\s+|merely\s+|simply\s+)?(?:{NOUN})?(?=\S)", text[pos:], re.I):
            # 'X rather than Y' / 'instead of Y': Y must not hold; 'rather than just Y': a contrast, no condition
            groups.append(([], None if sep[1] else True))
            pos += sep.end()
        elif sep := rx.match(rf"\s*,?\s+(?:and|but)\s+(?:(not|no|never|(?:do|does)\s*n[o']?t)\s+|also\s+)?"
                             rf"(?:{_AGAIN}\s+)?(?:{NOUN})?(?=\S)", text[pos:], re.I):
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
    spelled = rx.search(r"\b(?:spel(?:l|ls|led|ling|t)|writ(?:e|es|ten|ing)|wrote)\s+out\s+(?:the\s+)?$", text[:at], re.I)
    if len(groups) == 1 and not groups[0][1] and not spelled:  # 'continual learning' -> 'continual'; not in a contrast
        # ('RL but not …'), nor when the words are said to be spelled out: the phrase itself is asked
        topics = {t: topical(t, titles) for t in unquoted}
        groups, unquoted = [([topics.get(t, t) for t in groups[0][0]], False)], list(topics.values())
    said = [t for g in groups for t in g[0]]
    # two forms of one word as the alternatives ('diversity / diverse', 'grounded/grounding'): the word in any form
    forms, joined, said_in_title = any(one_family(g[0]) for g in groups), False, not in_title
    alternatives: list[str] = []  # forms listed in a restatement ('- explain / explanation(s)')
    for _ in range(5):  # modifiers, an aside, a restatement and 'in the title', in the order said
        if m := rx.match(rf"\s*,?\s*{_FORMS}", text[pos:], re.I):
            forms, pos = True, pos + m.end()
        elif m := rx.match(rf"\s*,?\s*\(?\s*{_SPELLING}\s*\)?", text[pos:], re.I):
            joined, pos = True, pos + m.end()
        elif m := rx.match(rf"\s*,?\s*{_PLAIN}", text[pos:], re.I):
            pos += m.end()
        elif (m := rx.match(r"\s*\??\s*\(([^()]{1,120})\)", text[pos:])) and _aside(m[1], said):  # '?' ends a chat clause
            joined = joined or bool(rx.search(_SPELLING + r"|\bspell", m[1], re.I)) or _spelled_apart(m[1], said)
            pos += m.end()
            groups[0][0].extend(listed_forms(m[1], said) if len(groups) == 1 else [])  # '(robot / robotic)'
        elif m := rx.match(PART_OF_SPEECH, text[pos:], re.I):
            pos += m.end()  # '- the noun,'
        elif skip := excluded_forms(text[pos:], said, forms, joined):
            pos += skip  # "? not 'generalized' or 'generalist'": forms the term does not match anyway
        elif restated := _restatement(text, pos, said):
            pos, more, unfamiliar = restated
            groups[0][0].extend(more if len(groups) == 1 else [])  # '- explain / explanation(s)': forms it lists
            unquoted.extend(unfamiliar if len(groups) == 1 else [])  # each must be printed, as every unquoted term
            alternatives.extend(more if len(groups) == 1 else [])  # a printed form lets the term said stand
        elif listed := examples(text, pos, said, titles):  # '- atari, game theory, that kind of thing'
            pos, more = listed
            groups[0][0].extend(more)
            unquoted.extend(more)
        elif m := rx.match(_IN_TITLE, text[pos:], re.I):
            said_in_title, pos = True, pos + m.end()
        elif not in_title and (m := rx.match(rf"\s+{_APPEARS}(?:\s+(?:anywhere|somewhere))?", text[pos:], re.I)):
            pos += m.end()  # "titles where 'agent' shows up"
        elif (m := rx.match(rf"\s+{_APPEARS}(?:\s+in)?(?=\W*$)", text[pos:], re.I)) and \
                rx.search(r"\btitles?\s+(?:does|do|did|can|will|would)\b", text[:at], re.I):
            said_in_title, pos = True, pos + m.end()  # 'how many titles does the word X appear in?'
        else:
            break
    if not said_in_title:
        return None
    if rx.match(r"\s*,?\s*(?:or|and(?:/or)?|/)\s+(?:in\s+)?(?:the\s+|its\s+|their\s+)?(?:abstracts?|summar(?:y|ies)|text|body|"
                r"keywords|contents?|full\s+text)\b", text[pos:], re.I):
        return None  # 'in the title or abstract': more than the title is searched, which is retrieval's
    printed = {t for t in unquoted + alternatives if any(TitleText.of([t], forms=forms, joined=joined)(title) for title in titles)}
    if any(t not in printed and not _variant(t, printed, groups) for t in unquoted):
        return None  # an unquoted word no title prints is the question's topic, not a title's wording
    return groups, pos, forms, joined


def _variant(term: str, printed: set[str], groups: list[tuple[list[str], bool]]) -> bool:
    """Whether an unprinted term is an alternative to a printed one of its group that shares a word with it ('continual
    learning / continual RL': 'continual RL' is printed nowhere, 'continual' is): one topic said two ways."""
    words = set(casefolded_words(term))
    heads = {w[:5] for w in words if len(w) >= 5}  # 'explaining' beside a printed 'explain' it was listed with
    return any(term in g and any(o in printed and (words & set(casefolded_words(o)) or
                                                   heads & {w[:5] for w in casefolded_words(o)}) for o in g)
               for g, _ in groups)


def _restatement(text: str, at: int, terms: list[str]) -> tuple[int, list[str], list[str]] | None:
    """(the end, the forms it lists, those of them outside the terms' word family) of the terms said again after a dash or colon ("representation(s) —
    'Representation' or 'Representations' anywhere in the title", 'explaining - explain / explanation(s)'): every item
    restates one of the terms, or is a form of it the word family misses but that starts as it does ('explain',
    'explanation' beside 'explaining': five letters or more in common at the start); those forms are alternatives."""
    item = r"(?:'[^']{1,80}'|\"[^\"]{1,80}\"|[^\W_][\w-]*(?:\((?:s|es)\))?)"
    m = rx.match(rf"\s*(?:[—–:]|--|-(?=\s))\s*({item}(?:\s*(?:,|/|\bor\b|\band\b)\s*{item})*)", text[at:], re.I)
    if not m:
        return None
    test = TitleText.of(terms, forms=True)
    items = [rx.sub(r"\((?:s|es)\)$", "", i.strip("'\" ")) for i in rx.split(r"\s*(?:,|/|\bor\b|\band\b)\s*", m[1])
             if i.strip("'\" ")]
    heads = {w[:5] for t in terms for w in casefolded_words(t) if len(w) >= 5}
    new = [i for i in items if not all(test.restates(w) for w in casefolded_words(i))]
    if not items or not all(len(w) >= 5 and w[:5] in heads for i in new for w in casefolded_words(i)):
        return None
    said = {casefolded_words(t) for t in terms}
    return at + m.end(), [i for i in dict.fromkeys(items) if casefolded_words(i) not in said], new  # each form counts


def _spelled_apart(text: str, terms: list[str]) -> bool:
    """'(fine-tuning / finetuning)': an item of the aside is a term with its hyphens or spaces dropped or put in, so
    the terms are asked in any spelling (TitleText's `joined`)."""
    squeezed = {rx.sub(r"[\s_-]+", "", t.casefold()): t.casefold() for t in terms}
    items = [i.strip(" '\"").casefold() for i in rx.split(r"[,/;]|\s+or\s+", text)]
    return any(squeezed.get(rx.sub(r"[\s_-]+", "", i), i) != i for i in items if i)


def _aside(text: str, terms: list[str]) -> bool:
    """'(multi-agent counts too)', '(zero-shot, zero data etc)', '(efficient, efficiency, data-efficient)': words that
    only repeat the terms in other forms or say that they count."""
    test = TitleText.of(terms, forms=True)
    items = [casefolded_words(item) for item in rx.split(r"[,;]|\s+or\s+", text)]
    return all(any(test.restates(w) or _spelled_apart(w, terms) for w in item) or all(w in FRAME or w in _ASIDE for w in item)
               for item in items)
