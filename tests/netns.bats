#!/usr/bin/env bats
# ip netns: golden texts, error paths, and differential runs against the
# reference.  Everything runs in sandboxes (tmpfs on /run, /run/netns,
# /etc/netns); PIDs never reach compared output, since they differ per run.

load helpers

setup() { need_root; }

# Readiness instead of sleeps: under valgrind ip takes a second or more to
# start, and a fixed "sleep 0.3" raced it.  Every wait is bounded (30 s).
#   in_ns NAME      a process in NAME (its pid in $!), once it is in there
#   watching PID    until PID or a child of it holds an inotify watch
READY='ready() { n=0; until [ -e "/run/ready.$1" ] || [ $n -ge 300 ]; do sleep 0.1; n=$((n + 1)); done; }
in_ns() { ip netns exec "$1" sh -c "touch /run/ready.$1; exec sleep 60" & ready "$1"; }
watching() { n=0; until cat /proc/$1/fdinfo/* /proc/$(pgrep -P $1 | head -1)/fdinfo/* 2>/dev/null |
	grep -q "^inotify wd" || [ $n -ge 300 ]; do sleep 0.1; n=$((n + 1)); done; }
printed() { n=0; until grep -qx "$2" "$1" || [ $n -ge 300 ]; do sleep 0.1; n=$((n + 1)); done; }
'

@test "netns add/list/delete: exact text" {
	run sh_in_sandbox 'ip netns add t1 && ip netns add t2 && ip netns set t1 5 &&
ip netns && ip netns del t2 && ip netns list && ls /run/netns'
	[ "$status" -eq 0 ]
	[ "$output" = "t2
t1 (id: 5)
t1 (id: 5)
t1" ]
}

@test "netns list -j and -j -p: exact JSON" {
	run sh_in_sandbox 'ip netns add t1; ip netns add t2; ip netns set t2 3
ip -j netns; ip -j -p netns'
	[ "$status" -eq 0 ]
	[ "$output" = '[{"name":"t2","id":3},{"name":"t1"}]
[ {
        "name": "t2",
        "id": 3
    },{
        "name": "t1"
    } ]' ]
}

@test "netns list-id: exact text and JSON" {
	run sh_in_sandbox 'ip netns add t1; ip netns add t2; ip netns set t1 1; ip netns set t2 2
ip -n t1 netns set t2 7; ip -n t1 netns set t1 9
ip netns list-id; ip netns list-id target-nsid 1; ip -j netns list-id target-nsid 1'
	[ "$status" -eq 0 ]
	[ "$output" = 'nsid 1 (iproute2 netns name: t1)
nsid 2 (iproute2 netns name: t2)
nsid 7 current-nsid 2 (iproute2 netns name: t2)
nsid 9 current-nsid 1 (iproute2 netns name: t1)
[{"nsid":7,"current-nsid":2,"name":"t2"},{"nsid":9,"current-nsid":1,"name":"t1"}]' ]
}

@test "netns help: our usage text, exit 255" {
	run sandbox ip netns help
	[ "$status" -eq 255 ]
	[ "${lines[0]}" = "Usage:	ip netns [ list | show ]" ]
	[[ "$output" == *"ip [-all] netns exec [NAME] COMMAND [ARG]..."* ]]
	[[ "$output" == *"NETNSID := auto | NSID"* ]]
	# Every usage error prints the same text.
	run sandbox ip netns list-id bogus
	[ "$status" -eq 255 ]
	[ "${lines[0]}" = "Usage:	ip netns [ list | show ]" ]
}

@test "netns: usage errors exit 255 in both implementations" {
	need_ref
	local c
	for c in 'netns help' 'netns list-id foo' 'netns list-id t 1' 'netns h'; do
		run sandbox ours sh -c "ip $c >/dev/null 2>&1; echo \$?"
		local ours="$output"
		run sandbox ref sh -c "ip $c >/dev/null 2>&1; echo \$?"
		[ "$ours" = "$output" ] && [ "$ours" = 255 ]
	done
}

@test "netns names: every refused form, exact message and 255" {
	local long
	long=$(printf 'x%.0s' $(seq 256))
	run sh_in_sandbox "ip netns add ''; echo \$?; ip netns add a/b; echo \$?
ip netns add .; echo \$?; ip netns del ..; echo \$?; ip netns exec ../x true; echo \$?
ip netns add $long 2>/dev/null; echo \$?; ls -A /run/netns | wc -l"
	[ "$output" = 'Invalid netns name ""
255
Invalid netns name "a/b"
255
Invalid netns name "."
255
Invalid netns name ".."
255
Invalid netns name "../x"
255
255
0' ]
}

@test "netns names: control characters refused (the reference takes them)" {
	run sh_in_sandbox 'ip netns add "$(printf "a\nb")"; echo $?
ip netns add "$(printf "t\tx")"; echo $?; ip netns add "$(printf "z\033")"; echo $?
ls -A /run/netns | wc -l'
	[ "$output" = 'Invalid netns name "a
b"
255
Invalid netns name "t	x"
255
Invalid netns name "z'$'\033''"
255
0' ]
}

@test "netns names: validated by every verb, like the reference" {
	local long
	long=$(printf 'y%.0s' $(seq 256))
	diff_ip_each 'ip netns add t1' \
		'ip netns add ""' 'ip netns add a/b' 'ip netns add .' 'ip netns add ..' \
		'ip netns add ../x' 'ip netns add /tmp/x' "ip netns add $long" \
		"ip netns add ${long%y}" 'ip netns del ../t1' 'ip netns delete /run/netns/t1' \
		'ip netns set ../x 1' 'ip netns set ../x' 'ip netns set .. abc' \
		'ip netns attach ../x 1' 'ip netns attach "" 1' 'ip netns pids ../x' \
		'ip netns pids ../x extra' 'ip netns exec .. true' 'ip netns exec "" true' \
		'ls -A /run/netns /tmp/x' 'ip netns'
}

@test "netns list: every form matches the reference" {
	diff_ip_each 'ip netns add t1; ip netns add t2; ip netns add t3; ip netns set t1 5; ip netns set t3 auto' \
		'ip netns' 'ip netns list' 'ip netns show' 'ip netns lst' 'ip netns ls' \
		'ip netns l' 'ip netns s' 'ip netns sh' 'ip netns li' 'ip netns show t1' \
		'ip -j netns' 'ip -j -p netns' 'ip -j netns list' 'ip -o netns' \
		'ip -br netns' 'ip -d -s netns' 'ip -c=always netns' 'ip -c=always -j netns' \
		'ip netns list extra args' 'ip netns ""' \
		'ip netns del t2' 'ip netns' 'ip -all netns del' 'ip netns' 'ip -j netns' \
		'ip -j -p netns'
}

@test "netns list: no /run/netns at all" {
	export SANDBOX_NO_RUN_NETNS=1
	diff_ip_each 'true' \
		'ip netns' 'ip -j netns' 'ip netns list-id' 'ip -j netns list-id' \
		'ip netns del x' 'ip -all netns del' 'ip -all netns exec true' \
		'ip netns identify' 'ip netns pids x' 'ip netns set x 1' \
		'ls -A /run' 'ip netns add t1' 'ls -l --time-style=+ /run/netns' 'ip netns'
}

@test "netns list: stray entries in /run/netns" {
	diff_ip_each 'ip netns add t1; ip netns set t1 3; touch /run/netns/plain' \
		'ip netns' 'ip -j netns' 'ip netns list-id' 'ip -j netns list-id' \
		'ip netns identify' 'ip netns set plain 4' 'ip netns pids plain' \
		'ip netns exec plain true' 'ip netns del plain' 'ip netns'
}

@test "netns set: values, errors and kernel refusals" {
	diff_ip_each 'ip netns add t1; ip netns add t2' \
		'ip netns set' 'ip netns set t1' 'ip netns set nosuch 1' \
		'ip netns set t1 abc' 'ip netns set t1 -1' 'ip netns set t1 ""' \
		'ip netns set t1 2147483648' 'ip netns set t1 99999999999' \
		'ip netns set t1 AUTO' 'ip netns set t1 0x10' 'ip netns set t1 5' \
		'ip netns set t2 16' 'ip netns set t2 auto extra' 'ip netns set t2 3' \
		'ip netns' 'ip netns list-id' 'ip netns se t1 1'
}

@test "netns list-id: filters and errors" {
	diff_ip_each 'ip netns add t1; ip netns add t2; ip netns add t3; ip netns set t1 1; ip netns set t2 2
ip -n t1 netns set t2 7; ip -n t1 netns set t3 8' \
		'ip netns list-id' 'ip -n t1 netns list-id' 'ip netns list-id target-nsid 1' \
		'ip -j netns list-id target-nsid 1' 'ip -j -p netns list-id target-nsid 1' \
		'ip -j -p netns list-id' 'ip netns list-id nsid 2' 'ip netns list-id nsid 0x2' \
		'ip netns list-id nsid 6' 'ip netns list-id nsid 2 target-nsid 1' \
		'ip netns list-id target-nsid 1 nsid 7' 'ip netns list-id target-nsid 99' \
		'ip netns list-id nsid abc' 'ip netns list-id nsid' 'ip netns list-id target-nsid abc' \
		'ip netns list-id nsid 2 nsid 1' 'ip netns list-id target-nsid 2 target-nsid 1' \
		'ip netns list-id nsid 4294967295' 'ip netns list-id nsid 2147483648' \
		'ip netns list-id target-nsid 2' 'ip netns list-i' 'ip netns list-' \
		'ip -j netns list-id nsid 6' 'ip -j -p netns list-id nsid 6' \
		'ip -j netns list-id target-nsid 99' 'ip -j netns list-id nsid 2' \
		'ip -c=always netns list-id' 'ip netns list-id target-nsid 2 nsid 7'
}

@test "netns list-id: nsid without a name, several names for one nsid" {
	diff_ip "$READY"'
ip netns add u1; ip netns add u2; ip netns set u2 4
in_ns u2; A=$!
ip netns attach u9 $(ip netns pids u2); ip netns attach u0 $(ip netns pids u2)
ip netns; ip netns list-id; ip -j netns list-id
unshare -n sh -c "touch /run/ready.B; exec sleep 60" & B=$!; ready B
ip -n u1 link add v0 type veth peer name v1 netns $B
ip -n u1 netns list-id; ip -j -n u1 netns list-id
kill $A $B; wait'
}

@test "netns list-id: negative nsid names the value (the reference prints (null))" {
	run sandbox ip netns list-id nsid -1
	[ "$status" -eq 255 ]
	[ "$output" = 'Error: argument "-1" is wrong: "nsid" value should be >= 0' ]
	run sandbox ip netns list-id target-nsid -3
	[ "$status" -eq 255 ]
	[ "$output" = 'Error: argument "-3" is wrong: "target-nsid" value should be >= 0' ]
}

@test "netns add/delete: errors and what is left behind" {
	diff_ip_each 'ip netns add t1' \
		'ip netns add' 'ip netns add t1' 'ip netns add t2 extra' 'ip netns a t3' \
		'ip netns ad t4' 'ls -l --time-style=+ /run/netns' 'ip netns del t1' 'ip netns del t1' \
		'ip netns delete' 'ip netns d t2' 'ip netns de t3' 'ip netns dele t4 extra' \
		'ls -A /run/netns' 'ip -all netns del' 'ip -all netns delete t9' \
		'ip netns add t5' 'ip -a netns del' 'ls -A /run/netns'
}

@test "netns add: the namespace is new and the caller stays where it was" {
	diff_ip 'ip link add v0 type veth peer name v1
ip netns add t1; ip -br link | cut -c1-8; ip netns exec t1 ip -br link
ip link set v1 netns t1; ip -br link | cut -c1-8; ip -n t1 -br link | cut -c1-8'
}

@test "netns add: bind mounts as the reference makes them" {
	export SANDBOX_NO_RUN_NETNS=1
	local m='grep -c netns /proc/self/mountinfo; grep " /run/netns" /proc/self/mountinfo | sed "s/^[0-9]* [0-9]* [0-9]*:[0-9]* //; s/\[[0-9]*\]//; s/shared:[0-9]*/shared/"'
	diff_ip "$m; ip netns add t1; $m; ip netns add t2; $m; ip netns del t1; $m
stat -c '%A %s' /run/netns /run/netns/t2; ip netns del t2; $m; ip netns add t3; $m"
}

