"""The German opt-out families (one module each), their guards and shared words. Patterns
read the canonical text, which drops the umlauts' dots and writes "ß" as "ss" ("Hören Sie
auf" reads "horen sie auf", "löschen" reads "loschen"); people who type "oe" for "ö" are
read too."""
