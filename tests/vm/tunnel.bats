#!/usr/bin/env bats
# ip tunnel / ip -6 tunnel against the reference, in the QEMU lane (Debian's
# kernel has gre, ipip, sit, vti, ip6_tunnel, ip6_gre, vti6; the host's has
# none): every verb, mode and option, the listing in text, -o, -j, -j -p,
# -s, -d and colour, and the kernel's refusals.  Each test is one sandbox.

load ../helpers

setup() {
	need_root
	need_ref
	[ -n "${IP_VM:-}" ] || skip "runs in the QEMU lane (tests/vm/vm.sh): this kernel has no tunnels"
	local m
	for m in ip_gre ipip sit ip_vti ip6_tunnel ip6_gre ip6_vti; do
		modprobe "$m" 2>/dev/null || skip "no $m module"
	done
}

@test "tunnel: IPv4 add in every mode, listed in every output mode" {
	diff_ip_each 'ip link set lo up' \
		'ip tunnel show' \
		'ip tunnel add t1 mode gre remote 1.2.3.4 local 5.6.7.8 ttl 64 key 5 csum seq' \
		'ip tunnel add t2 mode ipip remote 1.2.3.5 tos inherit ttl inherit nopmtudisc' \
		'ip tunnel add t3 mode sit remote 1.2.3.6 local any dev lo' \
		'ip tunnel add t4 mode isatap local 10.0.0.1' \
		'ip tunnel add t5 mode vti remote 1.2.3.7 ikey 3 okey 1.2.3.4' \
		'ip tunnel add t6 mode gre remote 1.2.3.8 ikey 7 iseq icsum tos 0x10 pmtudisc' \
		'ip tunnel add t7 mode gre remote 1.2.3.9 tos inherit/0x20 ttl 5' \
		'ip tunnel add t8 mode ipip remote 1.2.3.10 tos 4 hoplimit 9' \
		'ip tunnel add t9 mode gre remote 239.1.1.1 local 1.1.1.1 oseq ocsum' \
		'ip tunnel add mode gre remote 1.1.1.9' \
		'ip tunnel add ipip9 remote 1.1.1.10' \
		'ip tunnel add t10 mode gre' \
		'ip tunnel add t10 mode gre remote 239.1.1.1' \
		'ip tunnel add t1 mode gre remote 1.2.3.4 local 5.6.7.8 key 5' \
		'ip tunnel show' 'ip tunnel' 'ip tunnel list' 'ip tunnel lst' 'ip tun' 'ip tunl' \
		'ip -s tunnel show' 'ip -s -s tunnel' 'ip -d tunnel show' \
		'ip -o tunnel show' 'ip -o -s tunnel show' \
		'ip -j tunnel show' 'ip -j -p tunnel show' 'ip -j -s tunnel show' \
		'ip -c=always tunnel show' 'ip -4 tunnel show' 'ip -0 tunnel show'
}

@test "tunnel: IPv4 show filters, by name, by mode, one tunnel" {
	diff_ip_each 'ip link set lo up
ip tunnel add t1 mode gre remote 1.2.3.4 local 5.6.7.8 key 5 csum
ip tunnel add t2 mode ipip remote 1.2.3.5 dev lo
ip tunnel add t3 mode sit remote 1.2.3.6
ip tunnel add gre5 remote 1.2.3.7 key 9' \
		'ip tunnel show t1' 'ip tunnel show gre0' 'ip tunnel show gre5' \
		'ip tunnel show mode gre' 'ip tunnel show mode sit' 'ip tunnel show mode ipip' \
		'ip tunnel show mode vti' 'ip tunnel show t1 mode gre' 'ip tunnel show t2 mode gre' \
		'ip -j tunnel show t1 mode gre' 'ip -s tunnel show t1 mode gre' \
		'ip -j -s tunnel show gre5' 'ip -o tunnel show gre5' \
		'ip tunnel show remote 1.2.3.4' 'ip tunnel show local 5.6.7.8' \
		'ip tunnel show dev lo' 'ip tunnel show mode gre key 9' 'ip tunnel show nothere' \
		'ip tunnel show nothere mode gre' 'ip tunnel show key 5' 'ip -j tunnel show t3' \
		'ip -s tunnel show t2' 'ip -j tunnel show nothere'
}

