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

# lib/out_fmt.c prints no floating point: a format asking for one would
# print "%f" in every listing (and in everything the musl build prints).  Fractions go through lib/decimal.c.
@test "no printf format in ip/ or lib/ asks for a floating point value" {
	run sh -c "grep -nE '\"[^\"]*%[-+ #0-9.*]*[lLhjzt]*[aAeEfFgG][^\"]*\"' \
		'$REPO_DIR'/ip/*.c '$REPO_DIR'/lib/*.c '$REPO_DIR'/include/*.h |
		grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/[*]|[*])'"
	echo "$output"
	[ "$status" -eq 1 ]
}

# The budget of issue 16 is 192 KiB; with every object and link kind
# (rule, neigh, nexthop, tuntap, maddress, monitor, tunnel, the
# tunnel/geneve/ipvlan/macsec/bond kinds) the binary was 233,304 bytes,
# 218,952 with the help texts packed (ip/usage.txt), strtol, qsort and
# time replaced again and one error printer; 210,472 with the musl line's
# flags measured one by one, the link statistics and keyword lists as
# tables and fewer libc functions.  This test holds it under 208 KiB (that,
# rounded up to a KiB, and 2 KiB), so it cannot grow unnoticed while it is
# cut down.
@test "make CC=musl-gcc: the stripped static binary is under 208 KiB" {
	command -v musl-gcc >/dev/null || skip "musl-gcc (Debian musl-tools) is not installed"
	local b="$BATS_TEST_TMPDIR/musl"
	run make -C "$REPO_DIR" -s CC=musl-gcc B="$b" BIN="$b/ipbin"
	[ "$status" -eq 0 ]
	local size
	size=$(stat -c %s "$b/ipbin")
	echo "musl binary: $size bytes (limit 212992); glibc ip/ip: $(stat -c %s "$REPO_DIR/ip/ip")"
	[ "$size" -lt 212992 ]
	[ "$(stat -c %s "$REPO_DIR/ip/ip")" -lt 1048576 ]
}

# The musl binary runs on lib/musl/ and lib/libc/ (printf, malloc, fork,
# fnmatch, inet_ntop): the same commands in the same sandbox print what
# the glibc binary prints, in the formats they exercise most.
@test "musl and glibc binaries print the same, command by command" {
	command -v musl-gcc >/dev/null || skip "musl-gcc (Debian musl-tools) is not installed"
	need_root
	local b="$BATS_TEST_TMPDIR/musl"
	make -C "$REPO_DIR" -s CC=musl-gcc B="$b" BIN="$b/ipbin"
	# The two runs of a command must see the same counters: no IPv6 on the
	# links that are up (its DAD, MLD reports and router solicitations
	# come at any time), so the IPv6 address goes on br0, which stays down.
	run sandbox sh -c '
		M='"$b/ipbin"'
		sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
		ip link add v0 type veth peer name v1 && ip link set lo up && ip link set v0 up
		ip link set v1 up && ip link add br0 type bridge && ip link set v1 master br0
		ip addr add 10.0.0.1/24 dev v0 label v0:a && ip addr add 10.0.0.2/24 dev v0 label v0:b
		sysctl -qw net.ipv6.conf.br0.disable_ipv6=0
		ip -6 addr add 2001:db8::1/64 dev br0 nodad
		ip route add 10.1.0.0/16 via 10.0.0.9 rtt 1.5s rttvar 123456ms rto_min 4294967295ms
		ip route add 10.2.0.0/16 dev v0 metric 0x10 table 0x20
		ip netns add b && ip netns add a && ip link add v2 netns a type veth peer name v3
		for c in "-s -s -h link" "-d -j -p link" "-o -s -iec link show v0" \
			"addr show label v0:*" "addr show label [v]0:[!a]" "-br addr" \
			"-j route show table all" "route show table 32" "-d route" \
			"netns list" "-all netns exec ip -br link" "link set v0 address 0x2:0:+1:a:b:c" \
			"link set v0 address 2:100:0:0:0:0" "route add 10.3.0.0/16 dev v0 rtt 1.2.3" \
			"addr show dev if$(cat /sys/class/net/v0/ifindex)" "help"; do
			ip $c >/run/g.out 2>&1; echo "rc $?" >>/run/g.out
			$M $c >/run/m.out 2>&1; echo "rc $?" >>/run/m.out
			cmp -s /run/g.out /run/m.out || { echo "differs: ip $c"; diff /run/g.out /run/m.out; }
		done; echo checked'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = checked ]
}

# libc_check HARNESS N RENAMES SOURCE...: compile each SOURCE (a file of
# ours that stands in for a C library function) with RENAMES
# (-Dfnmatch=small_fnmatch ...), link them to tests/libc/HARNESS.c, which
# compares them with the C library's own (glibc's, as the reference uses)
# on N random cases, and run it.
libc_check() {
	local h="$1" n="$2" renames="$3" b="$BATS_TEST_TMPDIR" objs=() src o
	shift 3
	command -v gcc >/dev/null || skip "gcc is not installed"
	ldd --version 2>&1 | grep -qi 'glibc\|gnu libc' || skip "the oracle is glibc"
	for src in "$@"; do
		o="$b/$(basename "$src" .c).o"
		# shellcheck disable=SC2086  # RENAMES is a list of flags
		gcc -O1 -D_GNU_SOURCE -I"$REPO_DIR/include" $renames -c -o "$o" "$REPO_DIR/$src"
		objs+=("$o")
	done
	gcc -O1 -Wno-format -I"$REPO_DIR/include" -o "$b/$h" "$REPO_DIR/tests/libc/$h.c" \
		"${objs[@]}" -lm
	run "$b/$h" "$n"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "lib/libc/fnmatch.c matches glibc's fnmatch (flags 0) on 2,000,000 patterns" {
	libc_check fnmatch_diff 2000000 -Dfnmatch=small_fnmatch lib/libc/fnmatch.c
	POSIXLY_CORRECT=1 run "$BATS_TEST_TMPDIR/fnmatch_diff" 200000
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "scan_uint() reads what glibc's sscanf \"if%u\" and \"%x\" read" {
	libc_check scan_diff 1000000 "" lib/util.c
}

@test "lib/decimal.c prints %g and %.*f and reads numbers as glibc does" {
	libc_check decimal_diff 500000 "" lib/decimal.c
}

@test "lib/out_fmt.c (every listing, the musl build's vfprintf) agrees with glibc's printf" {
	libc_check printf_diff 500000 -Dfmt_vfprintf=small_vfprintf lib/out_fmt.c
}

@test "lib/libc/inet_ntop.c writes addresses as glibc's inet_ntop does" {
	libc_check inet_diff 1000000 -Dinet_ntop=small_inet_ntop lib/libc/inet_ntop.c
}

@test "lib/musl/strtol.c agrees with glibc's strtol and siblings" {
	libc_check strtol_diff 500000 "-Dstrtoull=small_strtoull -Dstrtoul=small_strtoul \
		-Dstrtoll=small_strtoll -Dstrtol=small_strtol" lib/musl/strtol.c
}

@test "lib/musl/malloc.c and lib/libc/qsort.c keep every block and sort right under random use" {
	libc_check alloc_check 200000 "-Dmalloc=small_malloc -Dcalloc=small_calloc \
		-Drealloc=small_realloc -Dfree=small_free -Dqsort=small_qsort" \
		lib/musl/malloc.c lib/libc/qsort.c
}
