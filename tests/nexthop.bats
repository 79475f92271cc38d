#!/usr/bin/env bats
# ip nexthop: differential tests against the reference, golden texts, and
# the requests both send.

load helpers

SETUP='ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad'

@test "nexthop: add single nexthops and list them in every mode" {
	diff_ip_each "$SETUP" \
		'ip nexthop add id 1 via 10.0.0.2 dev v0' \
		'ip nexthop add id 2 via 10.0.0.3 dev v0 proto static' \
		'ip nexthop add id 3 blackhole' \
		'ip nexthop add id 4 group 1,5/2' \
		'ip -6 nexthop add id 6 via 2001:db8::2 dev v0' \
		'ip nexthop add id 8 via 10.0.0.5 fdb' \
		'ip nexthop add id 9 group 8 fdb' \
		'ip nexthop add id 10 via 10.0.0.9 dev v0 onlink proto zebra' \
		'ip nexthop add id 11 dev v1' \
		'ip nexthop add id 12 via inet6 fe80::1 dev v0 protocol 200' \
		'ip nexthop add id 13 group 1/2/10 type mpath' \
		'ip nexthop' \
		'ip -d nexthop' \
		'ip -s nexthop' \
		'ip -j nexthop' \
		'ip -j -p nexthop' \
		'ip -j -d nexthop' \
		'ip -o nexthop' \
		'ip -c nexthop' \
		'ip -c -d nexthop' \
		'ip -N nexthop' \
		'ip -N -d nexthop' \
		'ip -4 nexthop' \
		'ip -6 nexthop' \
		'ip -6 -j nexthop show' \
		'ip nexthop show groups' \
		'ip nexthop show fdb' \
		'ip nexthop show dev v0' \
		'ip nexthop show dev v1' \
		'ip nexthop show protocol 4' \
		'ip nexthop show proto 11' \
		'ip nexthop show protocol 300' \
		'ip nexthop list id 4' \
		'ip nexthop lst' \
		'ip nexthop s' \
		'ip nexthop l groups dev v0' \
		'ip nexthop get id 1' \
		'ip -j nexthop get id 4' \
		'ip -6 nexthop get id 1' \
		'ip -d -j -p nexthop get id 9' \
		'ip nexthop show id 12 dev nope' \
		'ip nex' \
		'ip next ls' \
		'ip nexthop del id 4' \
		'ip nexthop d id 13' \
		'ip nexthop' \
		'ip nexthop replace id 1 via 10.0.0.7 dev v0' \
		'ip nexthop r id 40 blackhole' \
		'ip nexthop a id 41 blackhole prot static' \
		'ip nexthop' \
		'ip nexthop flush dev v0' \
		'ip nexthop' \
		'ip nexthop flush' \
		'ip nexthop' \
		'ip nexthop flush'
}

