#!/usr/bin/env bats
# Tunnel kinds on a kernel that has them (the QEMU lane, Debian 12's 6.1):
# gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan, ipip, sit, ip6tnl
# created, changed, shown in every mode and deleted, against the reference.
# On a kernel without them (the host) each test skips, saying why.

load ../helpers

# ip6tnl0, ip6gre0 and the ip6 tunnels get a random permanent address in
# each namespace: shown through n() with it masked.
SETUP='n() { "$@" | sed -e "s/permaddr [0-9a-f:]*/permaddr P/g" -e "s/\"permaddr\": *\"[^\"]*\"/\"permaddr\":\"P\"/g"; }
ip link add v0 type veth peer name v1'

# need_kind's bare "type gre" collides with the kernel's own gre0 (same
# parameters: File exists), so the probe names a remote.
setup() {
	need_root
	need_ref
	sandbox ours sh -c "$REF_IP link add probe0 type gre remote 10.9.9.9 >/dev/null 2>&1" ||
		skip "kernel has no gre support"
}

MODES=("n ip -d link" "n ip -d -j -p link" "n ip link" "n ip -br link" "n ip -o -d link" "n ip -s -d link show g1" "n ip -j link" "n ip -d -br link")

@test "vm tunnels: gre, gretap, erspan created and shown in every mode" {
	diff_ip_each "$SETUP" \
		'ip link add g1 type gre remote 10.0.0.2 local 10.0.0.1 ttl 5 key 7' \
		'ip link add g2 type gre remote 239.1.1.1 local 10.0.0.1' \
		'ip link add g3 type gre remote 10.0.0.22 iseq ocsum ikey 1.2.3.4 nopmtudisc ignore-df tos inherit fwmark 9 dev v0' \
		'ip link add g4 type gre remote 10.0.0.23 encap fou encap-sport auto encap-dport 555 encap-csum encap-remcsum fwmark 3' \
		'ip link add g5 type gre remote 10.0.0.24 encap gue encap-sport 77 encap-dport 555 noencap-csum encap-udp6-csum icsum oseq okey 9 ttl 7' \
		'ip link add g6 type gretap remote 10.0.0.3 tos 0x10 ttl inherit' \
		'ip link add g7 type erspan remote 10.0.0.4 local 10.0.0.1 seq key 3 erspan_ver 1 erspan 5 fwmark 7' \
		'ip link add g8 type erspan remote 10.0.0.5 local 10.0.0.1 seq key 3 erspan_ver 2 erspan_dir egress erspan_hwid 7 encap fou encap-dport 9' \
		'ip link add g9 type gre external' 'ip link add g10 type gretap external' \
		'ip link add g11 type erspan remote 10.0.0.6 erspan_ver 0 key 1' \
		"${MODES[@]}"
}

@test "vm tunnels: ip6gre, ip6gretap, ip6erspan created and shown in every mode" {
	diff_ip_each "$SETUP" \
		'ip link add g1 type ip6gre remote 2001:db8::1 local 2001:db8::2 tclass 0x12 flowlabel 0x55 hoplimit 9 encaplimit none' \
		'ip link add g2 type ip6gretap remote 2001:db8::3 local 2001:db8::2 dscp inherit allow-localremote fwmark inherit tclass inherit flowlabel inherit' \
		'ip link add g3 type ip6erspan remote 2001:db8::4 local 2001:db8::2 erspan_ver 2 erspan_dir ingress erspan_hwid 9 key 5' \
		'ip link add g4 type ip6erspan remote 2001:db8::5 local 2001:db8::2 erspan_ver 1 erspan 77 key 5' \
		'ip link add g5 type ip6gre remote 2001:db8::6 local 2001:db8::2 ikey 5 okey 6 iseq ocsum dev v0 fwmark 3 encaplimit 9' \
		'ip link add g6 type ip6gre remote 2001:db8::7 encap fou encap-dport 5555 noencap-udp6-csum' \
		'ip link add g7 type ip6gre external' \
		"${MODES[@]}"
}

@test "vm tunnels: ipip, sit (isatap, 6rd), ip6tnl created and shown in every mode" {
	diff_ip_each "$SETUP" \
		'ip link add g1 type ipip remote 10.0.0.2 local 10.0.0.1 ttl 9 tos 0x10 dev v0' \
		'ip link add t2 type ipip external' \
		'ip link add t3 type sit mode ip6ip 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8' \
		'ip link add t3b type sit remote 10.0.0.33 isatap fwmark 4' \
		'ip link add t4 type sit remote 10.0.0.9 mode any encap gue encap-dport 99 encap-udp6-csum fwmark 5' \
		'ip link add t4b type ipip remote 10.0.0.10 tos inherit encap fou encap-sport 5 encap-dport 6 encap-csum' \
		'ip link add t5 type ip6tnl remote 2001:db8::1 local 2001:db8::2 mode ipip6 encaplimit none hoplimit 3 tclass 0x12 flowlabel 0x55 dscp inherit allow-localremote' \
		'ip link add t6 type ip6tnl mode any remote 2001:db8::7 encaplimit 7 fwmark 5 encap gue encap-dport 6' \
		'ip link add t7 type ipip mode mplsip remote 10.0.0.7 ttl inherit tos 0x20 fwmark 0x10' \
		'ip link add t8 type ip6tnl external' 'ip link add t9 type ip6tnl remote 2001:db8::11 dev v0 fwmark inherit tclass inherit flowlabel inherit' \
		"${MODES[@]}"
}

