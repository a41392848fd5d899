# mkcomp.awk: write a bash completion function for a program from its own
# --help, so the completion never goes stale when options change:
#
#     ar-kwic --help | awk -v prog=ar-kwic -f completions/mkcomp.awk
#
# Option lines are the indented lines that start with "-" ("  -f, --file=FILE
# text", "      --collocates[=N]  text", "  -k LIST, --keep=LIST"); deeper
# indented lines continue the text above. Usage lines add what they name
# ("[--format=text|tsv|json]", "[-Hhpw]"). A value named like FILE or DIR
# completes file or directory names; a value whose choices are listed
# ("--format=a|b|c", or "text (default), tsv or json" in the option's text)
# completes those; other values (N, DATE, LIST) complete nothing. Operands
# complete file names. Exit 1 when the text lists no option.

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# add option NAME (as written: -f, --file) with argument kind HOW ("" none,
# "req", "opt") and value name META; the first sighting decides its place
function addopt(name, how, meta) {
	if (!(name in seen)) {
		seen[name] = ++nopt
		order[nopt] = name
	}
	if (how != "" && argof[name] == "") {
		argof[name] = how
		metaof[name] = meta
	}
	last[++nlast] = name
}

# one spec item: "-f", "--file=FILE", "--collocates[=N]", "--format=a|b"
function item(t,    name, meta, how) {
	name = t
	how = ""
	meta = ""
	if (t ~ /\[=/) {
		name = substr(t, 1, index(t, "[=") - 1)
		meta = substr(t, index(t, "[=") + 2)
		sub(/\].*$/, "", meta)
		how = "opt"
	} else if (index(t, "=")) {
		name = substr(t, 1, index(t, "=") - 1)
		meta = substr(t, index(t, "=") + 1)
		how = "req"
	}
	if (name !~ /^--?[A-Za-z0-9?][A-Za-z0-9-]*$/)
		return ""
	if (meta ~ /\|/) {
		if (!(name in choices))
			choices[name] = meta
	}
	addopt(name, how, meta)
	return how
}

# the choices an option's text lists: the first piece (between . : ;) that,
# without its parenthesized remarks, is two or more single words separated by
# commas or "or": "text (default), tsv or json; --tsv" gives "text|tsv|json"
function listed(d,    old, nseg, seg, i, n, w, j, ok, out) {
	do {
		old = d
		gsub(/\([^()]*\)/, "", d)
	} while (d != old)
	nseg = split(d, seg, /[.:;]/)
	for (i = 1; i <= nseg; i++) {
		s = seg[i]
		gsub(/ or /, ",", s)
		n = split(s, w, ",")
		if (n < 2)
			continue
		ok = 1
		out = ""
		for (j = 1; j <= n; j++) {
			w[j] = trim(w[j])
			if (w[j] !~ /^[a-z][a-z0-9-]*$/) {
				ok = 0
				break
			}
			out = out (j > 1 ? "|" : "") w[j]
		}
		if (ok)
			return out
	}
	return ""
}

# what a usage line names that the option lines did not: "[--ref=DATE]",
# "[--format=text|tsv|json]" (its choices), "[-Hhpw]", "[-k LIST]"
function usage(line,    f, nf, i, j, t, m) {
	nf = split(line, f, " ")
	for (i = 2; i <= nf; i++) {
		t = f[i]
		if (t !~ /^\[-/)
			continue
		gsub(/[][]/, "", t)
		sub(/\.\.\.$/, "", t)
		if (t ~ /^--/) {
			item(t)
		} else if (t ~ /^-[A-Za-z0-9]+$/ && f[i + 1] !~ /^[A-Z]+\]$/) {
			for (j = 2; j <= length(t); j++)
				addopt("-" substr(t, j, 1), "", "")
		} else if (t ~ /^-[A-Za-z0-9]$/) {
			m = f[++i]
			gsub(/[][]/, "", m)
			addopt(t, "req", m)
		}
	}
}

# the lines of the usage message: "usage: prog ..." and the "       prog ..."
# lines after it, read at the end
/^usage:/ || (inusage && $0 ~ "^ +" prog "( |$)") {
	inusage = 1
	ulines[++nu] = $0
	next
}
{
	inusage = 0
	# indent: up to 8 spaces before "-" is an option line, 9 or more text
	match($0, /^ */)
	ind = RLENGTH
	c1 = substr($0, ind + 1, 1)
}