@test "nexthop: bad input gets the reference's errors and exit codes" {
	diff_ip_each "$SETUP
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0" \
		'ip nexthop add' \
		'ip nexthop add id' \
		'ip nexthop add id x' \
		'ip nexthop add id -1 blackhole' \
		'ip nexthop add id 4294967296 blackhole' \
		'ip nexthop add id 1' \
		'ip nexthop add id 1 blackhole' \
		'ip nexthop add id 3 dev nope' \
		'ip nexthop add id 3 dev' \
		'ip nexthop add id 3 via' \
		'ip nexthop add id 3 via inet' \
		'ip nexthop add id 3 via inet6 10.0.0.1 dev v0' \
		'ip nexthop add id 3 via 10.0.0.2 via 2001:db8::3 dev v0' \
		'ip nexthop add id 3 dev v0 via 2001:db8::5' \
		'ip nexthop add id 3 dev v0 via inet6 2001:db8::9' \
		'ip -4 nexthop add id 3 via 2001:db8::5 dev v0' \
		'ip nexthop add id 3 via foo' \
		'ip nexthop add id 3 via 10.0.0.9' \
		'ip nexthop add id 3 via mpls 100 dev v0' \
		'ip nexthop add id 3 via link aa:bb:cc:dd:ee:ff dev v0' \
		'ip nexthop add id 3 group' \
		'ip nexthop add id 3 group x' \
		"ip nexthop add id 3 group ''" \
		'ip nexthop add id 3 group 1x' \
		'ip nexthop add id 3 group 1,0' \
		'ip nexthop add id 3 group 1,257' \
		'ip nexthop add id 3 group 1,5,6' \
		'ip nexthop add id 3 group 1,x/2' \
		'ip nexthop add id 3 group 1,3/y' \
		'ip nexthop add id 3 group 1/' \
		'ip nexthop add id 3 group /1' \
		'ip nexthop add id 3 group 1//2' \
		'ip nexthop add id 3 group 1/1' \
		'ip nexthop add id 3 group 1/77' \
		'ip nexthop add id 3 group 4294967295' \
		'ip nexthop add id 3 group 1 group 2' \
		'ip nexthop add id 3 type foo' \
		'ip nexthop add id 3 group 1 type' \
		'ip nexthop add id 3 group 1 type resilient' \
		'ip nexthop add id 3 group 1 type resilient buckets' \
		'ip nexthop add id 3 group 1 type resilient buckets x' \
		'ip nexthop add id 3 group 1 type resilient buckets 70000' \
		'ip nexthop add id 3 group 1 type resilient idle_timer x' \
		'ip nexthop add id 3 group 1 type resilient idle_timer 42949672 buckets 2' \
		'ip nexthop add id 3 group 1 type resilient unbalanced_timer 42949672' \
		'ip nexthop add id 3 group 1 type resilient unbalanced_timer x' \
		'ip nexthop add id 3 group 1 type resilient foo' \
		'ip nexthop add id 3 group 1 type mpath buckets 3' \
		'ip nexthop add id 3 group 1 idle_timer 5' \
		'ip nexthop add id 3 group 1 type resilient type mpath' \
		'ip nexthop add id 3 blackhole proto foo' \
		'ip nexthop add id 3 blackhole protocol 300' \
		'ip nexthop add id 3 blackhole protocol' \
		'ip nexthop add id 3 blackhole fdb' \
		'ip nexthop add id 3 via 10.0.0.9 dev v0 blackhole' \
		'ip nexthop add id 3 foo' \
		'ip nexthop add id 3 blackh' \
		'ip nexthop add id 3 grou 1' \
		'ip nexthop add id 3 via 10.0.0.3 de v0' \
		'ip nexthop add id 3 via 10.0.0.3 dev v0 onl' \
		'ip nexthop add id 3 encap' \
		'ip nexthop add id 3 encap mpls' \
		'ip nexthop add id 3 encap foo' \
		'ip nexthop foo' \
		'ip nexthop get id' \
		'ip nexthop get id 99' \
		'ip nexthop get id x' \
		'ip nexthop del' \
		'ip nexthop del id 99' \
		'ip nexthop del id x' \
		'ip nexthop show foo' \
		'ip nexthop show dev nope' \
		'ip nexthop show dev' \
		'ip nexthop show master nope' \
		'ip nexthop show master v0' \
		'ip nexthop show vrf nope' \
		'ip nexthop show vrf v0' \
		'ip nexthop show id 99' \
		'ip nexthop show id 0' \
		'ip nexthop show id x' \
		'ip nexthop show i 1' \
		'ip nexthop show protocol x' \
		'ip nexthop show protocol' \
		'ip nexthop flush foo' \
		'ip nexthop flush dev nope' \
		'ip nexthop flush id 77' \
		'ip nexthop flush id 0' \
		'ip nexthop flush id x' \
		'ip nexthop bucket foo' \
		'ip nexthop bucket get id 1 index 200' \
		'ip nexthop bucket get id 7 index x' \
		'ip nexthop bucket get id x' \
		'ip nexthop bucket get id 1 index 0' \
		'ip nexthop bucket get id 99 index 0' \
		'ip nexthop bucket list nhid x' \
		'ip nexthop bucket list nhid' \
		'ip nexthop bucket list id 1' \
		'ip nexthop bucket list id 99' \
		'ip nexthop bucket list id x' \
		'ip nexthop bucket list foo' \
		'ip nexthop bucket list groups' \
		'ip nexthop bucket list fdb' \
		'ip nexthop bucket list protocol 3' \
		'ip nexthop bucket list dev nope' \
		'ip nexthop bucket list vrf v0' \
		'ip nexthop'
}

# Bucket idle times count up from the group's creation: the only values
# that differ between two runs (unbalanced_time stays 0 with no traffic).
TNORM='tnorm() { t=$(mktemp); "$@" >"$t"; rc=$?; sed -E "s/(idle_time\"?:? ?)[0-9.e+]+/\1T/g" "$t"; rm -f "$t"; return $rc; }'

