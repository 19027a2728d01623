"""The Vietnamese opt-out families, their guards. Patterns read the canonical text, which
drops the tone marks but keeps "đ" ("đừng nhắn tin" reads "đung nhan tin")."""
