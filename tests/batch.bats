#!/usr/bin/env bats
# ip -batch FILE|- and -force: line splitting, comments, quoting, backslash
# continuation, "Command failed FILE:LINE", exit codes, one socket, flat memory.

load helpers

setup() { need_root; }

# mkbatch NAME: stdin becomes $BATS_TEST_TMPDIR/NAME (the path is printed).
mkbatch() {
	cat >"$BATS_TEST_TMPDIR/$1"
	echo "$BATS_TEST_TMPDIR/$1"
}

@test "batch: comments, blank lines, quotes, continuation, CR and tabs" {
	f=$(mkbatch b1 <<'EOF'
# a comment line

link show lo   # a trailing comment
	link	show	"lo"
link show 'lo'
link show \
   lo
link show \
\
nope
link show lo#x
link show "lo"
link show ""
EOF
)
	printf 'link show nope\r\nlink show lo\r\n' >"$BATS_TEST_TMPDIR/crlf"
	diff_ip "ip -force -batch $f; echo rc=\$?; ip -force -batch $BATS_TEST_TMPDIR/crlf; echo rc=\$?"
}

@test "batch: quotes open a word only at its start; no escapes" {
	printf 'link show lo "" x\n' >"$BATS_TEST_TMPDIR/q0"
	printf 'link show "a"b\n' >"$BATS_TEST_TMPDIR/q1"
	printf 'link show a"b c"\n' >"$BATS_TEST_TMPDIR/q2"
	printf 'link show non\\ x\n' >"$BATS_TEST_TMPDIR/q3"
	printf "link show 'lo\"x' lo\n" >"$BATS_TEST_TMPDIR/q4"
	printf 'link show nope\\' >"$BATS_TEST_TMPDIR/q5"
	printf 'link show "non\\"x"\n' >"$BATS_TEST_TMPDIR/q6"
	diff_ip "for q in q0 q1 q2 q3 q4 q5 q6; do ip -batch $BATS_TEST_TMPDIR/\$q; echo rc=\$?; done"
}

@test "batch: the first failure ends the batch (exit 1) unless -force" {
	f=$(mkbatch fail <<'EOF'
link show lo
link show nope1
link show lo
link show nope2
link show lo
EOF
)
	diff_ip "ip -batch $f; echo rc=\$?; ip -force -batch $f; echo rc=\$?; ip -fo -b $f; echo rc=\$?"
}

@test "batch: Command failed FILE:LINE, exact text (golden)" {
	f=$(mkbatch golden <<'EOF'
link show nope

link show \
  nope
EOF
)
	run sandbox ip -force -batch "$f"
	[ "$status" -eq 1 ]
	[ "$output" = "Device \"nope\" does not exist.
Command failed $f:1
Device \"nope\" does not exist.
Command failed $f:4" ]
}

@test "batch: usage errors end the batch with 255, even with -force" {
	f=$(mkbatch usage <<'EOF'
link show nope
link show lo garbage
link show lo
EOF
)
	g=$(mkbatch help <<'EOF'
help
link show lo
EOF
)
	h=$(mkbatch linkfoo <<'EOF'
link frobnicate
link show lo
EOF
)
	diff_ip "ip -force -batch $f; echo rc=\$?; ip -batch $f; echo rc=\$?
ip -force -batch $h; echo rc=\$?
ip -batch $g 2>&1 | head -1; ip -batch $g >/dev/null 2>&1; echo rc=\$?"
}

@test "batch: golden: usage error in a forced batch" {
	f=$(mkbatch usage2 <<'EOF'
link show nope
link frobnicate
link show lo
EOF
)
	run sandbox ip -force -batch "$f"
	[ "$status" -eq 255 ]
	[ "$output" = "Device \"nope\" does not exist.
Command failed $f:1
Command \"frobnicate\" is unknown, try \"ip link help\"." ]
}

@test "batch: unterminated quote stops the batch with exit 1" {
	f=$(mkbatch unterm <<'EOF'
link show lo
link show "lo
link show lo
EOF
)
	g=$(mkbatch hashq <<'EOF'
link show "a#b"
EOF
)
	diff_ip "ip -batch $f; echo rc=\$?; ip -force -batch $f; echo rc=\$?; ip -batch $g; echo rc=\$?"
	run sandbox ip -batch "$g"
	[ "$status" -eq 1 ]
	[ "$output" = "Unterminated quoted string" ]
}

@test "batch: stdin with - ; unknown objects and options inside lines" {
	diff_ip "printf 'link show lo\nlink show nope\n' | ip -batch -; echo rc=\$?
printf 'link show nope\nlink show lo\n' | ip -force -b -; echo rc=\$?
printf 'frobnicate\nlink show lo\n' | ip -force -b -; echo rc=\$?
printf -- '-4 link show lo\n' | ip -b -; echo rc=\$?
printf '' | ip -b -; echo rc=\$?
printf '# only\n\n   \n' | ip -b -; echo rc=\$?"
}

@test "batch: missing or unreadable file" {
	diff_ip "ip -batch /nonexistent/file; echo rc=\$?; ip -force -b /nonexistent; echo rc=\$?; ip -b /run; echo rc=\$?"
	run sandbox ip -batch /nonexistent/file
	[ "$status" -eq 1 ]
	[ "$output" = 'Cannot open file "/nonexistent/file" for reading: No such file or directory' ]
}

@test "batch: global options apply to every line (-o, -j, -br)" {
	f=$(mkbatch modes <<'EOF'
link show lo
link show lo
EOF
)
	diff_ip "ip -o -batch $f; ip -j -batch $f; ip -br -b $f; ip -j -p -b $f"
}

@test "batch: one netlink socket for the whole batch" {
	command -v strace >/dev/null || skip "strace is not installed"
	yes 'link show lo' | head -200 >"$BATS_TEST_TMPDIR/many"
	run sandbox sh -c "strace -f -e trace=socket ip -batch $BATS_TEST_TMPDIR/many 2>&1 >/dev/null | grep -c 'socket(AF_NETLINK'"
	[ "$output" = 1 ]
}

@test "batch: memory stays flat over 100000 lines" {
	[ -x /usr/bin/time ] || skip "/usr/bin/time is not installed"
	yes 'link show lo' | head -1000 >"$BATS_TEST_TMPDIR/k1"
	yes 'link show lo' | head -100000 >"$BATS_TEST_TMPDIR/k100"
	small=$(sandbox /usr/bin/time -f %M ip -batch "$BATS_TEST_TMPDIR/k1" 2>&1 >/dev/null)
	big=$(sandbox /usr/bin/time -f %M ip -batch "$BATS_TEST_TMPDIR/k100" 2>&1 >/dev/null)
	echo "max RSS: 1000 lines ${small} KB, 100000 lines ${big} KB"
	[ "$big" -lt $((small + 256)) ]
}
