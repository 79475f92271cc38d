#!/usr/bin/env bats
# ip -batch FILE|- and -force: line splitting, comments, quoting, backslash
# continuation, "Command failed FILE:LINE", exit codes, one socket, flat memory.

load helpers

setup() { need_root; }

# Memory is measured on the static build only: a sanitizer build's allocator
# holds freed memory back (ASan's quarantine), so its RSS grows by design.
need_plain_build() {
	if ldd "$IP" >/dev/null 2>&1; then
		skip "$IP is a dynamic (sanitizer) build: RSS says nothing about leaks there"
	fi
}

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
	need_plain_build
	yes 'link show lo' | head -1000 >"$BATS_TEST_TMPDIR/k1"
	yes 'link show lo' | head -100000 >"$BATS_TEST_TMPDIR/k100"
	small=$(sandbox /usr/bin/time -f %M ip -batch "$BATS_TEST_TMPDIR/k1" 2>&1 >/dev/null)
	big=$(sandbox /usr/bin/time -f %M ip -batch "$BATS_TEST_TMPDIR/k100" 2>&1 >/dev/null)
	echo "max RSS: 1000 lines ${small} KB, 100000 lines ${big} KB"
	[ "$big" -lt $((small + 256)) ]
}

@test "batch: state-changing lines (link, address, route, netns) match the reference" {
	f=$(mkbatch change <<'EOF2'
link add v0 type veth peer name v1
link set v0 up
link set v1 up
address add 10.9.0.1/24 dev v0
addr add 2001:db8::1/64 dev v0 nodad
route add 10.10.0.0/16 via 10.9.0.2
route add 10.11.0.0/16 dev v0 metric 5
netns add red
link set v1 netns red
addr show dev v0
link show
route show
netns list
EOF2
)
	diff_ip "ip -batch $f; echo rc=\$?; ip -n red -br link; ip -o addr show dev v0"
}

@test "batch: -n NS with -batch runs every line in that namespace" {
	f=$(mkbatch inns <<'EOF2'
link set lo up
address add 10.1.1.1/32 dev lo
address show
link show
route show table local
EOF2
)
	diff_ip "ip netns add red; ip -n red -batch $f; echo rc=\$?; ip link show lo; ip -n red -br addr"
}

@test "batch: a failing kernel request is reported with its line, -force goes on" {
	f=$(mkbatch kernel <<'EOF2'
link add v0 type veth peer name v1
link add v0 type veth peer name v2
address add 10.9.0.1/24 dev v0
address add 10.9.0.1/24 dev v0
route add 10.10.0.0/16 via 10.99.0.1
link show v0
EOF2
)
	diff_ip "ip -batch $f; echo rc=\$?; ip link del v0; ip -force -batch $f; echo rc=\$?"
}

@test "batch: memory stays flat over 20000 state-changing lines" {
	[ -x /usr/bin/time ] || skip "/usr/bin/time is not installed"
	need_plain_build
	gen() {
		echo "link add v0 type veth peer name v1"
		i=0
		while [ "$i" -lt "$1" ]; do
			echo "address add 10.$((i / 250 % 250)).$((i % 250)).1/32 dev v0"
			echo "address del 10.$((i / 250 % 250)).$((i % 250)).1/32 dev v0"
			echo "link set v0 mtu $((1300 + i % 100))"
			i=$((i + 1))
		done
	}
	gen 300 >"$BATS_TEST_TMPDIR/c1"
	gen 6700 >"$BATS_TEST_TMPDIR/c2"
	small=$(sandbox /usr/bin/time -f %M ip -batch "$BATS_TEST_TMPDIR/c1" 2>&1 >/dev/null)
	big=$(sandbox /usr/bin/time -f %M ip -batch "$BATS_TEST_TMPDIR/c2" 2>&1 >/dev/null)
	echo "max RSS: 900 lines ${small} KB, 20100 lines ${big} KB"
	[ "$big" -lt $((small + 256)) ]
}

# iproute2 6.1 prints "address show" like "link show" (no addresses, "mode
# DEFAULT") when a "link show" came before it in the same batch; we print
# the addresses, as the same command does outside a batch.
@test "batch: address show after link show still lists addresses (reference bug)" {
	printf 'link show lo\naddr show dev lo\n' >"$BATS_TEST_TMPDIR/la"
	run sandbox sh -c "ip link set lo up; ip -batch $BATS_TEST_TMPDIR/la"
	[ "$status" -eq 0 ]
	[ "$output" = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever" ]
}

# The reference exits in the middle of a command on a malformed address:
# the batch ends at that line, exit 1, and no "Command failed" (maddr
# add/del lines stand alone on purpose: see tests/maddr.bats).  Each line here comes before a "link show lo" that
# must not run; a line the reference goes on after is in the list too.
@test "batch: address errors end the batch where the reference exits" {
	local d="$BATS_TEST_TMPDIR" i=0 l cmds=()
	for l in 'route add 1.2.3.0/24 via bogus dev lo' 'route add bogus dev lo' \
		'route get 1.2.3.4 from bogus' 'route add 1.2.3.0/24 dev lo src 1.2.3.4/24' \
		'route add 1.2.3.0/24 nexthop via bogus dev lo' 'route flush bogus' \
		'route add 1.2.3.0/24 via inet6 bogus dev lo' 'route show table main to bogus' \
		'addr add bogus dev lo' 'addr add 1.2.3.4/24 peer bogus dev lo' \
		'addr add 1.2.3.4/24 broadcast bogus dev lo' 'addr show to bogus' \
		'nexthop add id 1 via bogus dev lo' 'rule add from bogus' 'rule add nat bogus' \
		'neigh add bogus dev lo' \
		'tunnel add t1 mode sit remote bogus' 'tunnel add t1 mode gre key 1.2.3.4.5' \
		'tunnel 6rd dev t1 6rd-prefix bogus' '-6 tunnel add t1 remote bogus' \
		'link add v0 type vxlan id 1 remote bogus' 'link add g0 type geneve id 1 remote bogus' \
		'link add t1 type gre remote bogus' 'link add t1 type ip6gre local bogus' \
		'link add t1 type sit 6rd-relay_prefix bogus' 'link add b0 type bond arp_ip_target bogus' \
		'link add b0 type bond ns_ip6_target bogus' 'route add 1.2.3.0/24 dev lo pref bogus' \
		'addr add 1.2.3.4/24 local bogus dev lo' '-f link route add 1.2.3.0/24 dev lo'; do
		i=$((i + 1))
		printf '%s\nlink show lo\n' "$l" >"$d/b$i"
		cmds+=("ip -batch $d/b$i" "ip -force -batch $d/b$i")
	done
	diff_ip_each '' "${cmds[@]}"
}
