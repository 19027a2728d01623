"""The Tagalog (and Taglish) opt-out families, their guards."""
