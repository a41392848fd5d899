bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "every man page passes mandoc -Tlint" {
	for p in "$TOP"/man/*.[17]; do
		run -0 --separate-stderr mandoc -Tlint -W warning "$p"
		assert_output ""
	done
}

@test "every program has a man page and its options are in it" {
	for t in "$TOP"/bin/ar-*; do
		name=${t##*/}
		[ -f "$TOP/man/$name.1" ]
		# every long option --help lists appears in the man page
		for o in $("$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
			grep -q -- "Fl ${o#-}" "$TOP/man/$name.1" ||
				grep -q -- "${o}" "$TOP/man/$name.1" ||
				{ echo "$name: $o not in man page"; false; }
		done
	done
}

@test "make install DESTDIR=... installs programs, pages and data that work" {
	d="$BATS_TEST_TMPDIR/root"
	run -0 make -s -C "$TOP" install DESTDIR="$d" PREFIX=/usr
	for t in "$TOP"/bin/ar-*; do
		[ -x "$d/usr/bin/${t##*/}" ]
		run -0 "$d/usr/bin/${t##*/}" --version
		run -0 --separate-stderr man -l "$d/usr/share/man/man1/${t##*/}.1"
	done
	[ -f "$d/usr/share/man/man7/ar-tools.7" ]
	[ -f "$d/usr/share/ar-tools/norm.tsv" ]
	run -0 bash -c "printf 'قرة\n' | env -u AR_DATADIR '$d/usr/bin/ar-norm'"
	assert_output "قره"
	run -0 make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/usr
	[ ! -e "$d/usr/bin/ar-norm" ]
}
