"""Which printed e-mail address is one author's (rag/authors.email_of): the local part spells the name as prefixes of
its parts in order, unambiguously, and says the name — a part to three letters or more (or a whole two-letter part),
or every initial and nothing else — so a generic address a few letters of each part also spell is nobody's. Names and
addresses made up for this file, beside the spellings the shared PDFs print. A small pure unit: no index, no model.
"""

from __future__ import annotations

import pytest

from rag.authors import email_of


@pytest.mark.parametrize("name, emails, expected", [
    # a generic address spelled by one or two letters of each part (info and admin were taken on f41fdd3)
    ("Ingrid Nora Foster", ["info@lab.org"], None),
    ("Ada Dunn Mills Ingram", ["admin@lab.org", "help@lab.org"], None),
    ("Oliver Frank Field", ["office@uni.edu"], None),
    ("Ingrid N. Foster", ["info@lab.org"], None),  # an initial spelled whole is still one letter
    # the spellings the PDFs print, and more made up: still the author's
    ("Patrick Lewis", ["plewis@fb.com", "ledell@fb.com"], "plewis@fb.com"),
    ("Benjamin Charles Germain Lee", ["bcgl@cs.washington.edu", "shannons@cs.washington.edu"], "bcgl@cs.washington.edu"),
    ("Vladimir Karpukhin", ["vladk@fb.com", "barlaso@fb.com"], "vladk@fb.com"),
    ("Danqi Chen", ["danqic@cs.princeton.edu"], "danqic@cs.princeton.edu"),
    ("Ledell Wu", ["lwu@fb.com"], "lwu@fb.com"),
    ("Ingrid Nora Foster", ["info@lab.org", "ifoster@lab.org"], "ifoster@lab.org"),
    ("Ingrid Nora Foster", ["inf@lab.org"], "inf@lab.org"),  # every initial, in order
])
def test_an_address_is_an_author_s_only_when_it_says_the_name(name, emails, expected):
    assert email_of(name, emails) == expected
