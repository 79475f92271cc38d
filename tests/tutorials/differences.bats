#!/usr/bin/env bats
# What the tutorials meet that once differed from the reference, and the one
# difference we keep on purpose (README, "Differences").

load ../helpers
load tut

setup() { need_root; need_ref; }

@test "tutorials: ip route in a namespace with no routes yet prints nothing, exit 0" {
	diff_ip 'ip route; echo rc=$?; ip -4 route show; echo rc=$?; ip route show table main; echo rc=$?'
}

@test "tutorials: ip netns NAME CMD (exec forgotten): the reference's error, then our hint" {
	local t="$BATS_TEST_TMPDIR" s='ip netns add t1; ip netns t1 iperf -s; echo rc=$?'
	sh_in_sandbox ref "$s" >"$t/ref" 2>&1
	sh_in_sandbox ours "$s" >"$t/ours" 2>&1
	# the hint comes right after the reference's line, which is unchanged
	sed '/^Command "t1" is unknown/a Did you mean "ip netns exec t1 iperf -s"?' "$t/ref" >"$t/want"
	grep -qx 'Command "t1" is unknown, try "ip netns help".' "$t/ref"
	diff -u "$t/want" "$t/ours"
}
