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
