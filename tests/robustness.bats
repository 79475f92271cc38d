#!/usr/bin/env bats
# Output that cannot be written (closed pipe, full disk, closed stdout), and
# requests that must be atomic.  Where the reference silently loses output
# (it exits 0 on /dev/full and with stdout closed), we say so and fail: the
# tests pin our behaviour and note the reference's.

load helpers

setup() { need_root; }

@test "output: a reader that went away ends ip by SIGPIPE, with nothing on stderr" {
	for which in ours ref; do
		# stderr goes around the pipe, to what `run` captures.
		run sh_in_sandbox "$which" '
			for i in 1 2 3 4 5 6 7 8; do ip link add v$i type veth peer name w$i; done
			exec 3>&1
			{ sleep 0.3; ip -d link show 2>&3; } | true'
		[ "$status" -eq 0 ]
		[ -z "$output" ]
	done
	run sandbox bash -c '{ sleep 0.3; ip link show; } | true; echo "${PIPESTATUS[0]}"'
	[ "$output" = 141 ]
}

@test "output: ip link | head -1 prints one line, quietly" {
	run sh_in_sandbox '
		for i in 1 2 3 4 5 6 7 8 9 10; do ip link add v$i type veth peer name w$i; done
		ip -s -d link show | head -1'
	[ "$status" -eq 0 ]
	[ "$output" = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000" ]
}

@test "output: a full disk is an error, in text and JSON (the reference exits 0 silently)" {
	run sandbox ip link show lo
	[ "$status" -eq 0 ]
	run sandbox sh -c 'ip link show >/dev/full'
	[ "$status" -eq 1 ]
	[ "$output" = "Error writing output: No space left on device" ]
	run sandbox sh -c 'ip -j -p link show >/dev/full'
	[ "$status" -eq 1 ]
	[ "$output" = "Error writing output: No space left on device" ]
	run sandbox sh -c 'ip -batch - >/dev/full <<EOF
link show
link show lo
EOF'
	[ "$status" -eq 1 ]
	[[ "$output" == *"Error writing output: No space left on device"* ]]
}

@test "output: closed stdout is an error, and nothing is written to the netlink socket" {
	run sandbox sh -c 'ip link show >&-'
	[ "$status" -eq 1 ]
	[ "$output" = "Error writing output: Bad file descriptor" ]
	# With fd 1 closed the socket must not take its place: the request the
	# kernel sees is the dump, not the text of the listing.
	command -v strace >/dev/null || skip "strace is not installed"
	run sandbox sh -c 'strace -f -e trace=socket,sendto,sendmsg,write ip link show >&- 2>&1'
	[[ "$output" != *"socket(AF_NETLINK"*"= 1"* ]]
	[[ "$output" != *"write(1, \"1: lo"* ]] || [[ "$output" == *"write(1, \"1: lo"*"EBADF"* ]]
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
