#!/usr/bin/env bats
# Output that cannot be written (closed pipe, full disk, closed stdout), and
# requests that must be atomic.  A reader that goes away ends ip as it ends
# the reference.  Where the reference silently loses output (it exits 0 on
# /dev/full and with stdout closed), we say so and fail: the tests pin our
# behaviour and check the reference's.

load helpers

setup() { need_root; }

# Enough links, addresses and routes that every listing below is far more
# than a pipe holds (64 KiB) plus what `head` reads before it exits: the
# writes after that meet a closed pipe whatever the timing.  One batch each,
# so that it stays quick under valgrind.
BIG_STATE='for i in $(seq 1 300); do
		echo "link add v$i type veth peer name w$i"
		echo "address add 10.1.$((i / 250)).$((i % 250 + 1))/32 dev v$i"
	done | ip -batch -
	ip link set lo up
	for i in $(seq 1 4000); do
		echo "route add 10.$((i / 250 + 20)).$((i % 250)).0/24 dev lo"
	done | ip -batch -'

# Each listing into `head`, with SIGPIPE as inherited and with SIGPIPE
# ignored (as under some harnesses and daemons): its exit status and stderr.
PIPE_CASES='for c in "ip link" "ip -s -d link" "ip addr" "ip -o link" "ip route" \
		"ip -j -p link" "ip -j addr" "ip -j route"; do
		bash -c "$c 2>/tmp/err | head -c 100 >/dev/null; echo \"$c: \${PIPESTATUS[0]} [\$(cat /tmp/err)]\""
		bash -c "trap \"\" PIPE; $c 2>/tmp/err | head -c 100 >/dev/null
			echo \"$c, SIGPIPE ignored: \${PIPESTATUS[0]} [\$(cat /tmp/err)]\""
	done'

@test "output: a reader that went away ends ip quietly, as the reference (SIGPIPE default or ignored)" {
	need_ref
	for which in ours ref; do
		run sh_in_sandbox "$which" "$BIG_STATE
			$PIPE_CASES"
		[ "$status" -eq 0 ]
		printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/$which"
	done
	diff -u "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/ours"
	# What the reference does: killed by SIGPIPE (128 + 13), or with the
	# signal ignored, exit 0 with nothing on stderr.
	grep -qx 'ip link: 141 \[\]' "$BATS_TEST_TMPDIR/ours"
	grep -qx 'ip -j route, SIGPIPE ignored: 0 \[\]' "$BATS_TEST_TMPDIR/ours"
	[ "$(grep -c ': 141 \[\]$' "$BATS_TEST_TMPDIR/ours")" -eq 8 ]
	[ "$(grep -c 'ignored: 0 \[\]$' "$BATS_TEST_TMPDIR/ours")" -eq 8 ]
}

@test "output: a closed pipe in a batch: the remaining commands still run" {
	# The reader is gone, the changes asked for are not: a batch goes on
	# to its end, quietly, with SIGPIPE ignored.
	run sh_in_sandbox "$BIG_STATE
		{ echo 'link show'; echo 'route show'; echo 'link add late type veth peer name late2'; } |
			bash -c 'trap \"\" PIPE; ip -batch - | head -1 >/dev/null; echo \"rc \${PIPESTATUS[0]}\"'
		ip -br link show late"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "rc 0" ]
	[[ "${lines[1]}" == "late@late2 "*"DOWN"* ]]
}

