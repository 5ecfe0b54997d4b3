"""arXiv subject codes and their names, so a page's 'LG' is also 'Machine Learning' to a question.

The codes are the ones arXiv lists (https://arxiv.org/category_taxonomy); listing pages drop the
'cs.' prefix, so both 'LG' and 'cs.LG' are read.
"""

from __future__ import annotations

ARXIV_NAMES = {
    "AI": "Artificial Intelligence", "AR": "Hardware Architecture", "CC": "Computational Complexity",
    "CE": "Computational Engineering, Finance, and Science", "CG": "Computational Geometry",
    "CL": "Computation and Language", "CR": "Cryptography and Security",
    "CV": "Computer Vision and Pattern Recognition", "CY": "Computers and Society", "DB": "Databases",
    "DC": "Distributed, Parallel, and Cluster Computing", "DL": "Digital Libraries",
    "DM": "Discrete Mathematics", "DS": "Data Structures and Algorithms", "ET": "Emerging Technologies",
    "FL": "Formal Languages and Automata Theory", "GL": "General Literature", "GR": "Graphics",
    "GT": "Computer Science and Game Theory", "HC": "Human-Computer Interaction", "IR": "Information Retrieval",
    "IT": "Information Theory", "LG": "Machine Learning", "LO": "Logic in Computer Science",
    "MA": "Multiagent Systems", "MM": "Multimedia", "MS": "Mathematical Software", "NA": "Numerical Analysis",
    "NE": "Neural and Evolutionary Computing", "NI": "Networking and Internet Architecture",
    "OS": "Operating Systems", "PF": "Performance", "PL": "Programming Languages", "RO": "Robotics",
    "SC": "Symbolic Computation", "SD": "Sound", "SE": "Software Engineering", "SI": "Social and Information Networks",
    "SY": "Systems and Control", "AS": "Audio and Speech Processing", "IV": "Image and Video Processing",
    "STAT.ML": "Machine Learning (Statistics)", "ML": "Machine Learning (Statistics)",
    "MES-HALL": "Mesoscale and Nanoscale Physics", "STAT-MECH": "Statistical Mechanics",
    "SOFT": "Soft Condensed Matter", "DIS-NN": "Disordered Systems and Neural Networks",
    "QUANT-PH": "Quantum Physics", "NC": "Neurons and Cognition", "OC": "Optimization and Control",
}  # fmt: skip

# Categories outside cs whose short code means something else in cs (math.DS is not cs.DS), read from an arXiv
# stamp by their full code.
FULL_NAMES = {
    "STAT.ME": "Methodology", "STAT.TH": "Statistics Theory", "STAT.CO": "Computation", "STAT.AP": "Applications",
    "MATH.ST": "Statistics Theory", "MATH.PR": "Probability", "MATH.DS": "Dynamical Systems",
    "MATH.NA": "Numerical Analysis", "MATH.IT": "Information Theory", "MATH.OC": "Optimization and Control",
    "EESS.SP": "Signal Processing", "EESS.AS": "Audio and Speech Processing", "EESS.IV": "Image and Video Processing",
    "EESS.SY": "Systems and Control", "Q-BIO.NC": "Neurons and Cognition", "PHYSICS.COMP-PH": "Computational Physics",
}  # fmt: skip

# Short names people use for a category as well as arXiv's full one.
ALIASES = {
    "computer vision": "CV", "game theory": "GT", "multiagent": "MA", "multi-agent systems": "MA",
    "multi agent systems": "MA", "nlp": "CL", "natural language processing": "CL",
    "mesoscale physics": "MES-HALL", "condensed matter": "MES-HALL",
}  # fmt: skip


def category_name(code: str | None) -> str | None:
    """'LG' -> 'Machine Learning'; None for a code arXiv does not list."""
    if not code:
        return None
    return FULL_NAMES.get(code.upper()) or ARXIV_NAMES.get(code.upper().removeprefix("CS.").removeprefix("COND-MAT."))


def arxiv_category_name(category: str | None) -> str | None:
    """A stamp's 'cs.CL' -> 'Computation and Language'; 'math.DS' -> 'Dynamical Systems' (not cs.DS's name)."""
    if not category:
        return None
    return category_name(category) if category.lower().startswith(("cs.", "cond-mat.")) or "." not in category \
        or category.upper() in FULL_NAMES or category.upper() in ARXIV_NAMES else None


def short_code(category: str | None) -> str | None:
    """The code listing pages print for an arXiv category: 'cs.CL' -> 'CL', 'stat.ML' -> 'ML',
    'cond-mat.mes-hall' -> 'MES-HALL', 'quant-ph' -> 'QUANT-PH'."""
    if not category:
        return None
    if category.upper() in FULL_NAMES:
        return category  # 'math.DS' stays whole: 'DS' on a listing means cs.DS
    return category.rsplit(".", 1)[-1].upper()


def names_for(code: str) -> list[str]:
    """Every name a question may use for a code: arXiv's name and the short aliases."""
    names = [n for n in [category_name(code)] if n]
    return names + [alias for alias, c in ALIASES.items() if c == code.upper()]