# an option line: the spec, then its text
ind >= 1 && ind <= 8 && c1 == "-" {
	nlast = 0
	n = split($0, w, " ")
	shared = ""
	sharedmeta = ""
	for (i = 1; i <= n; i++) {
		t = w[i]
		more = sub(/,$/, "", t)
		if (t !~ /^-/)
			break
		how = item(t)
		if (how == "" && t ~ /^-[^-]$/ && w[i + 1] ~ /^[A-Z][A-Z0-9_]*,?$/) {
			# "-k LIST, --keep=LIST"
			m = w[++i]
			more = sub(/,$/, "", m)
			argof[t] = "req"
			metaof[t] = m
		}
		if (how != "" && shared == "") {
			shared = how
			sharedmeta = metaof[last[nlast]]
		}
		if (!more) {
			i++
			break
		}
	}
	# a short option takes the argument its long form names
	for (j = 1; j <= nlast; j++)
		if (last[j] ~ /^-[^-]$/ && argof[last[j]] == "" && shared != "") {
			argof[last[j]] = shared
			metaof[last[j]] = sharedmeta
		}
	desc = ""
	for (; i <= n; i++)
		desc = desc " " w[i]
	for (j = 1; j <= nlast; j++)
		text[last[j]] = desc
	next
}

# a continuation of the option text above
ind >= 9 && c1 != "" && nlast {
	for (j = 1; j <= nlast; j++)
		text[last[j]] = text[last[j]] " " trim($0)
	next
}
{ nlast = 0 }

END {
	for (k = 1; k <= nu; k++)
		usage(ulines[k])
	if (nopt == 0) {
		print "mkcomp.awk: " prog ": no option in the --help text" > "/dev/stderr"
		exit 1
	}
	fn = "_" prog
	gsub(/[^A-Za-z0-9_]/, "_", fn)
	words = ""
	reqs = ""
	for (k = 1; k <= nopt; k++) {
		o = order[k]
		if (argof[o] == "req" && o ~ /^--/) {
			words = words " " o "="
		} else if (argof[o] == "opt" && o ~ /^--/) {
			words = words " " o " " o "="
		} else {
			words = words " " o
		}
		if (argof[o] == "req")
			reqs = reqs " " o
	}
	print "# bash completion for " prog ": GENERATED by completions/mkcomp.awk"
	print "# from `" prog " --help`; do not edit."
	print fn "()"
	print "{"
	print "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= opt= pre= i"
	print "\tCOMPREPLY=()"
	print "\t((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}"
	print "\tfor ((i = 1; i < COMP_CWORD; i++)); do"
	print "\t\tif [[ ${COMP_WORDS[i]} == -- ]]; then"
	print "\t\t\tcompopt -o filenames 2>/dev/null"
	print "\t\t\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"
	print "\t\t\treturn 0"
	print "\t\tfi"
	print "\tdone"
	print "\t# --opt=VALUE: one word, or three when \"=\" is in COMP_WORDBREAKS"
	print "\tif [[ $cur == --*=* ]]; then"
	print "\t\topt=${cur%%=*} pre=${cur%%=*}= cur=${cur#*=}"
	print "\telif [[ $cur == = && $prev == --* ]]; then"
	print "\t\topt=$prev cur="
	print "\telif [[ $prev == = ]] && ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD-2]} == --* ]]; then"
	print "\t\topt=${COMP_WORDS[COMP_CWORD-2]}"
	print "\telif [[ \" " trim(reqs) " \" == *\" $prev \"* ]]; then"
	print "\t\topt=$prev"
	print "\tfi"
	print "\tif [[ -n $opt ]]; then"
	print "\t\tcase $opt in"
	for (k = 1; k <= nopt; k++) {
		o = order[k]
		if (argof[o] == "")
			continue
		m = metaof[o]
		c = (o in choices) ? choices[o] : ""
		if (c == "" && m !~ /FILE|PATH|DIR/)
			c = listed(text[o])
		if (m ~ /DIR/)
			act = "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")"
		else if (m ~ /FILE|PATH/)
			act = "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"
		else if (c != "") {
			gsub(/\|/, " ", c)
			act = "mapfile -t COMPREPLY < <(compgen -W '" c "' -- \"$cur\")"
		} else
			continue
		# one case per action: -f|--file) ...
		if (!(act in label)) {
			label[act] = o
			acts[++nacts] = act
		} else
			label[act] = label[act] "|" o
	}
	for (k = 1; k <= nacts; k++)
		print "\t\t" label[acts[k]] ") " acts[k] " ;;"
	print "\t\tesac"
	print "\t\t[[ -n $pre ]] && COMPREPLY=(\"${COMPREPLY[@]/#/$pre}\")"
	print "\t\treturn 0"
	print "\tfi"
	print "\tif [[ $cur == -* ]]; then"
	print "\t\tmapfile -t COMPREPLY < <(compgen -W '" trim(words) "' -- \"$cur\")"
	print "\t\tif [[ ${#COMPREPLY[@]} -eq 1 && $COMPREPLY == *= ]]; then"
	print "\t\t\tcompopt -o nospace 2>/dev/null"
	print "\t\tfi"
	print "\t\treturn 0"
	print "\tfi"
	print "\tcompopt -o filenames 2>/dev/null"
	print "\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"
	print "}"
	print "complete -F " fn " " prog
}
