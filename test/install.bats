bats_require_minimum_version 1.5.0

# The bash completions made from each program's --help (completions/mkcomp.awk,
# built into build/completions by make), and their place in make install.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	COMP="$TOP/build/completions"
}

# offered FILE WORD...: what the completion in FILE offers for the last WORD
# of the command line WORD... (bash has split it into those words, so
# "--format=t" is "--format" "=" "t" with the default COMP_WORDBREAKS)
offered() {
	bash -c '. "$1" || exit 2
		shift
		fn=_${1//-/_}
		COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
		"$fn" || exit 2
		printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}

# the make that built bin/: the same variant, so nothing is relinked
make_here() {
	local san=
	[ "$(cat "$TOP/bin/.variant" 2>/dev/null)" = san ] && san=SANITIZE=1
	make -s -C "$TOP" $san "$@"
}

@test "make builds a completion for every program, and bash reads it" {
	for t in "$TOP"/bin/ar-*; do
		name=${t##*/}
		[ -s "$COMP/$name" ]
		run -0 bash -n "$COMP/$name"
		run -0 bash -c '. "$1" && complete -p "$2"' _ "$COMP/$name" "$name"
		assert_output --partial "-F _${name//-/_} $name"
	done
}

@test "ar-kwic --fo offers --format= and --fold=, and --format= its values" {
	run -0 offered "$COMP/ar-kwic" ar-kwic --fo
	assert_line --index 0 -- "--fold="
	assert_line --index 1 -- "--format="
	[ "${#lines[@]}" -eq 2 ]
	# --format= as bash splits it at "=" (the default), and as one word
	run -0 offered "$COMP/ar-kwic" ar-kwic --format =
	assert_equal "$(echo $output)" "text tsv json csv"
	run -0 offered "$COMP/ar-kwic" ar-kwic --format = t
	assert_equal "$(echo $output)" "text tsv"
	run -0 env COMP_WORDBREAKS=' ' bash -c '
		. "$1"; COMP_WORDS=(ar-kwic --format=j) COMP_CWORD=1; _ar_kwic
		printf "%s\n" "${COMPREPLY[@]}"' _ "$COMP/ar-kwic"
	assert_output -- "--format=json"
	# a value in the next word, and the choices of --color[=WHEN]
	run -0 offered "$COMP/ar-kwic" ar-kwic --format ''
	assert_equal "$(echo $output)" "text tsv json csv"
	run -0 offered "$COMP/ar-kwic" ar-kwic --color = a
	assert_output "auto
always"
}

@test "ar-norm --st offers --steps= and --strict" {
	run -0 offered "$COMP/ar-norm" ar-norm --st
	assert_output -- "--steps=
--strict"
}

@test "every tool's --format values are the ones its --help lists" {
	run -0 offered "$COMP/ar-date" ar-date --format =
	assert_equal "$(echo $output)" "text tsv json csv timeml"
	run -0 offered "$COMP/ar-date" ar-date --format ''
	assert_equal "$(echo $output)" "text tsv json csv timeml"
	run -0 offered "$COMP/ar-strip-nav" ar-strip-nav --format =
	assert_equal "$(echo $output)" "text tsv csv json"
	run -0 offered "$COMP/ar-split" ar-split --format =
	assert_output --partial "tsv"
	assert_output --partial "json"
	refute_output --partial "("
}

@test "FILE values and operands complete file names" {
	d="$BATS_TEST_TMPDIR/d"
	mkdir -p "$d"
	: > "$d/pats one.txt"
	: > "$d/page.txt"
	run -0 offered "$COMP/ar-kwic" ar-kwic -f "$d/pat"
	assert_output "$d/pats one.txt"
	run -0 offered "$COMP/ar-kwic" ar-kwic --file = "$d/pat"
	assert_output "$d/pats one.txt"
	run -0 offered "$COMP/ar-norm" ar-norm --map = "$d/pag"
	assert_output "$d/page.txt"
	run -0 offered "$COMP/ar-split" ar-split -w "$d/pag"
	assert_output "$d/page.txt"
	# after --, a word with a dash is an operand
	run -0 offered "$COMP/ar-norm" ar-norm -- --st
	assert_output ""
	# a value that is a number or a date completes nothing
	run -0 offered "$COMP/ar-kwic" ar-kwic -m ''
	assert_output ""
}

@test "every option --help lists is offered, so completions do not go stale" {
	for t in "$TOP"/bin/ar-*; do
		name=${t##*/}
		run -0 offered "$COMP/$name" "$name" -
		all=$output
		# the options of each option line: its text before two spaces
		for o in $("$t" --help | sed -n 's/^ \{1,8\}\(-.*\)/\1/p' | sed 's/  .*//' |
		    grep -oE -- '(^| )--?[A-Za-z][A-Za-z-]*' | sort -u); do
			grep -qxE -- "$o=?" <<< "$all" || { echo "$name: $o not offered"; false; }
		done
	done
}

@test "make install puts the completions in BASHCOMPDIR, uninstall removes them" {
	d="$BATS_TEST_TMPDIR/root"
	run -0 make_here install DESTDIR="$d" PREFIX=/usr
	for t in "$TOP"/bin/ar-*; do
		cmp "$COMP/${t##*/}" "$d/usr/share/bash-completion/completions/${t##*/}"
	done
	run -0 make_here uninstall DESTDIR="$d" PREFIX=/usr
	[ -z "$(find "$d" -type f)" ]
	run -0 make_here install DESTDIR="$d" PREFIX=/usr BASHCOMPDIR=/etc/bash_completion.d
	[ -f "$d/etc/bash_completion.d/ar-kwic" ]
	run -0 make_here uninstall DESTDIR="$d" PREFIX=/usr BASHCOMPDIR=/etc/bash_completion.d
	[ ! -e "$d/etc/bash_completion.d/ar-kwic" ]
}
