"""Stop texting, in Korean: "수신거부", "문자 보내지 마세요", "더 이상 연락하지 마세요"."""

from __future__ import annotations

from optout.detect.families.korean.words import MESSAGES, PARTICLE, PLEASE, TEXTS
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    r"수신 ?(?:거부|차단|해지|중지|중단)|구독 ?(?:취소|해지|해제|중지)|광고 ?(?:거부|사절)",
    rf"{MESSAGES}{PARTICLE}{PLEASE} ?(?:그만 ?(?:좀 ?)?(?:보내|받|$)|(?:보내|하|주|드리)지 ?(?:마|말))",
    r"(?:문자|연락|광고) ?(?:좀 ?)?그만 ?(?:좀 ?)?(?:해|하)",
    rf"더 ?이상 ?(?:{MESSAGES}{PARTICLE} ?)?(?:보내|하|주|드리)지 ?(?:마|말)",
    rf"{MESSAGES}{PARTICLE} ?(?:받기 ?싫|받고 ?싶지 ?않|안 ?받고 ?싶|원하지 ?않|받지 ?않겠|사절)",
    rf"{TEXTS}{PARTICLE} ?필요 ?없",
]
WEAK: list[str] = []
EXAMPLES = ("수신거부", "문자 보내지 마세요", "더 이상 연락하지 마세요", "광고 문자 그만 보내요")
