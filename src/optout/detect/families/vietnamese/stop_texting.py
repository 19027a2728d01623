"""Stop texting, in Vietnamese: "đừng nhắn tin cho tôi nữa", "hủy đăng ký"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    r"(?<!\w)[dđ]ung (?:nhan tin|gui tin|gui|nhan|goi|lam phien|lien lac)(?!\w)",
    r"(?<!\w)khong (?:muon|can) (?:nhan )?(?:tin nhan|tin|quang cao)(?: nua)?(?!\w)",
    r"(?<!\w)huy [dđ]ang ky(?!\w)",
    r"(?<!\w)khong (?:nhan tin|gui tin|gui|nhan) (?:\w+ )?nua(?!\w)",
]
WEAK: list[str] = []
EXAMPLES = (
    "đừng nhắn tin cho tôi nữa",
    "ko cần nữa, đừng gửi tin nữa",
    "hủy đăng ký",
    "không nhắn tin nữa",
)
