"""The Chinese opt-out families, their guards. Chinese has no spaces between words, so its
patterns hold no word boundaries."""
