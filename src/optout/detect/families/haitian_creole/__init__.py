"""The Haitian Creole opt-out families (one module each), their guards and shared words.
Patterns read the canonical text, without accents ("ankò" reads "anko", "fè" reads "fe")."""
