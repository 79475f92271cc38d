# ip: a static, from-scratch replacement for iproute2's ip (netns, link,
# address, route).  `make` builds ip/ip; `make check` runs the test suite.

.DEFAULT_GOAL := all
CC ?= cc
PREFIX ?= /usr
DESTDIR ?=
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo 0.1)

# A musl build is the small one (under 192 KiB): -Oz and link-time
# optimization as one unit there (-4 KB).  The glibc build has room under
# its 1 MiB and is the one timed against iproute2: -O2 there, 25 KB more
# for a quarter fewer instructions in a listing of 8,000 links (and fewer
# at start-up too).
# No unwind tables: nothing here unwinds (no C++, no backtraces), and they
# were 8% of the binary.  -fno-pie: the binary is static and not PIE, so
# position-independent code only costs (GOT-relative loads, pointer tables
# in .data.rel.ro).
# The rest of the musl line was measured flag by flag on the stripped
# binary (4.5 KB together), each one kept only where it saved bytes: no
# jump tables or switch-to-table conversion (a chain of compares is smaller
# than a table of 8-byte addresses), points-to analysis across the whole
# program, no partial inlining (it copies the head of a function into each
# caller), no sibling calls (the frame teardown before each jump is longer
# than a call and one return), and none of the passes that duplicate code
# to save a branch (jump threading, dominator optimisations, if-conversion,
# shrink-wrapping, caller-saved spills around calls, tail merging against
# LTO's smaller choices, modref's extra specialisation); sections sorted by
# alignment so that strings and code pack without padding between them.
# The glibc build, the timed one, keeps plain -O2.
ifneq (,$(findstring musl,$(CC)))
OPT := -Oz -flto -flto-partition=one -fno-jump-tables -fno-tree-switch-conversion \
       -fipa-pta -fno-partial-inlining -fno-optimize-sibling-calls \
       -fno-thread-jumps -fno-tree-dominator-opts -fno-if-conversion \
       -fno-shrink-wrap -fno-caller-saves -fno-tree-tail-merge -fno-ipa-modref \
       -Wl,--sort-section=alignment
else
OPT := -O2
endif
CFLAGS ?= $(OPT) -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-pie
override CFLAGS += -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
	  -ffunction-sections -fdata-sections -Iinclude -Iip \
	  -DIP_VERSION='"$(VERSION)"'
# The override lines hold what the build needs, so that CFLAGS=/LDFLAGS= on
# the command line (e.g. LDFLAGS= for an unstripped build to read with nm)
# only replace the optional part.  One read-only segment with the code and
# no RELRO page: each page-aligned segment boundary wasted up to 4 KiB.
LDFLAGS ?= -s
override LDFLAGS += -static -Wl,--gc-sections -Wl,-z,noseparate-code \
	   -Wl,-z,norelro

# Objects of each toolchain in their own directory: a musl link of glibc
# objects (or the reverse) fails on symbols the other libc lacks.
B ?= $(if $(findstring musl,$(CC)),build-musl,build)

# musl-gcc does not search /usr/include, where the kernel headers live: give
# it just linux/, asm/ and asm-generic/ through a directory of links.
ifneq (,$(findstring musl,$(CC)))
KINC := $(B)/kinc
MULTIARCH := $(shell gcc -print-multiarch 2>/dev/null)
override CFLAGS += -isystem $(KINC)
$(KINC):
	@mkdir -p $@
	ln -sfn /usr/include/linux $@/linux
	ln -sfn /usr/include/asm-generic $@/asm-generic
	ln -sfn $(if $(wildcard /usr/include/$(MULTIARCH)/asm),/usr/include/$(MULTIARCH)/asm,/usr/include/asm) $@/asm
