# common-setup.bash: loaded by every suite. Puts the built programs first on
# PATH (under valgrind with VALGRIND=1), points AR_DATADIR at share/, loads
# bats-support and bats-assert, and names the fixture and shared folders.

_common_setup() {
	bats_load_library bats-support
	bats_load_library bats-assert
	TOP="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	FIX="$TOP/test/fixtures"
	SHARED="$TOP/../shared"
	export AR_DATADIR="$TOP/share/ar-tools"
	if [ "${VALGRIND:-0}" = 1 ]; then
		_vgbin="$BATS_FILE_TMPDIR/vgbin"
		if [ ! -d "$_vgbin" ]; then
			mkdir -p "$_vgbin"
			for t in "$TOP"/bin/ar-*; do
				printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=no "%s" "$@"\n' \
					"$t" > "$_vgbin/${t##*/}"
				chmod +x "$_vgbin/${t##*/}"
			done
		fi
		PATH="$_vgbin:$PATH"
	else
		PATH="$TOP/bin:$PATH"
	fi
	export PATH TOP FIX SHARED
}

# skip a test that needs ../shared when it is absent (a fresh clone)
need_shared() {
	[ -d "$SHARED/${1:-}" ] || skip "../shared/${1:-} not present"
}
