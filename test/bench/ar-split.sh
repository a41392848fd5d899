# ar-split: sentences against a perl one-liner that breaks after every run of
# . ! ? ؟ … followed by white space (no abbreviations, numbers or quotes), and
# tokens (-w) against a perl one-liner printing \w+ runs and single marks.
PERL_SPLIT='perl -CSD -pe '"'"'s/([.!?\x{061F}\x{2026}]+)\s+/$1\n/g'"'"
PERL_TOKENS='perl -CSD -nE '"'"'say for /\w+|[^\w\s]/g'"'"
row ar-split "$B/ant.txt" "ar-split" "perl" "$PERL_SPLIT"
row ar-split "$B/ant.txt" "ar-split -w" "perl" "$PERL_TOKENS"
