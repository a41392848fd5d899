#!/bin/sh
# deps.sh PACKAGE...: make sure these Debian packages are installed. As root,
# install what is missing with apt-get; otherwise print the command to run.
missing=
if ! command -v dpkg-query >/dev/null 2>&1; then
	exit 0          # not Debian: the README lists what to install
fi
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 && exit 0
	echo "deps: apt-get failed" >&2
	exit 1
fi
echo "deps: missing packages; run:" >&2
echo "  sudo apt-get install$missing" >&2
exit 1
