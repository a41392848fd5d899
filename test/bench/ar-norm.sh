# ar-norm: default steps, against a perl one-liner doing the same default set
# (NFC, marks, tatweel, alef, yeh, teh marbuta, Persian, digits, presentation
# forms, ligatures, invisibles).
PERL_NORM='perl -CSD -MUnicode::Normalize -pe '"'"'$_ = NFC($_); $_ = NFKC($_) if /[\x{FB50}-\x{FDFF}\x{FE70}-\x{FEFF}]/; tr/\x{064B}-\x{065F}\x{0610}-\x{061A}\x{0670}\x{06D6}-\x{06ED}\x{0640}\x{200B}-\x{200F}\x{2060}\x{FEFF}\x{00AD}\x{061C}\x{202A}-\x{202E}\x{2066}-\x{2069}//d; tr/\x{0622}\x{0623}\x{0625}\x{0671}\x{0672}\x{0673}\x{0649}\x{0629}\x{06CC}\x{06D0}\x{06D1}\x{06D2}\x{06A9}\x{06C0}\x{06C1}\x{06C2}\x{06D5}\x{0660}-\x{0669}\x{06F0}-\x{06F9}\x{066B}\x{066C}/\x{0627}\x{0627}\x{0627}\x{0627}\x{0627}\x{0627}\x{064A}\x{0647}\x{064A}\x{064A}\x{064A}\x{064A}\x{0643}\x{0647}\x{0647}\x{0647}\x{0647}0-90-9.,/;'"'"
row ar-norm "$B/ant.txt" "ar-norm" "perl" "$PERL_NORM"