@test "tunnel: IPv4 change and delete" {
	diff_ip_each 'ip link set lo up
ip tunnel add t1 mode gre remote 1.2.3.4 local 5.6.7.8 key 5
ip tunnel add t2 mode ipip remote 1.2.3.5 tos 0x10 nopmtudisc
ip tunnel add t3 mode vti remote 1.2.3.10 key 7 dev lo' \
		'ip tunnel change t1 remote 9.9.9.9' 'ip tunnel show t1' \
		'ip tunnel change t1 ttl 3 tos 8 nopmtudisc' \
		'ip tunnel change t1 ttl 3 tos 8 okey 4 icsum' 'ip tunnel show t1' \
		'ip tunnel change t2 remote 1.2.3.9' 'ip tunnel show t2' \
		'ip tunnel change t2 ttl 4' 'ip tunnel change t2 pmtudisc ttl 4' 'ip tunnel show t2' \
		'ip tunnel change t1 mode ipip' 'ip tunnel change nothere remote 1.1.1.1' \
		'ip tunnel change mode gre t1 remote 1.1.1.1' \
		'ip tunnel change t2 name t9' \
		'ip tunnel show' \
		'ip tunnel del gre0' 'ip tunnel del mode gre' 'ip tunnel del t3 mode gre' \
		'ip tunnel del t3' 'ip tunnel del t1' 'ip tunnel delete t2' 'ip tunnel d t2' \
		'ip tunnel del' 'ip tunnel show' 'ip link show'
}

@test "tunnel: isatap potential routers and 6rd" {
	diff_ip_each 'ip link set lo up
ip tunnel add t4 mode isatap local 10.0.0.1
ip tunnel add t3 mode sit remote 1.2.3.6' \
		'ip tunnel prl dev t4 prl-default 10.0.0.5' \
		'ip tunnel prl dev t4 prl-nodefault 10.0.0.6' \
		'ip tunnel prl dev t4 prl-nodefault 10.0.0.7' \
		'ip tunnel show t4' 'ip -j tunnel show t4' \
		'ip tunnel prl dev t4 prl-delete 10.0.0.6' 'ip tunnel show t4' \
		'ip tunnel prl dev t4 prl-delete 10.0.0.99' \
		'ip tunnel prl dev t3 prl-default 10.0.0.5' 'ip tunnel prl dev t4' \
		'ip tunnel 6rd dev t3 6rd-prefix 2001:db8::/32' 'ip tunnel show t3' \
		'ip tunnel 6rd dev t3 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8' \
		'ip tunnel show t3' 'ip -j tunnel show t3' \
		'ip tunnel 6rd dev t3 6rd-relay_prefix 10.0.0.0/8' 'ip tunnel show t3' \
		'ip tunnel 6rd dev t3 6rd-reset' 'ip tunnel show t3' \
		'ip tunnel 6rd dev t3 6rd-prefix 2001:db8:1::/48 6rd-relay_prefix 10.1.0.0/16' \
		'ip -d tunnel show' 'ip tunnel 6rd dev t1 6rd-reset' 'ip tunnel 6rd dev t3' \
		'ip tunnel 6rd dev t4 6rd-prefix 2001:db8::' 'ip tunnel show t4'
}

@test "tunnel: IPv6 add in every mode, listed in every output mode" {
	diff_ip_each 'ip link set lo up' \
		'ip -6 tunnel show' \
		'ip -6 tunnel add u1 mode ip6ip6 remote 2001:db8::1 local 2001:db8::2 encaplimit 5 hoplimit 10 tclass 0x20 flowlabel 0x123' \
		'ip -6 tunnel add u2 mode ipip6 remote 2001:db8::3 encaplimit none tclass inherit flowlabel inherit' \
		'ip -6 tunnel add u3 mode ip6gre remote 2001:db8::4 key 5 csum seq dscp inherit allow-localremote' \
		'ip -6 tunnel add u4 mode any remote 2001:db8::5 dev lo' \
		'ip -6 tunnel add u5 mode vti6 remote 2001:db8::6 ikey 1' \
		'ip -6 tunnel add u6 mode ip6gre remote 2001:db8::8 key 1.2.3.4 okey 7 allow-localremote noallow-localremote' \
		'ip -6 tunnel add mode ip6gre remote 2001:db8::9' \
		'ip -6 tunnel add u9 mode ip6gre remote 2001:db8::9' \
		'ip tunnel add u7 mode ip6ip6 remote 2001:db8::10 tos 5 fl 5 hlim 3' \
		'ip -4 tunnel add u8 mode any/ipv6 remote 2001:db8::11 ttl 0' \
		'ip -6 tunnel show' 'ip -6 tunnel' 'ip -6 tun list' 'ip -6 -s tunnel' \
		'ip -6 -d tunnel' 'ip -6 -o tunnel' 'ip -6 -j tunnel' 'ip -6 -j -p tunnel' \
		'ip -6 -c=always tunnel' 'ip -6 -o -s tunnel' \
		'ip -6 tunnel show u1' 'ip -6 -j tunnel show u3' 'ip -6 -s tunnel show u3' \
		'ip -6 tunnel show mode ip6gre' 'ip -6 tunnel show mode ipip6' \
		'ip -6 tunnel show remote 2001:db8::1' 'ip -6 tunnel show dev lo' \
		'ip -6 tunnel show hoplimit 10' 'ip -6 tunnel show tclass 0x20' \
		'ip -6 tunnel show flowlabel 0x123' 'ip -6 tunnel show allow-localremote' \
		'ip -6 tunnel show nothere' 'ip tunnel show mode any' 'ip tunnel show mode ip6gre'
}