@test "netns attach: errors, and the name sees the process's namespace" {
	diff_ip "$READY"'
ip netns add t1; in_ns t1; A=$!; P=$(ip netns pids t1)
ip netns attach; echo $?; ip netns attach t3; echo $?; ip netns attach t3 abc; echo $?
ip netns attach t3 0; echo $?; ip netns attach t3 12abc; echo $?; ip netns attach t3 1.5; echo $?
ip netns attach t3 4294967297; echo $?; ip netns attach t3 999999; echo $?; ls -A /run/netns
ip netns attach t3 $P; echo $?; ip netns attach t3 $P; echo $?
ip netns attach t4 " $P"; echo $?; ip netns attach t5 $$; echo $?
[ "$(ip netns identify $P)" = t1 ] && echo identified
[ "$(ip netns pids t3)" = "$P" ] && echo pids-match
ip netns identify; ip netns; kill $A; wait'
}

@test "netns identify and pids: forms and errors" {
	diff_ip "$READY"'
ip netns add t1; in_ns t1; A=$!
P=$(ip netns pids t1); [ -n "$P" ] && [ "$(ip netns pids t1 | wc -l)" = 1 ] && echo one-pid
ip netns identify $P; ip -j netns identify $P; ip netns identify; echo $?
ip netns exec t1 ip netns identify; ip netns i; ip netns id
ip netns identify abc; echo $?; ip netns identify -1; echo $?; ip netns identify 0x10; echo $?
ip netns identify 0; echo $?; ip netns identify 999999; echo $?; ip netns identify 1 2; echo $?
ip netns identify ""; echo $?
ip netns pids; echo $?; ip netns pids nosuch; echo $?; ip netns pids t1 extra; echo $?
ip netns add t2; ip netns pids t2; echo $?; ip -j netns pids t2; ip netns p t2; echo $?
kill $A; wait'
}

