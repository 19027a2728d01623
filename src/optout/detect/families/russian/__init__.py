"""The Russian opt-out families (one module each), their guards and shared words. Patterns
read the canonical text, where "й" reads "и" and "ё" reads "е" ("мой номер" reads "мои
номер", "присылайте" reads "присылаите"). Russian has no \\b for patterns to trust around
Cyrillic and Latin mixed, so they mark word edges with (?<!\\w) and (?!\\w)."""
