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

# The sandbox's network: lo, a veth to a peer namespace that holds the
# tunnel's endpoint (10.77.0.2; no packet is ever sent to it here), a
# default route through it, and no IPv6 link-local addresses (their order
# in listings depends on kernel timing).  All made with the reference
# (snap-ip), and every snapshot is taken with it too, so that only
# wg-quick's own use of ip differs between the two runs.
WG_SCRIPT='d=/run/wgt; mkdir -p $d; chmod 700 $d
cp /usr/bin/ip $d/snap-ip
mount --bind "$(readlink -f "$(command -v ip)")" /usr/bin/ip || exit 97
mount --bind "$HELPERS_DIR/wgstub/wg" /usr/bin/wg || exit 97
export WG_QUICK_USERSPACE_IMPLEMENTATION="$HELPERS_DIR/wgstub/wireguard-go" WG_STUB_DIR=$d/stub
S=$d/snap-ip
echo 1 >/proc/sys/net/ipv6/conf/default/addr_gen_mode
$S link set lo up
$S netns add peer
$S link add v0 type veth peer name v1 netns peer
$S addr add 10.77.0.1/24 dev v0; $S link set v0 up
$S -n peer addr add 10.77.0.2/24 dev v1; $S -n peer link set v1 up
$S route add default via 10.77.0.2
# the veth carrier comes up on its own time, and its routes lose linkdown
for i in $(seq 50); do $S route show dev v0 | grep -q linkdown || break; sleep 0.1; done
cat >$d/wg0.conf <<EOF
[Interface]
PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
Address = 10.200.0.2/32, fd00:200::2/128
[Peer]
PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
Endpoint = 10.77.0.2:51820
AllowedIPs = 0.0.0.0/0, ::/0
EOF
chmod 600 $d/wg0.conf
snap() {
	echo "=== $1"
	$S -d link show; $S addr show
	$S -4 route show table all; $S -6 route show table all
	$S -4 rule show; $S -6 rule show
	iptables-save | grep -v "^#"; ip6tables-save | grep -v "^#"
	sysctl net.ipv4.conf.all.src_valid_mark
}
snap before
wg-quick up $d/wg0.conf; echo "up rc=$?"
snap up
wg-quick down $d/wg0.conf; echo "down rc=$?"
snap down
wg-quick down $d/wg0.conf; echo "second down rc=$?"'

@test "wg-quick: a full tunnel up and down leaves the same state as with the reference" {
	diff_ip "HELPERS_DIR='$HELPERS_DIR'; $WG_SCRIPT"
}

@test "wg-quick: the rules it adds, and none left after down" {
	run sandbox sh -c "HELPERS_DIR='$HELPERS_DIR'; $WG_SCRIPT"
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