@test "netns monitor: add and delete events" {
	# The reference buffers its output in a pipe; stdbuf lines it up.  Ours
	# flushes every event itself (and an ASan build must not get stdbuf's
	# LD_PRELOAD), so it runs bare; "ip -V" tells the two apart.
	diff_ip "$READY"'
SB="stdbuf -oL"; ip -V | grep -q compatible && SB=
$SB timeout 60 ip netns monitor > /tmp/mon.$$ 2>&1 & M=$!; watching $M
ip netns add t1; ip netns add t2; ip netns del t1; ip netns attach t3 $$
ip -all netns del; touch /run/netns/f; rm /run/netns/f; printed /tmp/mon.$$ "delete f"
kill $M; wait; cat /tmp/mon.$$; rm -f /tmp/mon.$$
timeout 0.3 ip netns monitor extra; echo $?'
}

@test "netns monitor: creates /run/netns, mounts nothing" {
	export SANDBOX_NO_RUN_NETNS=1
	diff_ip "$READY"'
timeout 60 ip netns monitor & M=$!; watching $M; kill $M; wait $M; echo $?
ls -ld /run/netns | cut -c1-10
grep -c " /run/netns" /proc/self/mountinfo; echo $?'
}

@test "netns exec: exit codes and errors" {
	diff_ip_each 'ip netns add t1' \
		'ip netns exec' 'ip netns exec t1' 'ip netns exec t1 nosuchprog' \
		'ip netns exec t1 sh -c "exit 7"' 'ip netns exec t1 false' \
		'ip netns exec nosuch true' 'ip netns exec t1 /etc/passwd' \
		'ip netns exec t1 sh -c "kill -9 \$\$"' 'ip netns e t1 echo hi' \
		'ip netns exec t1 ip -br link' 'ip netns exec t1 ip netns identify' \
		'ip netns exec t1 ls /sys/class/net' 'ip netns exec t1 sh -c "echo \$0 \$1" a b'
}