@test "nexthop: resilient groups and their buckets" {
	diff_ip_each "$SETUP
$TNORM
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0
ip nexthop add id 3 via 10.0.0.4 dev v1 onlink" \
		'ip nexthop add id 7 group 1/2 type resilient buckets 8 idle_timer 10 unbalanced_timer 20' \
		'ip nexthop add id 8 group 1,3/3 type resilient buckets 0x10' \
		'ip nexthop add id 9 group 2 type resilient buckets 2 unbalanced_timer 42949671 idle_timer 42949671' \
		'ip nexthop add id 10 group 1/3 type resilient buckets 4 idle_timer 0' \
		'ip nexthop' \
		'ip -d nexthop' \
		'ip -j nexthop' \
		'ip -j -p nexthop get id 7' \
		'ip -o nexthop show groups' \
		'ip nexthop get id 9' \
		'tnorm ip nexthop bucket' \
		'tnorm ip nexthop bucket show id 7' \
		'tnorm ip -j nexthop bucket show id 8' \
		'tnorm ip -j -p nexthop bucket list nhid 3' \
		'tnorm ip nexthop bucket list dev v1' \
		'tnorm ip nexthop bucket list id 7 nhid 2' \
		'tnorm ip nexthop bucket list id 0' \
		'tnorm ip nexthop bucket list master v0' \
		'tnorm ip nexthop b' \
		'tnorm ip nexthop bucket s' \
		'tnorm ip nexthop bucket get id 7 index 3' \
		'tnorm ip -j nexthop bucket get id 8 index 15' \
		'ip nexthop replace id 7 group 1/2/3 type resilient idle_timer 5' \
		'ip nexthop get id 7' \
		'tnorm ip nexthop bucket show id 7' \
		'ip nexthop del id 2' \
		'ip nexthop' \
		'ip nexthop flush' \
		'ip nexthop'
}

