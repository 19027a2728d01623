"""Stop texting, in Chinese: "退订" (the standard reply), "不要再发了", "请勿打扰"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    r"退订|退訂|取消订阅|取消訂閱",
    r"(?:不要|别|別|勿|不用|请勿|請勿)再?(?:给我|給我)?(?:发|發|传|傳|寄)(?:了|短信|簡訊|简讯|信息|訊息|消息)",
    r"请勿打扰|請勿打擾|别再打扰|別再打擾",
]
WEAK: list[str] = []
EXAMPLES = ("退订", "不要再发了", "请不要再给我发短信 thank you")