@test "netns exec: exact messages" {
	run sh_in_sandbox 'ip netns add t1; ip netns exec t1 nosuchprog; echo $?
ip netns exec t1; echo $?; ip netns exec; echo $?'
	[ "$output" = 'exec of "nosuchprog" failed: No such file or directory
1
No command specified
1
No netns name specified
1' ]
}

@test "netns exec: /etc/netns files bound over /etc, fresh /sys" {
	diff_ip 'ip netns add t1; ip link add v0 type veth peer name v1
mkdir -p /etc/netns/t1; echo "nameserver 192.0.2.53" > /etc/netns/t1/resolv.conf
echo hi > /etc/netns/t1/newfile
ip netns exec t1 cat /etc/resolv.conf; echo $?; ip netns exec t1 ls /etc/newfile; echo $?
ip netns exec t1 ls /sys/class/net; ls /sys/class/net
ip netns exec t1 sh -c "grep -E \" /sys | /etc/resolv.conf \" /proc/self/mountinfo | cut -d\" \" -f4,5,9,10"
ip -n t1 netns exec t1 true; echo $?
grep -c resolv.conf /proc/self/mountinfo; echo $?'
}

@test "netns exec: a read-only /sys stays read-only (the reference makes it rw)" {
	run sh_in_sandbox 'ip netns add t1; mount -o remount,ro /sys
ip netns exec t1 sh -c "grep \" /sys \" /proc/self/mountinfo | cut -d\" \" -f5,6,9,10"
mount -o remount,rw /sys; ip netns exec t1 sh -c "grep \" /sys \" /proc/self/mountinfo | cut -d\" \" -f5,9,10"'
	[ "$status" -eq 0 ]
	[ "$output" = "/sys ro,relatime t1 ro
/sys t1 rw" ]
}

@test "netns exec -all: headers, exit codes, order" {
	diff_ip_each 'ip netns add t1; ip netns add t2; ip netns add t3' \
		'ip -all netns exec echo hi' 'ip -all netns exec sh -c "exit 3"' \
		'ip -all netns exec' 'ip -all netns exec nosuchprog' \
		'ip -all netns exec ip netns identify' 'ip -j -all netns exec echo x' \
		'ip -all netns exec t1 echo hi' 'ip -all netns exec sh -c "kill -9 \$\$"' \
		'ip -all netns exec false' 'ip -all -n t1 netns exec true'
}

@test "netns exec -all: nothing to do" {
	diff_ip_each 'true' 'ip -all netns exec true' 'ip -all netns exec' 'ip -all netns del'
}

@test "ip -n NAME with every object" {
	diff_ip_each 'ip netns add t1; ip -n t1 link add v0 type veth peer name v1
ip -n t1 link set lo up; ip -n t1 addr add 192.0.2.1/24 dev v0
ip -n t1 route add 198.51.100.0/24 dev lo' \
		'ip -n t1 link' 'ip -n t1 -br link' 'ip -n t1 -j link show lo' \
		'ip -n t1 addr show dev v0' 'ip -n t1 -4 -br addr' 'ip -n t1 route' \
		'ip -n t1 -4 route show table local' 'ip -n t1 netns identify' \
		'ip -n t1 netns' 'ip -n t1 link show v0' 'ip link show v0' \
		'ip -netns t1 -br link show lo' 'ip -n t1 link add v2 type veth peer name v3' \
		'ip -n t1 -br link show v2' 'ip -n t1 link del v2' 'ip -n t1 link show v2'
}

@test "ip -n NAME: errors" {
	diff_ip_each 'ip netns add t1; touch /run/netns/plain' \
		'ip -n x link' 'ip -n x' 'ip -n "" link' 'ip -n ../x link' \
		'ip -n /proc/self/ns/net link' 'ip -n plain link' \
		'ip -n x netns' 'ip -n x addr' 'ip -n x route'
}

@test "ip -n with no name: usage, not \"(null)\"" {
	run sandbox ip -n
	[ "$status" -eq 255 ]
	[[ "${lines[0]}" == "Usage: ip [ OPTIONS ] OBJECT"* ]]
}

@test "ip -n NAME: /etc/netns binds and /sys, like exec" {
	diff_ip 'ip netns add t1; mkdir -p /etc/netns/t1; echo x > /etc/netns/t1/hosts
echo y > /etc/netns/t1/nosuchfile; ip -n t1 -br link; echo $?
ip -n t1 netns add t2; echo $?; ip netns'
}

@test "netns in a batch: add and exec leave the batch where it was" {
	diff_ip 'printf "netns add t1\nlink add v0 type veth peer name v1\nnetns exec t1 ip -br link\nlink show v0\nnetns exec t1 sh -c \"exit 4\"\nlink show v1\n" > /run/b.txt
ip -batch /run/b.txt | cut -c1-12; echo $?
printf "netns exec t1 true\nnetns exec t1 nosuchprog\nnetns del t1\n" > /run/b.txt
ip -force -batch /run/b.txt; echo $?; ip netns'
}

@test "netns: unknown verb, and the missing-exec slip" {
	diff_ip_each 'true' 'ip netns foo' 'ip netns t1 echo hi' 'ip netns lsx' \
		'ip netns showx' 'ip netns lists' 'ip netns addx t1'
	run sh_in_sandbox 'ip netns add t1; ip netns t1 iperf -s; echo $?; ip netns t1; echo $?'
	[ "$output" = 'Command "t1" is unknown, try "ip netns help".
Did you mean "ip netns exec t1 iperf -s"?
255
Command "t1" is unknown, try "ip netns help".
255' ]
}

@test "netns -all delete: goes on past a name it cannot remove, exits 1" {
	run sh_in_sandbox 'ip netns add t1; mkdir /run/netns/dir; ip netns add t2
ip -all netns del; echo $?; ls -A /run/netns'
	[ "$output" = 'Cannot remove namespace file "/run/netns/dir": Is a directory
1
dir' ]
}

@test "netns -all exec: a name that cannot be entered is reported once" {
	run sh_in_sandbox 'ip netns add t1; touch /run/netns/plain
ip -all netns exec echo hi; echo $?'
	[ "$output" = '
netns: plain
setting the network namespace "plain" failed: Invalid argument

netns: t1
hi
0' ]
}

@test "netns exec in a batch: a failed entry fails that line only" {
	run sh_in_sandbox 'ip netns add t1
printf "netns exec nosuch true\nnetns exec t1 echo in\nnetns exec t1 false\n" > /run/b.txt
ip -force -batch /run/b.txt; echo $?'
	[ "$output" = 'Cannot open network namespace "nosuch": No such file or directory
Command failed /run/b.txt:1
in
Command failed /run/b.txt:3
1' ]
}