@test "vm tunnels: set/change keep the other values, delete, errors of the kernel" {
	diff_ip_each "$SETUP
ip link add g1 type gre remote 10.0.0.22 iseq ocsum ikey 1.2.3.4 nopmtudisc tos inherit fwmark 9 dev v0
ip link add g2 type ip6gre remote 2001:db8::6 local 2001:db8::2 ikey 5 okey 6 dev v0 fwmark 3
ip link add t1 type ipip remote 10.0.0.10 tos inherit encap fou encap-sport 5 encap-dport 6
ip link add t2 type sit remote 10.0.0.11 6rd-prefix 2001:db8::/32
ip link add t3 type ip6tnl remote 2001:db8::10 mode ip6ip6 dev v0 fwmark inherit
ip link add e1 type erspan remote 10.0.0.5 local 10.0.0.1 erspan_ver 2 erspan_dir egress erspan_hwid 7 key 3" \
		'ip link set g1 type gre ttl 9 pmtudisc' 'ip link change g1 type gre nokey noiseq' \
		'ip link set t1 type ipip ttl 4 nopmtudisc' 'ip link set t1 type ipip noencap ttl 0 nopmtudisc' \
		'ip link set t2 type sit 6rd-relay_prefix 10.0.0.0/8' \
		'ip link set t3 type ip6tnl hoplimit 5' 'ip link set g2 type ip6gre flowlabel 7 noallow-localremote' \
		'ip link set e1 type erspan erspan_dir ingress' 'ip link set v0 type gre ttl 3' \
		'ip link set g1 type ipip ttl 3' \
		'n ip -d link' 'n ip -d -j link' \
		'ip link add g9 type gre remote 10.0.0.22 dev v0' 'ip link add g9 type ip6gre remote 2001:db8::1 local 2001:db8::1' \
		'ip link add g9 type sit mode ip6ip 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8 nopmtudisc' \
		'ip link del g1' 'ip link delete dev t1 type ipip' 'ip link del gre0' \
		'n ip link' 'n ip -d -o link show type ipip' 'n ip -br link show type ip6tnl'
}

# "set" as another tunnel kind reads the link's data as that kind's (the
# reference never looks at the kind): an address of the wrong size gives
# "Failed to get existing tunnel info.", else the kernel refuses the kind
# (EOPNOTSUPP); on links of other kinds the same.  Then "set" as the link's
# own kind still changes it.
@test "vm tunnels: set as another tunnel kind, on other links, and as its own" {
	local loop='for k in ipip sit gre gretap erspan ip6gre ip6gretap ip6erspan ip6tnl; do
for d in g1 g2 g3 e1 g4 g5 e2 t1 t2 t3 vx0 v0; do
for a in "ttl 10" "remote 10.0.0.1" "remote 2001:db8::9 hoplimit 5" "key 5"; do
echo "## $d $k $a"; ip link set $d type $k $a 2>'"$BATS_TEST_TMPDIR"'/e; echo "rc=$?"; head -n 2 '"$BATS_TEST_TMPDIR"'/e | grep -v -e ^Usage -e "^[[:space:]]"
done; done; done'
	diff_ip_each "$SETUP
ip link add g1 type gre remote 10.0.0.22 local 10.0.0.1 ikey 5 dev v0
ip link add g2 type gretap remote 10.0.0.23 ttl 4
ip link add g3 type gre remote 239.1.1.1 local 10.0.0.1
ip link add e1 type erspan remote 10.0.0.5 local 10.0.0.1 erspan_ver 2 erspan_dir egress key 3
ip link add g4 type ip6gre remote 2001:db8::6 local 2001:db8::2 okey 6 fwmark 3
ip link add g5 type ip6gretap remote 2001:db8::7 tclass 0x12
ip link add e2 type ip6erspan remote 2001:db8::4 local 2001:db8::2 erspan_ver 1 erspan 77 key 5
ip link add t1 type ipip remote 10.0.0.10 tos inherit
ip link add t2 type sit remote 10.0.0.11 6rd-prefix 2001:db8::/32
ip link add t3 type ip6tnl remote 2001:db8::10 mode ip6ip6 flowlabel 0x55
ip link add vx0 type vxlan id 42 dstport 4789" "$loop" \
		'ip link set g1 type gre ttl 10' 'ip link set g2 type gretap nopmtudisc ttl 0' \
		'ip link set e1 type erspan erspan_hwid 9' 'ip link set g4 type ip6gre hoplimit 9 tclass inherit' \
		'ip link set g5 type ip6gretap flowlabel 0x77' 'ip link set e2 type ip6erspan erspan 78' \
		'ip link set t1 type ipip ttl 10' 'ip link set t2 type sit 6rd-relay_prefix 10.0.0.0/8' \
		'ip link set t3 type ip6tnl tclass 0x20 hoplimit 7' 'ip link set g3 type gre ttl 10' \
		'n ip -d link'
}