KINC_DEP := | $(KINC)
endif
LIB_SRC := $(wildcard lib/*.c)
# The static builds replace a C library function only where it is worth it
# (see each file): lib/libc/ in both (fnmatch: 16 KB in musl, 33 KB in
# glibc; inet_ntop: musl's notation is not the reference's; qsort: 1.1 KB
# in musl, 8 KB in glibc), lib/musl/ with musl (vfprintf: 11 KB; malloc:
# 8 KB; fork: _Fork(), 2.6 KB; strtol and kin: 2.3 KB; time and
# gettimeofday: 1.1 KB),
# all for the musl build's size budget.
# tests/build.bats checks them against glibc's.  The sanitizer and debug
# builds below keep the libc's.
LIBC_SRC := $(wildcard lib/libc/*.c)
ifneq (,$(findstring musl,$(CC)))
LIBC_SRC += $(wildcard lib/musl/*.c)
endif
IP_SRC := $(wildcard ip/*.c)
OBJS := $(patsubst %.c,$(B)/%.o,$(LIB_SRC) $(LIBC_SRC) $(IP_SRC))
DEPS := $(OBJS:.o=.d)

# BIN lets a second toolchain build elsewhere (make CC=musl-gcc B=x BIN=x/ip).
BIN ?= ip/ip
all: $(BIN)

# BIN remembers which compiler linked it (build-cc/ holds one line per BIN):
# after 'make CC=musl-gcc', a plain 'make' relinks ip/ip for glibc instead
# of finding it newer than the glibc objects and keeping the musl one.
CC_STAMP := build-cc/$(subst /,_,$(BIN))
$(shell mkdir -p build-cc; echo '$(CC)' | cmp -s - $(CC_STAMP) || echo '$(CC)' >$(CC_STAMP))

$(BIN): $(OBJS) $(CC_STAMP)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDFLAGS)

# The objects remember the compiler and flags they were built with (less the
# version string): a change of either rebuilds them all instead of linking
# a mix.
FLAGS_NOW := $(CC) $(filter-out -DIP_VERSION=%,$(CFLAGS))
ifneq ($(FLAGS_NOW),$(file <$(B)/.flags))
$(shell mkdir -p $(B))
$(file >$(B)/.flags,$(FLAGS_NOW))
endif

$(B)/%.o: %.c $(B)/.flags $(KINC_DEP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPS)

# The help texts: ip/usage.txt, packed by ip/usage.awk into the two
# generated files, which are committed (no build needs awk; a stale one is
# made again here, and tests/usage.bats fails on it).
ip/usage_text.h ip/usage_text.c: ip/usage.txt ip/usage.awk
	LC_ALL=C awk -v out=$(suffix $@) -f ip/usage.awk ip/usage.txt >$@.tmp
	mv $@.tmp $@

# The suite runs as root in private namespaces (see tests/helpers.bash).
# --timing: each test's time in the log, to see where the 10 minutes go.
BATS ?= bats
check: ip/ip
	$(BATS) --timing -r tests

# Sanitized, dynamically linked build (ASan cannot link statically).
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	      -fno-sanitize-recover=undefined
build-asan/ip: $(LIB_SRC) $(IP_SRC) $(wildcard include/*.h ip/*.h)
	@mkdir -p build-asan
	$(CC) -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Iinclude -Iip \
		-DIP_VERSION='"$(VERSION)"' $(ASAN_FLAGS) -o $@ $(LIB_SRC) $(IP_SRC)

# LeakSanitizer aborts under ptrace: the wrapper turns it off under strace.
# A 1 MB quarantine still catches use-after-free in a short-lived CLI,
# without the default 256 MB that the flat-memory batch test would see.
check-asan: build-asan/ip
	IP=$(CURDIR)/build-asan/ip IP_WRAPPER=$(CURDIR)/tests/fuzz/untraced-leaks.sh \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=1 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(BATS) --timing -r tests

# The QEMU lane: Debian 12's kernel (every link kind) under qemu-system-x86_64,
# tests/vm/*.bats and the main differential suites inside (tests/vm/lane.sh).
check-vm: ip/ip
	tests/vm/lane.sh

build-debug/ip: $(LIB_SRC) $(IP_SRC) $(wildcard include/*.h ip/*.h)
	@mkdir -p build-debug
	$(CC) -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Iinclude -Iip \
		-DIP_VERSION='"$(VERSION)"' -O1 -g -o $@ $(LIB_SRC) $(IP_SRC)

# No __libc_freeres at exit: valgrind runs it even on _exit(), and its stdio
# cleanup seeks a batch file back in the child of "netns exec", which shares
# the descriptor, so the parent read lines twice.  ip's own leaks still count.
check-valgrind: build-debug/ip
	IP_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --run-libc-freeres=no" \
		IP=$(CURDIR)/build-debug/ip $(BATS) --timing -r tests

# Compilers, C libraries, flags and ARM targets, each built apart and
# smoke-tested against the reference (tests/builds/run).
check-builds:
	tests/builds/run

bench: ip/ip
	tests/bench/run

fuzz:
	$(MAKE) -C tests/fuzz run

install: ip/ip
	install -D -m 0755 ip/ip $(DESTDIR)$(PREFIX)/sbin/ip
	@if [ -f completion/ip.bash ]; then \
		install -D -m 0644 completion/ip.bash \
			$(DESTDIR)$(PREFIX)/share/bash-completion/completions/ip; fi
	@if [ -f completion/_ip ]; then \
		install -D -m 0644 completion/_ip \
			$(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_ip; fi
	@if [ -f ip/ip.8 ]; then \
		install -D -m 0644 ip/ip.8 $(DESTDIR)$(PREFIX)/share/man/man8/ip.8; fi

clean:
	rm -rf $(B) build build-musl build-cc build-asan build-debug build-matrix ip/ip

.PHONY: all check check-asan check-builds check-vm check-valgrind bench fuzz install clean
