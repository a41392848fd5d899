# ar-tools: GNU make, no configure. See README.md and ar-tools(7).

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/ar-tools
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

CC      ?= cc
CFLAGS  ?= -O2 -g
PKG_CONFIG ?= pkg-config
# The flags are asked when a recipe runs (=, not :=): on a fresh machine
# deps-build installs the packages after the Makefile is read.
UTF8PROC_CFLAGS = $(shell $(PKG_CONFIG) --cflags libutf8proc 2>/dev/null)
UTF8PROC_LIBS   = $(shell $(PKG_CONFIG) --libs libutf8proc 2>/dev/null || echo -lutf8proc)
# GNU FriBidi: ar-kwic --visual (bidi reordering and Arabic shaping)
FRIBIDI_CFLAGS  = $(shell $(PKG_CONFIG) --cflags fribidi 2>/dev/null)
FRIBIDI_LIBS    = $(shell $(PKG_CONFIG) --libs fribidi 2>/dev/null || echo -lfribidi)
override CFLAGS += -std=c11 -Wall -Wextra $(UTF8PROC_CFLAGS) $(FRIBIDI_CFLAGS)
override LDLIBS += $(UTF8PROC_LIBS) $(FRIBIDI_LIBS) -lm

# make SANITIZE=1: AddressSanitizer + UndefinedBehaviorSanitizer build
ifeq ($(SANITIZE),1)
VARIANT := san
override CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
override LDFLAGS += -fsanitize=address,undefined
else
VARIANT := normal
endif

B        := build/$(VARIANT)
TOOLS    := $(patsubst src/%.c,bin/%,$(wildcard src/ar-*.c))
LIBSRC   := $(wildcard src/lib/*.c)
LIBOBJ   := $(patsubst src/lib/%.c,$(B)/lib/%.o,$(LIBSRC)) $(B)/lib/data_tab.o
DATA     := $(sort $(wildcard share/ar-tools/*.tsv share/ar-tools/*.txt))
MANPAGES := $(wildcard man/*.1 man/*.7)
UNITS    := $(patsubst test/unit/%.c,$(B)/unit/%,$(wildcard test/unit/*.c))
# bash completions, one per program, made from its --help
COMPLETIONS := $(patsubst bin/%,build/completions/%,$(TOOLS))

# packages: to build, to test, to benchmark (Debian names)
DEPS_BUILD := gcc make pkg-config libutf8proc-dev libfribidi-dev
DEPS_CHECK := bats bats-support bats-assert jq mandoc parallel python3 python3-pandas libxml2-utils python3-distributed
DEPS_BENCH := perl python3 python3-dateparser
DEPS_PACKAGE := build-essential debhelper dpkg-dev lintian

all: deps-build $(TOOLS) $(COMPLETIONS)

$(B)/lib/%.o: src/lib/%.c $(wildcard src/lib/*.h) | $(B)/lib deps-build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/data_tab.c: src/lib/mkdata.sh $(DATA)
	@mkdir -p build
	sh src/lib/mkdata.sh share/ar-tools $(DATA) > $@.tmp && mv $@.tmp $@

$(B)/lib/data_tab.o: build/data_tab.c | $(B)/lib deps-build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libar.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(B)/%.o: src/%.c src/lib/arlib.h | $(B)/lib deps-build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# bin/.variant changes when SANITIZE does, so the programs relink
bin/.variant: FORCE
	@mkdir -p bin
	@[ "$$(cat $@ 2>/dev/null)" = "$(VARIANT)" ] || echo $(VARIANT) > $@

bin/%: $(B)/%.o $(B)/libar.a bin/.variant
	$(CC) $(LDFLAGS) -o $@ $< $(B)/libar.a $(LDLIBS)

$(B)/lib $(B)/unit build/completions:
	mkdir -p $@

build/completions/%: bin/% completions/mkcomp.awk | build/completions
	./$< --help | awk -v prog=$* -f completions/mkcomp.awk > $@.tmp && mv $@.tmp $@

# the engine unit programs: one per engine, linked with the library
$(B)/unit/%: test/unit/%.c test/unit/check.h src/lib/arlib.h $(B)/libar.a | $(B)/unit
	$(CC) $(CPPFLAGS) $(CFLAGS) -Isrc/lib $(LDFLAGS) -o $@ $< $(B)/libar.a $(LDLIBS)

# ---- dependencies: install what is missing (root), or say what to run ----
deps-build:
	@sh test/deps.sh $(DEPS_BUILD)
deps:
	@sh test/deps.sh $(DEPS_BUILD) $(DEPS_CHECK)
deps-bench:
	@sh test/deps.sh $(DEPS_BUILD) $(DEPS_CHECK) $(DEPS_BENCH)
deps-fuzz:
	@sh test/deps.sh $(DEPS_BUILD) clang libclang-rt-dev
deps-package:
	@sh test/deps.sh $(DEPS_BUILD) $(DEPS_PACKAGE)

# ---- tests: unit programs, then bats suites; the last line is "N passed, N failed" ----
unit: deps-build $(UNITS)
	@sh test/run-units.sh $(UNITS)

check: deps all $(UNITS)
	@sh test/run-bats.sh $(UNITS)

demo: deps-build all
	@sh test/demo.sh

# make bench BENCH_ONLY=ar-norm: the rows of one tool (or a comma list)
bench: deps-bench all
	@BENCH_ONLY='$(BENCH_ONLY)' bash test/bench.sh

fuzz: deps-fuzz
	@sh test/fuzz/run.sh

# ---- the Debian package, into build/deb: built from a copy of the tree in
# build/deb/src (dpkg-buildpackage cleans its tree, which would take build/
# with it, and writes to the parent folder), then checked by lintian ----
deb: deps-package
	rm -rf build/deb
	mkdir -p build/deb/src/ar-tools
	tar -c --exclude=./build --exclude=./bin --exclude=./.git . | tar -x -C build/deb/src/ar-tools
	cd build/deb/src/ar-tools && dpkg-buildpackage -us -uc -b
	mv build/deb/src/*.deb build/deb/src/*.buildinfo build/deb/src/*.changes build/deb/
	rm -rf build/deb/src
	lintian --info build/deb/*.changes

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	install -m 0755 $(TOOLS) $(DESTDIR)$(BINDIR)
	install -m 0644 $(filter %.1,$(MANPAGES)) $(DESTDIR)$(MANDIR)/man1
	install -m 0644 $(filter %.7,$(MANPAGES)) $(DESTDIR)$(MANDIR)/man7
	install -d $(DESTDIR)$(DATADIR)/samples
	install -m 0644 $(DATA) $(DESTDIR)$(DATADIR)
	install -m 0644 share/ar-tools/samples/* $(DESTDIR)$(DATADIR)/samples
	install -d $(DESTDIR)$(BASHCOMPDIR)
	install -m 0644 $(COMPLETIONS) $(DESTDIR)$(BASHCOMPDIR)

uninstall:
	rm -f $(patsubst bin/%,$(DESTDIR)$(BINDIR)/%,$(TOOLS))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(filter %.1,$(MANPAGES)))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man7/%,$(filter %.7,$(MANPAGES)))
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(patsubst build/completions/%,$(DESTDIR)$(BASHCOMPDIR)/%,$(COMPLETIONS))

clean:
	rm -rf build bin/ar-* bin/.variant

FORCE:
.PHONY: all deps deps-build deps-bench deps-fuzz deps-package unit check demo bench fuzz deb install uninstall clean FORCE
.SECONDARY:
