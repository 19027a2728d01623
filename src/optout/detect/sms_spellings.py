"""How texters spell words short ("u", "pls", "txt"): read as the words they stand for."""

from __future__ import annotations

SMS_SPELLINGS = {
    "u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks",
    "ty": "thank you", "msg": "message", "msgs": "messages", "txt": "text", "txts": "texts",
    "txting": "texting", "im": "i'm", "dont": "don't", "nvr": "never", "agn": "again",
    "bc": "because", "cuz": "because", "abt": "about", "ppl": "people", "b4": "before",
    "rn": "right now", "q": "que", "xq": "porque", "pq": "porque", "xfa": "por favor",
    "porfa": "por favor", "nt": "not", "enuf": "enough", "enuff": "enough", "srsly": "seriously",
}  # fmt: skip
"""SMS spellings and the words they stand for ("pls dont txt me", "ya no me escriban porfa")."""
