#!/usr/bin/env bats
# The QEMU lane's wg-quick (tests/vm/vm.sh -- 'bats tests/vm/wg_quick.bats'):
# the full tunnel (AllowedIPs 0.0.0.0/0, ::/0) for real, with the kernel's
# wireguard module and wireguard-tools' own wg, our ip bind-mounted over
# /usr/bin/ip in a sandbox.  The tunnel's peer is a wireguard link in a
# namespace the test made (the endpoint 10.77.0.2 sits on a veth to it):
# nothing is sent anywhere else.  The state left after up and after down,
# wg-quick's log, and pings through the tunnel must be those of the
# reference.  Outside the lane (no wireguard in the kernel) it skips;
# tests/wg_quick.bats runs the same scenario with stand-ins there.

load ../helpers

setup() {
	need_root
	need_ref
	need_kind wireguard
	[ -x /usr/bin/wg-quick ] && [ -x /usr/bin/wg ] ||
		skip "wireguard-tools (wg, wg-quick) is not installed"
	command -v ping >/dev/null || skip "ping is needed to send through the tunnel"
}

WG_SCRIPT=". '$HELPERS_DIR/wgstub/scenario.sh'"
WG_ENV="WG_REAL=1 WGSTUB='$HELPERS_DIR/wgstub'"

@test "vm wg-quick: a real full tunnel up and down leaves the same state as with the reference" {
	diff_ip "$WG_ENV; $WG_SCRIPT"
}

@test "vm wg-quick: the tunnel carries traffic while up, its rules are gone after down" {
	run sandbox sh -c "$WG_ENV; $WG_SCRIPT"
	[ "$status" -eq 0 ]
	[[ "$output" == *$'up rc=0\nping 10.200.0.1 rc=0\nping fd00:200::1 rc=0\npeer handshake: yes\n'* ]]
	[[ "$output" == *$'32765:\tnot from all fwmark 0xca6c lookup 51820\n'* ]]
	[[ "$output" == *$'down rc=0\n'* ]]
	local down="${output##*=== down}"
	down="${down%%wg-quick: *}"
	[[ "$down" != *"51820"* && "$down" != *"suppress_prefixlength"* && "$down" != *"wg0"* ]]
}
