"""Vocabulary the Korean patterns share."""

from __future__ import annotations

MESSAGES = r"(?:문자|메세지|메시지|메쎄지|톡|카톡|sms|광고 ?문자|광고|연락)"
"""Texts, messages, chats, ads, contact."""
TEXTS = r"(?:문자|메세지|메시지|메쎄지|sms|광고 ?문자|광고)"
"""Texts and ads, not contact: "연락 필요 없어" is also "no need to call, I'm coming"."""
PARTICLE = r"(?: ?(?:를|을|은|는|도|좀|이|가))?"
"""The particle a noun may carry, joined or apart ("문자를", "문자 좀")."""
PLEASE = r"(?: ?(?:좀|제발))?"
REMOVING = r"(?:삭제|지워|지우|빼|제외)"
"""Delete, erase, take out."""
ASKED = r"(?:해 ?주|해주|세요|주세요|주십시오|줘|주시|부탁|요청|하세요|해라|해 ?줘|해요|바랍니다)"
"""What ends a request ("삭제해 주세요", "지워줘", "빼 주세요", "삭제 부탁드립니다")."""
NUMBER = (
    r"(?:제 ?번호|내 ?번호|저의 ?번호|제 ?전화 ?번호|내 ?전화 ?번호|이 ?번호|제 ?연락처|내 ?연락처)"
)
"""My number, this number, my contact."""
LIST = r"(?:명단|목록|리스트|명부|수신 ?목록|발송 ?목록|수신자 ?목록|데이터베이스|db)"
