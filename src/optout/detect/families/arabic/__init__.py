"""The Arabic opt-out families (one module each), their guards and shared words, in Modern
Standard Arabic and the commonest dialects. Patterns read the canonical text, where the
vowel marks are dropped and the hamza forms fold ("إرسال" reads "ارسال", "الرسائل" reads
"الرسايل", "خطأ" reads "خطا"). Arabic joins "و" (and) and "ب" (with) to the next word, so
the patterns mark word edges with (?<!\\w) only where no such prefix is expected."""