@test "output: ip link | head -1 prints one line, quietly" {
	run sh_in_sandbox '
		for i in 1 2 3 4 5 6 7 8 9 10; do ip link add v$i type veth peer name w$i; done
		ip -s -d link show | head -1'
	[ "$status" -eq 0 ]
	[ "$output" = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000" ]
}

# Each command with its stdout redirected by $1: what it says, and its status.
lost_output() {
	sh_in_sandbox "$2" "for c in 'ip link show' 'ip -j -p link show' \\
			'printf \"link show\\nlink show lo\\n\" | ip -batch -' \\
			'ip link show nope' 'ip -V'; do
		sh -c \"\$c $1\" 2>&1; echo \"rc \$?\"
	done"
}

# The reference, on a full disk and with stdout closed alike.
REF_LOST_OUTPUT='rc 0
rc 0
rc 0
Device "nope" does not exist.
rc 1
rc 0'

@test "output: a full disk is an error, in text and JSON (the reference exits 0 silently)" {
	need_ref
	run lost_output '>/dev/full' ref
	[ "$output" = "$REF_LOST_OUTPUT" ]
	run lost_output '>/dev/full' ours
	# A failing command keeps its own status and message.
	[ "$output" = "Error writing output: No space left on device
rc 1
Error writing output: No space left on device
rc 1
Error writing output: No space left on device
rc 1
Device \"nope\" does not exist.
rc 1
Error writing output: No space left on device
rc 1" ]
}

@test "output: closed stdout is an error (the reference exits 0 silently)" {
	need_ref
	run lost_output '>&-' ref
	[ "$output" = "$REF_LOST_OUTPUT" ]
	run lost_output '>&-' ours
	[ "$output" = "Error writing output: Bad file descriptor
rc 1
Error writing output: Bad file descriptor
rc 1
Error writing output: Bad file descriptor
rc 1
Device \"nope\" does not exist.
rc 1
Error writing output: Bad file descriptor
rc 1" ]
}

@test "output: with fds 0-2 closed at start, no socket or file takes their numbers" {
	command -v strace >/dev/null || skip "strace is not installed"
	# The reference's netlink socket becomes fd 1 here, and it writes the
	# listing into the socket, to the kernel.  Ours holds 0-2 with
	# /dev/null (read-only, so a write to stdout still fails).  Only the
	# socket and /etc/iproute2 are looked at: the dynamic loader of a
	# sanitizer build and valgrind open files of their own before main().
	# (musl calls open and writev where glibc calls openat and write.)
	local close2='2>&-'
	if [[ "$IP_WRAPPER" == *valgrind* ]]; then
		# valgrind keeps fd 2 as its log and refuses it to the program.
		close2='2>/dev/null'
		echo "# fds 0 and 1 only: valgrind keeps fd 2 for itself" >&3
	fi
	run sandbox sh -c 'strace -f -o /run/trace -e trace=socket,open,openat,write,writev ip link show lo <&- >&- '"$close2"'
		echo "rc $?"
		grep -E "^[0-9]+ +(socket\(|open(at)?\((AT_FDCWD, )?\"/etc/iproute2/).* = [0-2]$" /run/trace
		grep -cE "^[0-9]+ +writev?\(1, .*1: lo.*EBADF" /run/trace'
	[ "$status" -eq 0 ]
	[ "$output" = "rc 1
1" ]
	# Without strace: stdin closed is an empty batch, not a read from the
	# netlink socket (which blocks the reference forever).
	run sandbox sh -c 'timeout 10 ip -batch - <&-; echo "rc $?"'
	[ "$output" = "rc 0" ]
	run sandbox sh -c 'ip link add v1 type veth peer name w1 >&- <&- '"$close2"'; echo "rc $?"; ip -br link show v1'
	[ "${lines[0]}" = "rc 0" ]
	[[ "${lines[1]}" == "v1@w1 "* ]]
}

@test "output: JSON stays valid when a command of a batch fails" {
	command -v jq >/dev/null || skip "jq is not installed"
	run sandbox sh -c 'printf "link show lo\nlink show nope\nlink show lo\n" |
		ip -force -j -batch - 2>/dev/null'
	[ "$status" -eq 1 ]
	# One JSON document per command that printed, each valid.
	[ "$(printf '%s\n' "$output" | jq -c . | wc -l)" -eq 2 ]
	run sandbox sh -c 'ip -j link show nope 2>/dev/null'
	[ "$status" -eq 1 ]
	[ -z "$output" ] || printf '%s\n' "$output" | jq -e . >/dev/null
	# Byte for byte the reference's, errors and status included.
	diff_ip 'printf "link show lo\nlink show nope\naddr show dev nope\nroute show table 0\n" |
		ip -force -j -batch -; echo "rc $?"'
}

@test "output: a JSON listing cut short by a failed dump is closed (the reference leaves '[ ')" {
	need_ref
	run sandbox ref sh -c 'ip -j -p route show table 77; echo " rc $?"'
	[ "$output" = "Error: ipv4: FIB table does not exist.
Dump terminated
[  rc 2" ]
	run sandbox sh -c 'ip -j -p route show table 77; echo "rc $?"'
	[ "$output" = "Error: ipv4: FIB table does not exist.
Dump terminated
[ ]
rc 2" ]
}

@test "atomicity: a veth with its peer in another namespace is one RTM_NEWLINK" {
	command -v strace >/dev/null || skip "strace is not installed"
	run sh_in_sandbox '
		ip netns add other
		strace -f -e trace=sendto,sendmsg -o /tmp/trace ip link add v0 type veth peer name v1 netns other
		echo "rc=$?"
		grep -c RTM_NEWLINK /tmp/trace
		ip -n other link show v1 >/dev/null && echo peer-there'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "rc=0" ]
	[ "${lines[1]}" = 1 ]
	[ "${lines[2]}" = peer-there ]
}

@test "atomicity: a failed link set with several changes reports like the reference" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link set v0 mtu 1400 address 02:00:00:00:00:01 name v1' \
		'ip -d link show v0' \
		'ip link set v0 mtu 100000 txqueuelen 7' \
		'ip link show v0' \
		'ip link set v0 up mtu 99999999' \
		'ip link show v0' \
		'ip link set v0 name v2 mtu 1300 netns nonexistent' \
		'ip link show v0'
}

@test "output: JSON from failing commands is empty or valid, for every object" {
	command -v jq >/dev/null || skip "jq is not installed"
	run sh_in_sandbox '
		for c in "addr show dev nope" "-p route show table 77" "route get 10.0.0.1" \
			"link show nope" "netns list-id" "-s link show type nosuchkind" \
			"addr show to 300.0.0.1" "route show dev nope" "-p -d link show dev lo"; do
			out=$(ip -j $c 2>/dev/null)
			if [ -n "$out" ] && ! printf "%s\n" "$out" | jq -e . >/dev/null 2>&1; then
				echo "invalid JSON from ip -j $c: $out"
			fi
		done
		echo done'
	[ "$status" -eq 0 ]
	[ "$output" = done ]
}