# Our usage text (it leaves out encap, which we refuse), exactly.
NH_USAGE='Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]
            [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
NH := { blackhole | [ via [ FAMILY ] ADDRESS ] [ dev DEV ] [ onlink ]
        [ fdb ] | group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
FAMILY := [ inet | inet6 ]
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]
                  [ unbalanced_timer UNBALANCED ]'

@test "nexthop: help and the commands that answer with usage (exit 255)" {
	need_root
	local c script='' want='' ref_want=''
	for c in 'help' 'he' 'help foo' 'get' 'get foo' 'get id 1 foo' \
		'get id 0' 'bucket get' 'bucket get id 7' 'bucket get index 1' \
		'bucket get id 0 index 0' 'bucket get id 7 index 1 foo' \
		'bucket get i 1 in 2' 'bucket help' 'bucket list help' \
		'show help' 'show h' 'flush help' 'add id 1 help' \
		'add id 1 blackhole help' 'del help'; do
		# add, del and flush among them: in a sandbox all the same
		script="$script
ip nexthop $c 2>&1; echo \"rc=\$?\""
		want="$want$NH_USAGE
rc=255
"
		ref_want="$ref_want${NH_USAGE%%$'\n'*}
rc=255
"
	done
	run sandbox ours sh -c "$script"
	[ "$output" = "${want%$'\n'}" ]
	if [ -x "$REF_IP" ]; then
		# the reference's text (with encap) differs: its first line and
		# exit codes are the same
		run sandbox ref sh -c "$script"
		[ "$(grep -e '^Usage' -e '^rc=' <<<"$output")" = "${ref_want%$'\n'}" ]
	fi
}

@test "nexthop: -echo prints what the kernel made or removed" {
	# -j -echo is left out: the reference writes "[{{...}}]", not JSON
	diff_ip_each "$SETUP
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0" \
		'ip -echo nexthop add id 3 group 1/2' \
		'ip -echo nexthop del id 3' \
		'ip -echo nexthop replace id 2 via 10.0.0.4 dev v0' \
		'ip -echo nexthop add id 4 blackhole proto static' \
		'ip -echo -d nexthop add id 5 group 1 type resilient buckets 2 idle_timer 7' \
		'ip -echo nexthop add id 6 blackhole fdb' \
		'ip -echo nexthop del id 99' \
		'ip nexthop'
}

@test "nexthop: -echo -j is one valid JSON array (the reference doubles the braces)" {
	need_root
	run sandbox ours sh -c 'ip link set lo up && ip -echo -j nexthop add id 21 blackhole &&
		ip -echo -j nexthop del id 21'
	[ "$status" = 0 ]
	[ "${lines[0]}" = '[{"id":21,"blackhole":null,"flags":[]}]' ]
	[ "${lines[1]}" = '[{"deleted":true,"id":21,"blackhole":null,"flags":[]}]' ]
}

@test "nexthop: -batch, with errors reported per line" {
	local f="$BATS_TEST_TMPDIR/nh.batch"
	cat >"$f" <<'EOB'
nexthop add id 1 via 10.0.0.2 dev v0
nexthop add id 2 via 10.0.0.3 dev v0 proto static
nexthop add id 3 group 1/2
nexthop add id 4 group 1,x
nexthop add id 5 dev nope
nexthop add id 1 blackhole
nexthop show
nexthop get id 3
nexthop show id 77
nexthop del id 3
nexthop flush proto 4
nexthop
EOB
	diff_ip "$SETUP
ip -batch $f; echo rc=\$?
ip -force -batch $f; echo rc=\$?
ip -j -force -batch $f; echo rc=\$?"
}

@test "nexthop: routes that use nexthop objects (nhid) list as the reference" {
	diff_ip_each "$SETUP
$TNORM
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0 proto static
ip nexthop add id 3 blackhole
ip nexthop add id 4 group 1,5/2
ip nexthop add id 5 group 1/2 type resilient buckets 4 idle_timer 9
ip -6 nexthop add id 6 via 2001:db8::2 dev v0
ip nexthop add id 8 via 10.0.0.5 fdb
ip nexthop add id 9 group 8 fdb
ip nexthop add id 10 dev v1" \
		'ip route add 192.168.1.0/24 nhid 1' \
		'ip route add 192.168.2.0/24 nhid 4' \
		'ip route add 192.168.3.0/24 nhid 5' \
		'ip route add 192.168.4.0/24 nhid 3' \
		'ip route add 192.168.5.0/24 nhid 10 proto static' \
		'ip -6 route add 2001:db8:5::/64 nhid 6' \
		'ip route add 192.168.6.0/24 nhid 9' \
		'ip route add 192.168.7.0/24 nhid 99' \
		'ip route show' \
		'ip -d route show' \
		'ip -d -j route show' \
		'ip -d -j -p route show 192.168.3.0/24' \
		'ip -d -o route' \
		'ip -6 -d route show 2001:db8:5::/64' \
		'ip -6 -d -j route show 2001:db8:5::/64' \
		'ip route get 192.168.2.1' \
		'ip -d route get 192.168.1.1' \
		'ip nexthop' \
		'tnorm ip nexthop bucket show id 5' \
		'ip nexthop del id 4' \
		'ip -d route' \
		'ip nexthop flush' \
		'ip -d route' \
		'ip nexthop'
}

@test "nexthop: the requests (RTM_NEWNEXTHOP, RTM_DELNEXTHOP) are the reference's" {
	need_root
	need_ref
	REQ_TYPES='104 105' diff_requests "$SETUP
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0" \
		'nexthop add id 3 via 10.0.0.4 dev v0 onlink proto static' \
		'-6 nexthop add id 4 via inet6 2001:db8::4 dev v0 protocol 99' \
		'nexthop add id 5 blackhole' \
		'nexthop add id 7 group 1,5/2,256' \
		'nexthop add id 9 group 1/2 type resilient buckets 4 idle_timer 3 unbalanced_timer 4' \
		'nexthop add id 10 group 1 type resilient' \
		'nexthop add id 13 group 1 type resilient type mpath' \
		'nexthop add id 11 via 10.0.0.5 fdb' \
		'nexthop add via 10.0.0.6 dev v0' \
		'nexthop replace id 3 via 10.0.0.7 dev v0' \
		'nexthop del id 7' \
		'nexthop flush dev v0' \
		'nexthop flush' \
		'nexthop flush id 99'
}

@test "nexthop: golden text, JSON and flush count (no reference needed)" {
	need_root
	run sandbox ours sh -c "$SETUP
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0 onlink proto static
ip nexthop add id 3 blackhole
ip nexthop add id 4 group 1,5/2
ip nexthop add id 5 group 1/2 type resilient buckets 2 idle_timer 10 unbalanced_timer 20
ip nexthop add id 8 via 10.0.0.5 fdb
ip -6 nexthop add id 9 via 2001:db8::2 dev v0
ip nexthop
ip -d nexthop show groups
ip -j nexthop get id 5
ip -j nexthop get id 4
ip nexthop flush
ip nexthop flush"
	[ "$status" = 0 ]
	[ "$output" = "id 1 via 10.0.0.2 dev v0 scope link 
id 2 via 10.0.0.3 dev v0 scope link proto static onlink 
id 3 blackhole 
id 4 group 1,5/2 
id 5 group 1/2 type resilient buckets 2 idle_timer 10 unbalanced_timer 20 unbalanced_time 0 
id 8 via 10.0.0.5 scope link fdb
id 9 via 2001:db8::2 dev v0 scope link 
id 4 group 1,5/2 scope global proto unspec 
id 5 group 1/2 type resilient buckets 2 idle_timer 10 unbalanced_timer 20 unbalanced_time 0 scope global proto unspec 
[{\"id\":5,\"group\":[{\"id\":1},{\"id\":2}],\"type\":\"resilient\",\"resilient_args\":{\"buckets\":2,\"idle_timer\":10,\"unbalanced_timer\":20,\"unbalanced_time\":0},\"flags\":[]}]
[{\"id\":4,\"group\":[{\"id\":1,\"weight\":5},{\"id\":2}],\"flags\":[]}]
Flushed 7 nexthops
Nothing to flush" ]
}

@test "nexthop: the object's abbreviations resolve as the reference's (nex, next...)" {
	diff_ip_each 'ip link set lo up' 'ip nex add id 1 blackhole' \
		'ip next add id 2 blackhole' 'ip nexth' 'ip nexthop show' \
		'ip nexthopx'
	run "$IP" nexthopx
	[ "$status" = 1 ]
	[ "$output" = 'Object "nexthopx" is unknown, try "ip help".' ]
}

@test "nexthop: flush with selectors, and deletions that fail inside one" {
	local nhs='ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 via 10.0.0.3 dev v0 proto static
ip nexthop add id 3 dev v1
ip nexthop add id 4 blackhole proto static
ip nexthop add id 5 group 1/2
ip nexthop add id 6 group 1 type resilient buckets 2
ip nexthop add id 8 via 10.0.0.5 fdb
ip nexthop add id 9 group 8 fdb'
	diff_ip_each "$SETUP
ip link add br0 type bridge; ip link set v1 master br0; ip link set br0 up
$nhs" \
		'ip nexthop flush groups; ip nexthop' \
		"$nhs; ip nexthop flush protocol 4; ip nexthop" \
		"$nhs; ip nexthop flush master br0; ip nexthop" \
		"$nhs; ip nexthop flush fdb; ip nexthop" \
		"$nhs; ip nexthop flush id 5; ip nexthop flush id 5; ip nexthop" \
		"$nhs; ip nexthop flush protocol 0; ip nexthop" \
		"$nhs; ip -6 nexthop flush; ip nexthop" \
		"$nhs; ip -4 nexthop flush dev v0; ip nexthop" \
		"$nhs; ip -j nexthop flush; ip nexthop" \
		"$nhs; ip nexthop f; ip nexthop"
}

# We refuse to make encapsulations (encap), but list the ones the kernel
# has: ip, ip6 and seg6 in full (the kinds this kernel has), in nexthops
# and in routes, alone and in multipath.  The reference makes them.
@test "nexthop: encap ip, ip6 and seg6 in nexthops and routes list as the reference" {
	diff_ip_each "$SETUP
R=$REF_IP
\$R nexthop add id 1 encap ip6 id 7 dst 2001:db8::9 hoplimit 3 tc 4 via 10.0.0.2 dev v0
\$R -6 nexthop add id 2 encap seg6 mode encap segs 2001:db8::5,2001:db8::6 via 2001:db8::2 dev v0
\$R nexthop add id 3 encap ip id 7 src 10.0.0.1 dst 1.2.3.4 ttl 5 tos 0x10 key csum seq via 10.0.0.2 dev v0
\$R nexthop add id 4 encap ip id 18446744073709551615 dst 1.2.3.4 via 10.0.0.2 dev v0
\$R -6 nexthop add id 5 encap seg6 mode l2encap segs 2001:db8::a dev v0
\$R -6 nexthop add id 6 encap seg6 mode encap.red segs 2001:db8::a,2001:db8::b dev v0
\$R -6 nexthop add id 7 encap seg6 mode inline segs 2001:db8::c dev v0
\$R route add 10.9.0.0/16 encap ip id 7 dst 1.2.3.4 via 10.0.0.2 dev v0
\$R route add 10.10.0.0/16 nexthop encap ip id 8 dst 1.2.3.5 via 10.0.0.2 dev v0 nexthop encap ip6 dst 2001:db8::7 via 10.0.0.3 dev v0
\$R -6 route add 2001:db8:9::/64 encap ip6 id 9 dst 2001:db8::8 tc 3 hoplimit 9 via 2001:db8::2 dev v0
\$R -6 route add 2001:db8:8::/64 encap seg6 mode inline segs 2001:db8::a,2001:db8::b,2001:db8::c dev v0
\$R route add 10.11.0.0/16 nhid 3" \
		'ip nexthop' \
		'ip -j nexthop' \
		'ip -j -p nexthop get id 2' \
		'ip -c nexthop' \
		'ip -d nexthop' \
		'ip -o nexthop' \
		'ip route' \
		'ip -d route' \
		'ip -j route' \
		'ip -c route' \
		'ip -o route' \
		'ip -6 route show 2001:db8:8::/60' \
		'ip -6 -j -p route show 2001:db8:8::/60' \
		'ip -6 -c route show 2001:db8:8::/60' \
		'ip -d -j route show 10.11.0.0/16'
}

@test "nexthop: empty tables, global options and families" {
	diff_ip_each "$SETUP
ip netns add other
ip -n other link set lo up
echo '10.0.0.2 gw-two' > /run/hosts-nh
mount --bind /run/hosts-nh /etc/hosts" \
		'ip nexthop' \
		'ip -j nexthop' \
		'ip -j -p nexthop' \
		'ip -j nexthop bucket' \
		'ip -j -p nexthop bucket' \
		'ip nexthop flush' \
		'ip -j nexthop flush groups' \
		'ip nexthop add id 1 via 10.0.0.2 dev v0' \
		'ip -n other nexthop add id 2 blackhole proto kernel' \
		'ip -n other nexthop' \
		'ip -n other -j nexthop get id 2' \
		'ip -br nexthop' \
		'ip -r nexthop' \
		'ip -r -j nexthop' \
		'ip -s -s nexthop' \
		'ip -f inet nexthop' \
		'ip -f inet6 nexthop' \
		'ip -f link nexthop' \
		'ip -0 nexthop' \
		'ip -f mpls nexthop' \
		'ip -6 nexthop add id 3 via 10.0.0.3 dev v0' \
		'ip -6 nexthop add id 3 blackhole' \
		'ip -4 nexthop get id 3' \
		'ip -6 nexthop del id 1' \
		'ip -t nexthop' \
		'ip -echo nexthop replace id 3 blackhole' \
		'ip nexthop'
}

# vrf selects by master device too, once the name is a VRF (the QEMU lane's
# kernel has them; this one does not).
@test "nexthop: show, flush and bucket list by vrf" {
	need_kind "vrf table 10"
	diff_ip_each "$SETUP
ip link add red type vrf table 10
ip link set red up
ip link set v1 master red
ip nexthop add id 1 via 10.0.0.2 dev v0
ip nexthop add id 2 dev v1
ip nexthop add id 3 dev v1 proto static
ip nexthop add id 5 group 2/3 type resilient buckets 4" \
		'ip nexthop show vrf red' \
		'ip -j nexthop show vrf red' \
		'ip nexthop show vr red' \
		'ip nexthop show vrf v1' \
		'ip nexthop show vrf nope' \
		'ip nexthop show master red' \
		'ip nexthop bucket list vrf red | wc -l' \
		'ip nexthop bucket list vrf v0' \
		'ip nexthop flush vrf red' \
		'ip nexthop'
}

# iproute2 6.1 refuses groups of more than 127 members (its request buffer:
# "addattr_l ERROR: message exceeded bound of 1048"); the kernel takes them.
@test "nexthop: a group of 300 members (more than iproute2 can send)" {
	need_root
	run sandbox ours sh -c "$SETUP
i=1; while [ \$i -le 300 ]; do echo \"nexthop add id \$i via 10.0.0.\$((i % 200 + 2)) dev v0\"; i=\$((i + 1)); done | ip -batch -
ip nexthop add id 1000 group \$(seq -s/ 1 300) && ip -j nexthop get id 1000"
	[ "$status" = 0 ]
	[ "$(grep -o '"id":[0-9]*' <<<"$output" | wc -l)" = 301 ]
	[[ "$output" == '[{"id":1000,"group":[{"id":1},{"id":2},'* ]]
	[[ "$output" == *'{"id":300}],"flags":[]}]' ]]
}
