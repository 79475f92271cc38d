# wg-quick's full tunnel, up and down, with the `ip` that PATH names
# bind-mounted over /usr/bin/ip.  Sourced by sh inside a sandbox (its own
# network and mount namespaces) by tests/wg_quick.bats (WG_REAL empty: the
# wireguard steps are the stand-ins beside this file) and by
# tests/vm/wg_quick.bats (WG_REAL=1: the kernel's wireguard, the real wg,
# and a peer to ping through the tunnel).  WGSTUB is this directory.
#
# The network: lo, a veth to a namespace "peer" that holds the tunnel's
# endpoint (10.77.0.2:51820), a default route through it, and no IPv6
# link-local addresses (their order in listings depends on kernel timing).
# All made with the reference (snap-ip), and every snapshot is taken with
# it, so only wg-quick's own use of ip differs between two runs.
d=/run/wgt
mkdir -p $d && chmod 700 $d
cp /usr/bin/ip $d/snap-ip
mount --bind "$(readlink -f "$(command -v ip)")" /usr/bin/ip || exit 97
if [ -z "$WG_REAL" ]; then
	mount --bind "$WGSTUB/wg" /usr/bin/wg || exit 97
	export WG_QUICK_USERSPACE_IMPLEMENTATION="$WGSTUB/wireguard-go" WG_STUB_DIR=$d/stub
fi
S=$d/snap-ip
echo 1 >/proc/sys/net/ipv6/conf/default/addr_gen_mode
$S link set lo up
$S netns add peer
$S link add v0 type veth peer name v1 netns peer
$S addr add 10.77.0.1/24 dev v0 && $S link set v0 up
$S -n peer addr add 10.77.0.2/24 dev v1 && $S -n peer link set v1 up
$S route add default via 10.77.0.2
# the veth carrier comes up on its own time, and its routes lose linkdown
for i in $(seq 50); do $S route show dev v0 | grep -q linkdown || break; sleep 0.1; done

# Keys for this test only.
client_key=yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
peer_key=QGNv1rDUqDP7MYvNh1nBAh6MPOL1C9wWBD8Zt1kFU3Y=
peer_pub=xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
if [ -n "$WG_REAL" ]; then
	peer_pub=$(echo $peer_key | wg pubkey)
	echo $peer_key >$d/peer.key
	$S -n peer link add wg1 type wireguard
	$S netns exec peer wg set wg1 listen-port 51820 private-key $d/peer.key \
		peer "$(echo $client_key | wg pubkey)" allowed-ips 10.200.0.2/32,fd00:200::2/128
	$S -n peer addr add 10.200.0.1/32 dev wg1
	$S -n peer addr add fd00:200::1/128 dev wg1
	$S -n peer link set wg1 up
	$S -n peer route add 10.200.0.2/32 dev wg1
	$S -n peer -6 route add fd00:200::2/128 dev wg1
fi
cat >$d/wg0.conf <<CONF
[Interface]
PrivateKey = $client_key
Address = 10.200.0.2/32, fd00:200::2/128
[Peer]
PublicKey = $peer_pub
Endpoint = 10.77.0.2:51820
AllowedIPs = 0.0.0.0/0, ::/0
CONF
chmod 600 $d/wg0.conf

snap() {
	echo "=== $1"
	$S -d link show; $S addr show
	$S -4 route show table all; $S -6 route show table all
	$S -4 rule show; $S -6 rule show
	iptables-save | grep -v "^#"; ip6tables-save | grep -v "^#"
	sysctl net.ipv4.conf.all.src_valid_mark
}
tunnel() {	# through wg0 to the peer's tunnel addresses (inside "peer")
	[ -n "$WG_REAL" ] || return 0
	ping -c 1 -W 3 10.200.0.1 >/dev/null 2>&1; echo "ping 10.200.0.1 rc=$?"
	ping -6 -c 1 -W 3 fd00:200::1 >/dev/null 2>&1; echo "ping fd00:200::1 rc=$?"
	# the peer's side: a handshake means the pings came through wireguard
	$S netns exec peer wg show wg1 latest-handshakes |
		awk '{ print "peer handshake:", ($2 > 0 ? "yes" : "no") }'
}
snap before
wg-quick up $d/wg0.conf; echo "up rc=$?"
tunnel
snap up
wg-quick down $d/wg0.conf; echo "down rc=$?"
snap down
wg-quick down $d/wg0.conf; echo "second down rc=$?"
