bats_require_minimum_version 1.5.0
# kwic-output.bats: what ar-kwic shows a reader: the concordance's columns,
# --visual through fribidi, clusters, and the summaries' formats.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	K="$FIX/kwic"
}

@test "--csv --bom: one byte order mark, however many tables follow" {
	run -0 bash -c 'ar-kwic --csv --bom --count-forms --collocates=2 روسي "$1" | grep -c $'"'"'\xef\xbb\xbf'"'"'' _ "$K/colloc.txt"
	assert_output 1
	run -0 bash -c 'ar-kwic --csv --bom --count-forms --collocates=2 روسي "$1" | head -c 3 | od -An -tx1' _ "$K/colloc.txt"
	assert_output ' ef bb bf'
}

@test "--help: every description starts in one column, the shared lines' too" {
	# an option short enough to leave room starts its text in column 24
	run -0 bash -c 'ar-kwic --help | LC_ALL=C.UTF-8 awk '"'"'
		/^  (-[a-zA-Z], |    )--/ {
			match($0, /^  (-[a-zA-Z], |    )--[^ ]+ +/)
			opt = substr($0, 1, RLENGTH); sub(/ +$/, "", opt)
			if (length(opt) < 22 && RLENGTH != 23) print "misaligned: " $0
		}'"'"''
	assert_output ''
}
