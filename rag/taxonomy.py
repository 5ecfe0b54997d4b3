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
    return ARXIV_NAMES.get(code.upper().removeprefix("CS.").removeprefix("COND-MAT."))


def names_for(code: str) -> list[str]:
    """Every name a question may use for a code: arXiv's name and the short aliases."""
    names = [n for n in [category_name(code)] if n]
    return names + [alias for alias, c in ALIASES.items() if c == code.upper()]
