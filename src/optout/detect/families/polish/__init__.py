"""The Polish opt-out families (one module each), their guards and shared words. Patterns
read the canonical text, which drops the accents but keeps "ł" ("wysyłać" reads "wysyłac",
"usuń mój numer" reads "usun moj numer"); people who type without Polish letters write "l",
so the patterns take both."""