@test "tunnel: IPv6 change and delete" {
	diff_ip_each 'ip link set lo up
ip -6 tunnel add u1 mode ip6ip6 remote 2001:db8::1
ip -6 tunnel add u3 mode ip6gre remote 2001:db8::4 key 5' \
		'ip -6 tunnel change u1 hoplimit 5 tclass 3' 'ip -6 tunnel show u1' \
		'ip -6 tunnel change u1 encaplimit none flowlabel 0xfffff dscp inherit' \
		'ip -6 -s tunnel show u1' \
		'ip -6 tunnel change u3 remote 2001:db8::7 okey 9 oseq' 'ip -6 tunnel show' \
		'ip -6 tunnel change u3 mode ip6ip6' 'ip -6 tunnel change nothere hoplimit 3' \
		'ip -6 tunnel change' 'ip -6 tunnel change mode ip6gre' \
		'ip -6 tunnel del u1' 'ip -6 tunnel del u1' 'ip -6 tunnel del' \
		'ip -6 tunnel del mode ip6gre' 'ip tunnel del u3 mode ip6ip6' \
		'ip -6 tunnel show' 'ip link show'
}

@test "tunnel: a batch of tunnel commands, with -force" {
	local b="$BATS_TEST_TMPDIR/batch"
	printf '%s\n' 'tunnel add t1 mode gre remote 1.2.3.4' 'tunnel add t1 mode gre remote 1.2.3.4' \
		'tunnel show' 'tunnel add u1 mode ip6ip6 remote 2001:db8::1' 'tunnel change t1 ttl 9' \
		'tunnel show t1' 'tunnel del t1' 'tunnel del t1' 'tunnel show' >"$b"
	diff_ip_each 'ip link set lo up' "ip -force -batch $b" "ip -batch $b"
}

@test "tunnel: counters with traffic, -N, -r, -n NS" {
	diff_ip_each 'ip link set lo up
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up; ip link set veth1 up
ip tunnel add t1 mode gre remote 10.0.0.2 local 10.0.0.1 ttl 9 tos inherit/0x20
ip tunnel add t2 mode ipip remote 1.2.3.4
ip -6 tunnel add u1 mode ip6ip6 remote 2001:db8::1
ip link set t1 up; ip link set t2 up; ip link set u1 up
ip addr add 10.9.0.1/24 dev t1; ip addr add 10.8.0.1/24 dev t2
ip -6 addr add 2001:db8:9::1/64 dev u1 nodad
ping -c2 -W1 -i 0.2 10.9.0.2 >/dev/null 2>&1
ping -c1 -W1 10.8.0.2 >/dev/null 2>&1
ping -6 -c1 -W1 2001:db8:9::2 >/dev/null 2>&1
ip netns add ns1' \
		'ip -s tunnel show t1' 'ip -s tunnel show t2' 'ip -6 -s tunnel show u1' \
		'ip -s -o tunnel' 'ip -N tunnel show t1' 'ip -r tunnel show t1' \
		'ip -n ns1 tunnel add n1 mode gre remote 1.1.1.1' 'ip -n ns1 tunnel show' \
		'ip -n ns1 -6 tunnel add n2 mode ip6gre remote 2001:db8::1' 'ip -n ns1 -6 tunnel' \
		'ip -n ns1 tunnel del n1' 'ip tunnel show n1'
}
