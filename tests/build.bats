#!/usr/bin/env bats
# The binary itself: static, warning-free, and buildable with musl.

load helpers

@test "ip/ip is statically linked" {
	run file -L "$REPO_DIR/ip/ip"
	[[ "$output" == *"statically linked"* ]]
}

@test "glibc build has no compiler warnings" {
	local b="$BATS_TEST_TMPDIR/b"
	run make -C "$REPO_DIR" -s B="$b" BIN="$b/ipbin"
	[ "$status" -eq 0 ]
	[[ "$output" != *warning* ]]
}

@test "make CC=musl-gcc builds a static binary that runs" {
	command -v musl-gcc >/dev/null || skip "musl-gcc (Debian musl-tools) is not installed"
	local b="$BATS_TEST_TMPDIR/musl"
	run make -C "$REPO_DIR" -s CC=musl-gcc B="$b" BIN="$b/ipbin"
	[ "$status" -eq 0 ]
	[[ "$output" != *warning* ]]
	run file -L "$b/ipbin"
	[[ "$output" == *"statically linked"* ]]
	need_root
	SANDBOX_BIN= run unshare --net "$b/ipbin" -o link show lo
	[ "$output" = '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' ]
}

@test "lib/musl/fnmatch.c matches glibc's fnmatch (flags 0) on 2,000,000 patterns" {
	command -v gcc >/dev/null || skip "gcc is not installed"
	ldd --version 2>&1 | grep -qi 'glibc\|gnu libc' || skip "the oracle is glibc's fnmatch"
	local b="$BATS_TEST_TMPDIR"
	gcc -O1 -Dfnmatch=small_fnmatch -c -o "$b/fnm.o" "$REPO_DIR/lib/musl/fnmatch.c"
	gcc -O1 -o "$b/fnmatch_diff" "$REPO_DIR/tests/libc/fnmatch_diff.c" "$b/fnm.o"
	run "$b/fnmatch_diff" 2000000
	echo "$output"
	[ "$status" -eq 0 ]
	POSIXLY_CORRECT=1 run "$b/fnmatch_diff" 200000
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "scan_uint() reads what glibc's sscanf \"if%u\" and \"%x\" read" {
	command -v gcc >/dev/null || skip "gcc is not installed"
	ldd --version 2>&1 | grep -qi 'glibc\|gnu libc' || skip "the oracle is glibc's sscanf"
	local b="$BATS_TEST_TMPDIR"
	gcc -O1 -I"$REPO_DIR/include" -o "$b/scan_diff" "$REPO_DIR/tests/libc/scan_diff.c" \
		"$REPO_DIR/lib/util.c"
	run "$b/scan_diff" 1000000
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "lib/decimal.c prints %g and %.*f and reads numbers as glibc does" {
	command -v gcc >/dev/null || skip "gcc is not installed"
	ldd --version 2>&1 | grep -qi 'glibc\|gnu libc' || skip "the oracle is glibc's printf and strtod"
	local b="$BATS_TEST_TMPDIR"
	gcc -O1 -I"$REPO_DIR/include" -o "$b/decimal_diff" "$REPO_DIR/tests/libc/decimal_diff.c" \
		"$REPO_DIR/lib/decimal.c" -lm
	run "$b/decimal_diff" 500000
	echo "$output"
	[ "$status" -eq 0 ]
}
