#!/usr/bin/env bats
# ip netns add/delete under load: the /run/netns mount point is made once,
# however many adds race for it, and a failed add leaves no file.

load helpers

setup() { need_root; }

# 50 adds at once, then 50 deletes; prints mountinfo counts and names left.
PARALLEL='b=$(grep -c . /proc/self/mountinfo)
for i in $(seq 50); do ip netns add p$i & done; wait
echo "names=$(ls /run/netns | wc -l)"
for i in $(seq 50); do ip netns del p$i & done; wait
a=$(grep -c . /proc/self/mountinfo)
echo "extra=$((a - b))"; echo "runmounts=$(grep -c " /run/netns " /proc/self/mountinfo)"
echo "left=$(ls -A /run/netns | wc -l)"'

@test "parallel add/delete: /run/netns bound onto itself exactly once" {
	export SANDBOX_NO_RUN_NETNS=1
	run sh_in_sandbox "$PARALLEL"
	[ "$status" -eq 0 ]
	[ "$output" = "names=50
extra=1
runmounts=1
left=0" ]
}

@test "parallel add/delete: an existing mount point gets nothing extra" {
	run sh_in_sandbox "$PARALLEL"
	[ "$status" -eq 0 ]
	[ "$output" = "names=50
extra=0
runmounts=1
left=0" ]
}

@test "parallel add: every namespace is distinct and alive" {
	run sh_in_sandbox 'for i in $(seq 20); do ip netns add q$i & done; wait
for i in $(seq 20); do ip netns exec q$i readlink /proc/self/ns/net; done | sort -u | wc -l
readlink /proc/self/ns/net > /run/self; for i in $(seq 20); do ip netns exec q$i readlink /proc/self/ns/net; done | grep -c -f /run/self'
	[ "$output" = "20
0" ]
}

@test "failed attach leaves no file behind" {
	run sh_in_sandbox 'ip netns attach t3 999999; echo $?; ls -A /run/netns | wc -l
grep -c " /run/netns/" /proc/self/mountinfo'
	[ "$output" = "Bind /proc/999999/ns/net -> /run/netns/t3 failed: No such file or directory
1
0
0" ]
}

@test "add on an existing name changes nothing" {
	run sh_in_sandbox 'ip netns add t1; I=$(ip netns exec t1 readlink /proc/self/ns/net)
ip netns add t1; echo $?; [ "$(ip netns exec t1 readlink /proc/self/ns/net)" = "$I" ] && echo same
grep -c " /run/netns/t1 " /proc/self/mountinfo'
	[ "$output" = 'Cannot create namespace file "/run/netns/t1": File exists
1
same
1' ]
}

@test "delete while a process is inside: the name goes, the process stays" {
	# The delete waits until the process is inside (ip may take seconds
	# to start under valgrind).
	run sh_in_sandbox 'ip netns add t1; ip netns exec t1 sh -c "touch /run/in; exec sleep 30" & A=$!
n=0; until [ -e /run/in ] || [ $n -ge 300 ]; do sleep 0.1; n=$((n + 1)); done
ip netns del t1; echo $?; ls -A /run/netns | wc -l; kill -0 $A && echo alive; kill $A; wait'
	[ "$output" = "0
0
alive" ]
}

@test "racing add and delete of one name: never two mounts on it" {
	local r='for i in $(seq 1 60); do
	case $((i % 3)) in
	0) ip netns add same ;; 1) ip netns del same ;; 2) ip netns exec same true ;;
	esac >/dev/null 2>&1 &
done; wait
awk "\$5 == \"/run/netns/same\" { n++ } END { print n + 0 }" /proc/self/mountinfo
ip netns del same 2>/dev/null; ls -A /run/netns | wc -l
grep -c " /run/netns/" /proc/self/mountinfo'
	for round in 1 2 3; do
		run sh_in_sandbox "$r"
		[ "${lines[0]}" -le 1 ] && [ "${lines[1]}" = 0 ] && [ "${lines[2]}" = 0 ] ||
			{ echo "round $round: $output"; false; }
	done
}
