#!/usr/bin/env bats
# ip netns must never reach outside /run/netns, must leave nothing behind when
# it fails, and must stay consistent under concurrent use.  Every check runs
# against both implementations (the reference too), each in its own sandbox.

load helpers

setup() { need_root; }

# Everything that could change outside /run/netns: the files under /run and
# /etc/netns, and the mount table.
SNAPSHOT='snap() { find /run /etc/netns -path /run/netns -prune -o -print | sort
	awk "\$5 !~ \"^/run/netns\" { print \$5 }" /proc/self/mountinfo | sort; }'

@test "netns: bad names create and remove nothing, with the reference's message" {
	need_ref
	long=$(printf '%0300d' 0)
	for which in ours ref; do
		run sh_in_sandbox "$which" "$SNAPSHOT
			mkdir -p /run/keep; touch /run/keep/file /run/sentinel
			before=\$(snap)
			for n in ../sentinel ../keep/file a/b .. . '' /run/sentinel $long; do
				ip netns add \"\$n\"; echo \"add \$?\"
				ip netns delete \"\$n\"; echo \"del \$?\"
				ip netns exec \"\$n\" true; echo \"exec \$?\"
				ip -n \"\$n\" link show >/dev/null; echo \"-n \$?\"
			done 2>&1
			[ \"\$(snap)\" = \"\$before\" ] && echo unchanged
			ls -A /run/netns | wc -l"
		[ "$status" -eq 0 ]
		[ "${lines[$((${#lines[@]} - 2))]}" = unchanged ]
		[ "${lines[$((${#lines[@]} - 1))]}" = 0 ]
		printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/$which"
	done
	diff -u "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/ours"
	grep -qx 'Invalid netns name "../sentinel"' "$BATS_TEST_TMPDIR/ours"
}

@test "netns: a name with a control character stays inside /run/netns" {
	# The reference accepts "a<newline>b" (a file in /run/netns), we refuse
	# it; either way nothing appears elsewhere.
	for which in ours ref; do
		run sh_in_sandbox "$which" "$SNAPSHOT
			before=\$(snap)
			ip netns add \"\$(printf 'a\nb')\" 2>/dev/null
			ip netns add \"\$(printf 'c\tb\001')\" 2>/dev/null
			ip -all netns delete 2>/dev/null
			[ \"\$(snap)\" = \"\$before\" ] && echo unchanged
			ls -A /run/netns | wc -l"
		[ "${lines[0]}" = unchanged ]
		[ "${lines[1]}" = 0 ]
	done
}

@test "netns: a failed add leaves no file and no mount behind" {
	diff_ip 'ip netns add y
		ip netns add y; echo "dup $?"
		grep -c " /run/netns/y " /proc/self/mountinfo
		mount -o remount,ro /run/netns
		ip netns add z; echo "ro $?"
		mount -o remount,rw /run/netns
		ls -A /run/netns
		grep -c " /run/netns/z " /proc/self/mountinfo
		echo end'
}

@test "netns: delete of a namespace in use behaves like the reference" {
	# The delete comes once the command is inside (a fixed sleep raced
	# ip's start under valgrind).
	diff_ip 'ip netns add x
		ip netns exec x sh -c "touch /run/inside; exec sleep 1" &
		n=0; until [ -e /run/inside ] || [ $n -ge 300 ]; do sleep 0.1; n=$((n + 1)); done
		ip netns delete x; echo "del $?"
		ip netns list
		grep -c " /run/netns/x " /proc/self/mountinfo
		wait; echo "exec $?"
		echo end'
}

# 100 processes at once, each with a name of its own: half add, enter and
# delete theirs, half add theirs and keep it.  (Racing add and delete of the
# SAME name can leave it mounted twice, in the reference and in ours: the
# bind mount goes to the path, which may by then be another add's file.)
PARALLEL='ip netns add first
	for i in $(seq 1 100); do
		if [ $((i % 2)) = 0 ]; then
			ip netns add q$i
		else
			ip netns add p$i && ip netns exec p$i true && ip netns del p$i
		fi >/dev/null 2>&1 &
	done
	wait
	ls /run/netns | grep -c "^q"
	ls /run/netns | grep -c "^p"
	for f in /run/netns/*; do
		awk -v m="$f" "\$5 == m { n++ } END { exit n != 1 }" /proc/self/mountinfo ||
			echo "not mounted exactly once: $f"
	done
	awk "\$5 ~ \"^/run/netns/.\" { print \$5 }" /proc/self/mountinfo |
		while read -r m; do [ -e "$m" ] || echo "mount without file: $m"; done
	ip netns list | wc -l
	ip -all netns delete >/dev/null 2>&1
	ls -A /run/netns
	awk "\$5 ~ \"^/run/netns/.\" { print \"left mounted: \" \$5 }" /proc/self/mountinfo
	echo end'

@test "netns: 100 parallel add/exec/delete leave /run/netns and the mounts consistent" {
	need_ref
	for which in ours ref ours; do
		run sh_in_sandbox "$which" "$PARALLEL"
		[ "$status" -eq 0 ]
		[ "$output" = "50
0
51
end" ] || { echo "$which: $output"; false; }
	done
}

# 100 processes racing on the SAME names (add, delete, exec of "same").
RACE='for i in $(seq 1 100); do
		case $((i % 5)) in
		0) ip netns add same ;;
		1) ip netns del same ;;
		2) ip netns add n$((i % 10)) ;;
		3) ip netns exec same true ;;
		4) ip netns del n$(((i + 8) % 10)) ;;
		esac >/dev/null 2>&1 &
	done
	wait
	awk "\$5 ~ \"^/run/netns/.\" { print \$5 }" /proc/self/mountinfo | sort | uniq -c |
		awk "\$1 > 1 { print \"mounted twice: \" \$2 }"
	ip -all netns delete >/dev/null 2>&1
	ls -A /run/netns
	echo end'

@test "netns: racing add and delete of one name never stacks two mounts" {
	# Binding the new namespace onto the path lets a racing delete+add
	# put a second mount on the same name (iproute2 does so about one run
	# in two); ours mounts onto /proc/self/fd/N of the file it created.
	# Four rounds of 100 processes each; one under a wrapper such as
	# valgrind, where each process is far slower and races less anyway.
	local rounds=4
	if [ -n "$IP_WRAPPER" ]; then
		rounds=1
		echo "# one round, not four, under IP_WRAPPER" >&3
	fi
	for round in $(seq 1 $rounds); do
		run sh_in_sandbox ours "$RACE"
		[ "$output" = end ] || { echo "round $round: $output"; false; }
	done
}
