#!/usr/bin/env bats
# A real client: wireguard-tools' wg-quick brings a full tunnel (AllowedIPs
# 0.0.0.0/0, ::/0) up and down with our ip bind-mounted over /usr/bin/ip,
# inside a sandbox (its own network and mount namespaces).  It adds the
# fwmark rules and the suppress_prefixlength rules, and on the way down it
# finds them again by parsing `ip -4 rule show` and `ip -6 rule show`.
# The links, addresses, routes, tables, rules and packet filter left after
# up and after down, and wg-quick's own log, must be those it leaves with
# the reference.
#
# The host's kernel has no wireguard module, so the wireguard steps are
# stand-ins (tests/wgstub/): `ip link add wg0 type wireguard` fails as it
# does without the module, wg-quick falls back to a userspace
# implementation, and ours leaves a TUN device named wg0 as wireguard-go
# does; `wg` keeps the configuration and answers wg-quick's queries.
# tests/vm/wg_quick.bats does it for real in the QEMU lane.

load helpers

setup() {
	need_root
	need_ref
	[ -x /usr/bin/wg-quick ] || skip "wireguard-tools' wg-quick is not installed"
	[ -e /usr/bin/wg ] || skip "wireguard-tools' wg is not installed (its path is where the stand-in goes)"
	command -v python3 >/dev/null || skip "python3 is needed by the wireguard-go stand-in"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun for the wireguard-go stand-in"
}

# The scenario (network, config, snapshots, up, down) is tests/wgstub/scenario.sh.
WG_SCRIPT=". '$HELPERS_DIR/wgstub/scenario.sh'"
WG_ENV="WG_REAL= WGSTUB='$HELPERS_DIR/wgstub'"

@test "wg-quick: a full tunnel up and down leaves the same state as with the reference" {
	diff_ip "$WG_ENV; $WG_SCRIPT"
}

@test "wg-quick: the rules it adds, and none left after down" {
	run sandbox sh -c "$WG_ENV; $WG_SCRIPT"
	[ "$status" -eq 0 ]
	# after up: both families route everything not marked 51820 to its table
	[[ "$output" == *$'=== up'*$'32764:\tfrom all lookup main suppress_prefixlength 0\n32765:\tnot from all fwmark 0xca6c lookup 51820\n'* ]]
	[[ "$output" == *"default dev wg0 table 51820 scope link linkdown"* ]]
	[[ "$output" == *"[#] ip -4 rule delete table 51820"$'\n'"[#] ip -4 rule delete table main suppress_prefixlength 0"* ]]
	[[ "$output" == *"up rc=0"* && "$output" == *"down rc=0"* ]]
	# after down: the rules are gone (wg-quick found them in our listing)
	local down="${output##*=== down}"
	down="${down%%wg-quick: *}"
	[[ "$down" != *"51820"* && "$down" != *"suppress_prefixlength"* && "$down" != *"wg0"* ]]
	[[ "$output" == *"wg-quick: \`wg0' is not a WireGuard interface"* ]]
}
