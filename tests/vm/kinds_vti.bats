#!/usr/bin/env bats
# IPsec link kinds on a kernel that has them (the QEMU lane, Debian 12's
# 6.1): vti, vti6 and xfrm created, changed, shown in every mode and
# deleted, against the reference; "set" on links of other kinds; the ip
# tunnel view of a vti made by ip link.  On a kernel without them (the
# host) each test skips, saying why; their parsing errors and requests are
# compared on the host in tests/link_tunnels.bats.

load ../helpers

# vti6 links get a random permanent address in each namespace: shown
# through n() with it masked (after its color code with -c).
SETUP='n() { "$@" | sed -e "s/permaddr \(\x1b\[33m\)\{0,1\}[0-9a-f:]*/permaddr \1P/g" -e "s/\"permaddr\": *\"[^\"]*\"/\"permaddr\":\"P\"/g"; }
ip link add v0 type veth peer name v1'

setup() {
	need_root
	need_ref
	need_kind vti
	need_kind vti6
	sandbox ours sh -c "$REF_IP link add probe0 type xfrm if_id 1 >/dev/null 2>&1" ||
		skip "kernel has no xfrm interfaces"
}

LINKS='ip link add t1 type vti remote 10.0.0.2 local 10.0.0.1 key 5 dev v0 fwmark 7
ip link add t2 type vti remote 10.0.0.3 ikey 1.2.3.4 okey 0x10
ip link add t3 type vti
ip link add t4 type vti6 remote 2001:db8::1 local 2001:db8::2 key 9 fwmark 0x20 dev v0
ip link add t5 type vti6 remote 2001:db8::3 okey 3
ip link add t6 type vti remote 10.0.0.4 ikey 6 fwmark 0xffffffff
ip link add x1 type xfrm dev v0 if_id 5
ip link add x2 type xfrm if_id 0xffffffff
ip link add x3 type xfrm external'

@test "vm vti: vti, vti6, xfrm created and shown in every mode" {
	diff_ip_each "$SETUP" "$LINKS" \
		'n ip -d link' 'n ip -d -j -p link' 'n ip -d -o link' 'n ip -br link' 'n ip link' \
		'n ip -j link' 'n ip -d -br link' 'n ip -s -d link show t1' 'n ip -c -d link show t4' \
		'n ip -d link show type vti' 'n ip -d -j link show type vti6' 'n ip -d link show type xfrm' \
		'n ip -d -j link show type xfrm' 'ip link show dev x3' 'ip -d addr show dev t2' \
		'ip tunnel show' 'ip -6 tunnel show' 'ip -j tunnel show' 'ip tunnel show t1'
}

@test "vm vti: set keeps the other values (vti, vti6), xfrm's own rules, delete" {
	diff_ip_each "$SETUP
$LINKS" \
		'ip link set t1 type vti ikey 9' 'ip link set t1 type vti remote 10.0.0.9 local 10.0.0.8' \
		'ip link change t2 type vti okey 0 ikey 0' 'ip link set t3 type vti fwmark 4 dev v1' \
		'ip link set t4 type vti6 okey 3 remote 2001:db8::9' 'ip link set t5 type vti6 fwmark 0' \
		'ip link set t6 type vti' 'ip link set t1 type vti remote 10.0.0.3 ikey 1.2.3.4 okey 0x10' \
		'ip link set x1 type xfrm if_id 7' 'ip link set x1 type xfrm if_id 5 dev v1' \
		'ip link set x1 type xfrm dev v1' 'ip link set x2 type xfrm external' \
		'ip link set x3 type xfrm if_id 5' 'ip link set x3 type xfrm external' \
		'ip link set x2 type xfrm if_id 0xffffffff' \
		'n ip -d link' 'n ip -d -j link' \
		'ip link add t7 type vti' 'ip link add t7 type vti remote 10.0.0.2 local 10.0.0.1 key 5' \
		'ip link add t7 type vti6 remote 2001:db8::1 local 2001:db8::2 key 9' 'ip link add x4 type xfrm' \
		'ip link add x4 type xfrm if_id 5' 'ip link add x4 type xfrm external' \
		'ip link add x5 type xfrm if_id 9 dev nope' 'ip link add t8 type vti remote 10.0.0.2 dev v1' \
		'ip link del t1' 'ip link delete dev t4 type vti6' 'ip link del x1' 'ip link del x3 type xfrm' \
		'n ip link' 'n ip -d -o link show type vti' 'n ip -br link show type xfrm' 'ip tunnel show'
}

# "set" as another of these kinds, or as a gre/ipip tunnel, on each: vti
# and vti6 read the link's data as theirs (an address of the wrong size is
# "Failed to get existing tunnel info."), xfrm sends what it is given, and
# the kernel refuses a kind the link does not have.
@test "vm vti: set as another kind, on other links, and as its own" {
	local loop='for k in vti vti6 xfrm gre ipip ip6tnl; do
for d in t1 t2 t4 x1 x3 v0 g1; do
for a in "key 5" "remote 10.0.0.1" "remote 2001:db8::9" "if_id 5" "fwmark 3" "external"; do
echo "## $d $k $a"; ip link set $d type $k $a 2>'"$BATS_TEST_TMPDIR"'/e; echo "rc=$?"; head -n 2 '"$BATS_TEST_TMPDIR"'/e | grep -v -e ^Usage -e "^[[:space:]]"
done; done; done'
	diff_ip_each "$SETUP
$LINKS
ip link add g1 type gre remote 10.0.0.22 local 10.0.0.1 ikey 5 dev v0" "$loop" 'n ip -d link'
}

# vtis made by ip link, seen and changed by ip tunnel (its ioctls) and
# then by ip link again.  ip tunnel add needs the kernel's fallback device
# (ip_vti0), which this kernel makes in no namespace but the first: its
# refusal is compared too.
@test "vm vti: vti and vti6 made by ip link, changed by ip tunnel, and the other way" {
	diff_ip_each "$SETUP
ip link add tv2 type vti remote 10.0.0.5 key 3
ip link add tv6 type vti6 remote 2001:db8::5 local 2001:db8::6 ikey 4" \
		'ip tunnel add tv1 mode vti remote 10.0.0.2 local 10.0.0.1 ikey 5 okey 6' \
		'ip tunnel change tv2 mode vti remote 10.0.0.6 key 4' 'n ip -d link show tv2' \
		'ip link set tv2 type vti okey 9 fwmark 3' 'ip tunnel show tv2' 'ip -s tunnel show' \
		'ip -6 tunnel change tv6 mode vti6 remote 2001:db8::7 okey 8' 'n ip -d -j link show tv6' \
		'ip link set tv6 type vti6 local 2001:db8::9' 'ip -6 tunnel show tv6' 'ip -6 -j tunnel show' \
		'ip tunnel del tv2' 'ip -6 tunnel del tv6' 'n ip -br link'
}
