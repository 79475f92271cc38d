#!/usr/bin/env bats
# Shell completion.  bash (completion/ip.bash) is driven the way bash drives
# it: set COMP_LINE/COMP_POINT/COMP_WORDS/COMP_CWORD, call the function,
# compare COMPREPLY exactly; and once through readline in a pty.  zsh
# (completion/_ip) runs in an interactive zsh in a pty, TAB pressed.  All in
# a sandbox with known links, addresses, routes and namespaces; the `ip` on
# PATH there is ours.  bash-completion's own ip completion is run against
# our ip and the reference.

load helpers

COMP_DIR="$REPO_DIR/completion"

# The state every test completes against (made with the reference when it
# is installed, so these tests do not depend on our link/netns add).
SCENE='
set -e
S=$SETUP_IP
$S netns add red
$S netns add "my ns"
$S link add v0 type veth peer name v1
$S link add br0 type bridge
$S link add vr0 type veth peer name vr1 netns red
$S -n red link add inred0 type veth peer name inred1
for d in v0 v1 br0; do $S link set $d addrgenmode none; done
$S link set v0 up
$S link set v1 up
$S addr add 10.1.0.1/24 dev v0
$S addr add 2001:db8::1/64 dev v0 nodad
$S addr add 10.2.0.1/24 dev v1
$S route add 10.9.0.0/16 via 10.1.0.2
$S route add 10.8.0.0/16 dev v0 table 100
$S route add unreachable 10.7.0.0/16
$S route add 2001:db8:5::/48 via 2001:db8::2
$S route add 10.5.0.0/16 nexthop via 10.1.0.2 dev v0 nexthop via 10.2.0.2 dev v1
# Names from rt_tables.d and rt_protos.d (on a tmpfs of this mount namespace).
mount -t tmpfs tmpfs /etc/iproute2/rt_tables.d
echo "200	blue # comment" >/etc/iproute2/rt_tables.d/blue.conf
mount -t tmpfs tmpfs /etc/iproute2/rt_protos.d
echo "250	myproto" >/etc/iproute2/rt_protos.d/my.conf
$S route add 10.6.0.0/16 dev v0 table blue
set +e
'

# Rules, neighbours, nexthops, tun/tap devices, multicast addresses, users
# and groups for the tests of those objects (SCENE_MORE=$SCENE2).
SCENE2='
set -e
$S rule add pref 100 from 10.1.0.0/24 table 100
$S rule add pref 200 fwmark 3 table blue
$S -6 rule add pref 300 table 100
$S neigh add 10.1.0.7 lladdr 02:00:00:00:00:07 dev v0 nud permanent
$S neigh add 10.2.0.8 lladdr 02:00:00:00:00:08 dev v1 nud permanent
$S neigh add 2001:db8::7 lladdr 02:00:00:00:00:09 dev v0 nud permanent
$S neigh add proxy 198.51.100.77 dev v0
$S nexthop add id 11 via 10.1.0.2 dev v0
$S nexthop add id 12 via 10.2.0.2 dev v1
$S nexthop add id 20 group 11/12
$S nexthop add id 21 group 11/12 type resilient buckets 3
$S -n red link set lo up
$S -n red nexthop add id 77 blackhole
$S tuntap add mode tun name tun0
$S tuntap add mode tap name tap0
$S maddr add 01:00:5e:01:01:01 dev v0
$S maddr add 01:00:5e:01:01:02 dev v1
printf "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n" >/run/passwd
printf "root:x:0:\nwheel:x:10:alice\n" >/run/group
mount --bind /run/passwd /etc/passwd
mount --bind /run/group /etc/group
set +e
'

# A bash script that defines `c LINE`: complete LINE (cursor at its end, or
# at the first "^" in it) and print "LINE => REPLY..." (replies separated by
# " | " so that names with spaces show).
write_driver() {
	cat >"$BATS_TEST_TMPDIR/drv.bash" <<'EOF'
# Split like bash does for COMP_WORDS: at blanks (quotes respected) and
# at runs of ':' / '=' (COMP_WORDBREAKS).
split_like_bash() {
	local line=$1 tok i ch q= w=
	COMP_WORDS=()
	local -a toks=()
	for ((i = 0; i < ${#line}; i++)); do
		ch=${line:i:1}
		if [[ -n $q ]]; then
			w+=$ch; [[ $ch == "$q" ]] && q=
		elif [[ $ch == [\"\'] ]]; then
			w+=$ch; q=$ch
		elif [[ $ch == '\' ]]; then
			w+=$ch${line:i+1:1}; ((i++))
		elif [[ $ch == ' ' ]]; then
			[[ -n $w ]] && toks+=("$w"); w=
		else
			w+=$ch
		fi
	done
	[[ -n $w ]] && toks+=("$w")
	for tok in "${toks[@]}"; do
		while [[ $tok =~ ^([^:=]*)([:=]+)(.*)$ ]]; do
			[[ -n ${BASH_REMATCH[1]} ]] && COMP_WORDS+=("${BASH_REMATCH[1]}")
			COMP_WORDS+=("${BASH_REMATCH[2]}")
			tok=${BASH_REMATCH[3]}
		done
		[[ -n $tok ]] && COMP_WORDS+=("$tok")
	done
	[[ $line == *' ' || -z $line ]] && COMP_WORDS+=('')
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
}
# Outside a real completion compopt complains; it changes no reply.
compopt() { builtin compopt "$@" 2>/dev/null; return 0; }
c() {
	local line=$1 out
	COMP_LINE=${line/^/} COMP_POINT=${#line}
	if [[ $line == *^* ]]; then
		# The cursor is at the "^": COMP_CWORD from the text before it.
		COMP_POINT=${line%%^*}
		split_like_bash "$COMP_POINT"
		COMP_POINT=${#COMP_POINT}
		local cw=$COMP_CWORD
		split_like_bash "$COMP_LINE"
		COMP_CWORD=$cw
	else
		split_like_bash "$line"
	fi
	COMPREPLY=()
	local spec
	# As bash does: no compspec yet, the default one (bash-completion's
	# loader) finds the file and sources it.
	complete -p ip >/dev/null 2>&1 || _completion_loader ip
	spec=$(complete -p ip)
	spec=${spec#*-F }
	"${spec%% *}" ip "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	local IFS='|'
	out="${COMPREPLY[*]}"
	echo "$line =>${out:+ }${out//|/ | }"
}
EOF
}

# comp_run 'bash lines': run them in a sandbox after SCENE, with our
# completion sourced (after bash-completion when BASH_COMPLETION=1), or
# with bash-completion's own ip completion when PKG_COMPLETION=1 (and
# WHICH=ref to run it with the reference instead of our ip).
comp_run() {
	need_root
	write_driver
	local setup_ip="$IP"
	[ -x "$REF_IP" ] && setup_ip="$REF_IP"
	{
		echo "{ SETUP_IP='$setup_ip'"
		echo "$SCENE$SCENE_MORE"
		echo '} >/dev/null 2>&1 || true'
		if [ "$BASH_COMPLETION" = 1 ] || [ "$PKG_COMPLETION" = 1 ]; then
			echo '. /usr/share/bash-completion/bash_completion'
		fi
		if [ "$INSTALLED" = 1 ]; then
			# Where a user's own completions go: found before the package's.
			echo "export BASH_COMPLETION_USER_DIR='$BATS_TEST_TMPDIR/bc'"
			mkdir -p "$BATS_TEST_TMPDIR/bc/completions"
			cp "$COMP_DIR/ip.bash" "$BATS_TEST_TMPDIR/bc/completions/ip"
		elif [ "$PKG_COMPLETION" = 1 ]; then
			# Its interface lists come from ifconfig before ip: hide it.
			echo 'ifconfig() { return 1; }'
			echo '. /usr/share/bash-completion/completions/ip'
		else
			echo ". '$COMP_DIR/ip.bash'"
		fi
		echo ". '$BATS_TEST_TMPDIR/drv.bash'"
		echo "$1"
	} >"$BATS_TEST_TMPDIR/run.bash"
	run sandbox "${WHICH:-ours}" bash "$BATS_TEST_TMPDIR/run.bash"
}

expect() {
	if [ "$output" != "$1" ]; then
		diff -u <(echo "$1") <(echo "$output")
		return 1
	fi
}

@test "completion: objects, verbs and global options" {
	comp_run '
c "ip "
c "ip l"
c "ip ro"
c "ip link "
c "ip a "
c "ip r "
c "ip netns "
c "ip neigh "
c "ip -"
c "ip -br -"
c "ip -f "
c "ip -family in"
c "ip -c="
c "ip -color=a"
c "ip -j -p l"
c "ip -batch /dev/nul"
c "ip -b /dev/null "
c "ip --json a"'
	[ "$status" -eq 0 ]
	expect 'ip  => address | help | link | maddress | monitor | neighbor | netns | nexthop | route | rule | tunnel | tuntap
ip l => link
ip ro => route
ip link  => add | change | delete | help | list | set | show
ip a  => add | change | delete | flush | help | replace | restore | save | show | showdump
ip r  => add | append | change | delete | flush | get | help | list | prepend | replace | restore | save | show | showdump | test
ip netns  => add | attach | delete | exec | help | identify | list | list-id | monitor | pids | set
ip neigh  => add | change | delete | flush | get | help | list | replace | show
ip - => -Version | -loops | -family | -resolve | -rcvbuf | -netns | -batch | -4 | -6 | -M | -B | -0 | -human-readable | -iec | -statistics | -details | -oneline | -timestamp | -tshort | -force | -echo | -Numeric | -all | -json | -pretty | -brief | -color | -help
ip -br - => -Version | -loops | -family | -resolve | -rcvbuf | -netns | -batch | -4 | -6 | -M | -B | -0 | -human-readable | -iec | -statistics | -details | -oneline | -timestamp | -tshort | -force | -echo | -Numeric | -all | -json | -pretty | -brief | -color | -help
ip -f  => inet | inet6 | mpls | bridge | link
ip -family in => inet | inet6
ip -c= => always | auto | never
ip -color=a => always | auto
ip -j -p l => link
ip -batch /dev/nul => /dev/null
ip -b /dev/null  =>
ip --json a => address'
}

@test "completion: ip link, with the reference's abbreviations" {
	comp_run '
c "ip l s "
c "ip link set v"
c "ip l s v0 "
c "ip l s v0 m"
c "ip l s v0 m "
c "ip l s v0 d "
c "ip l s v0 ty bridge_slave gu"
c "ip l s dev v0 mtu "
c "ip l s v0 arp "
c "ip l s v0 master "
c "ip l s v0 netns "
c "ip l s v0 addrgenmode "
c "ip l s v0 group "
c "ip l s group "
c "ip l s v0 up mtu 1400 "
c "ip l s v0 type bridge_slave h"
c "ip l s v0 type bridge_slave learning "
c "ip link del "
c "ip link show "
c "ip link show type bri"
c "ip link sh dev br"
c "ip link help ve"
c "ip link add v0 type ve"
c "ip link add v0 type veth "
c "ip link add v0 type veth peer "
c "ip link add v0 type veth peer name v1 netns "
c "ip link add v0 type veth peer name v1 netns red m"
c "ip link add br0 type bridge stp"
c "ip link add br0 type bridge vlan_protocol "
c "ip link add mv0 link v0 type macvlan mode "
c "ip link add vx0 type vxlan id 5 dev "
c "ip link add vx0 type vxlan id 5 srcport 1 2 "
c "ip link add g0 type gre remote 10.0.0.1 encap "
c "ip link add e0 type erspan erspan_"
c "ip link add s0 type sit 6rd"
c "ip link add t0 type ip6tnl mode "
c "ip link add x0 type xfrm "
c "ip link add vt0 type vti i"
c "ip link add v0 type v"
c "ip link add gv0 type geneve df "
c "ip link add ms0 link v0 type macsec cipher gcm-aes-2"
c "ip link add ms0 link v0 type macsec encrypt "
c "ip link add iv0 link v0 type ipvtap mode "
c "ip link add a"
c "ip link add link "'
	[ "$status" -eq 0 ]
	expect 'ip l s  => lo | v1 | v0 | br0 | vr0 | dev | group
ip link set v => v1 | v0 | vr0
ip l s v0  => up | down | name | address | alias | link | broadcast | txqueuelen | type | master | nomaster | dynamic | mtu | netns | multicast | allmulticast | promisc | trailers | arp | carrier | vrf | group | addrgenmode | link-netns | link-netnsid | protodown | gso_max_size | gso_max_segs | gro_max_size
ip l s v0 m => master | mtu | multicast
ip l s v0 m  => br0
ip l s v0 d  => on | off
ip l s v0 ty bridge_slave gu => guard
ip l s dev v0 mtu  =>
ip l s v0 arp  => on | off
ip l s v0 master  => br0
ip l s v0 netns  => my\ ns | red
ip l s v0 addrgenmode  => eui64 | none | stable_secret | random
ip l s v0 group  => default
ip l s group  => default
ip l s v0 up mtu 1400  => down | name | address | alias | link | broadcast | txqueuelen | type | master | nomaster | dynamic | netns | multicast | allmulticast | promisc | trailers | arp | carrier | vrf | group | addrgenmode | link-netns | link-netnsid | protodown | gso_max_size | gso_max_segs | gro_max_size
ip l s v0 type bridge_slave h => hairpin
ip l s v0 type bridge_slave learning  => on | off
ip link del  => lo | v1 | v0 | br0 | vr0 | dev | group
ip link show  => lo | v1 | v0 | br0 | vr0 | dev | group | up | master | vrf | type | nomaster
ip link show type bri => bridge | bridge_slave
ip link sh dev br => br0
ip link help ve => veth
ip link add v0 type ve => veth
ip link add v0 type veth  => peer
ip link add v0 type veth peer  => up | down | name | index | address | alias | broadcast | txqueuelen | master | nomaster | dynamic | mtu | netns | multicast | allmulticast | promisc | trailers | arp | group | numtxqueues | numrxqueues
ip link add v0 type veth peer name v1 netns  => my\ ns | red
ip link add v0 type veth peer name v1 netns red m => master | mtu | multicast
ip link add br0 type bridge stp => stp_state
ip link add br0 type bridge vlan_protocol  => 802.1Q | 802.1ad
ip link add mv0 link v0 type macvlan mode  => private | vepa | bridge | passthru | source
ip link add vx0 type vxlan id 5 dev  => lo | v1 | v0 | br0 | vr0
ip link add vx0 type vxlan id 5 srcport 1 2  => group | remote | local | ttl | tos | df | flowlabel | dev | dstport | learning | nolearning | proxy | noproxy | rsc | norsc | l2miss | nol2miss | l3miss | nol3miss | ageing | maxaddress | udpcsum | noudpcsum | udp6zerocsumtx | noudp6zerocsumtx | udp6zerocsumrx | noudp6zerocsumrx | remcsumtx | noremcsumtx | remcsumrx | noremcsumrx | external | noexternal | gbp | gpe | vnifilter | novnifilter
ip link add g0 type gre remote 10.0.0.1 encap  => fou | gue | none
ip link add e0 type erspan erspan_ => erspan_ver | erspan_dir | erspan_hwid
ip link add s0 type sit 6rd => 6rd-prefix | 6rd-relay_prefix | 6rd-reset
ip link add t0 type ip6tnl mode  => ip6ip6 | ipip6 | any
ip link add x0 type xfrm  => dev | if_id | external
ip link add vt0 type vti i => ikey
ip link add v0 type v => veth | vlan | vrf | vti | vti6 | vxlan
ip link add gv0 type geneve df  => unset | set | inherit
ip link add ms0 link v0 type macsec cipher gcm-aes-2 => gcm-aes-256
ip link add ms0 link v0 type macsec encrypt  => on | off
ip link add iv0 link v0 type ipvtap mode  => l2 | l3 | l3s
ip link add a => address | alias | allmulticast | arp
ip link add link  => lo | v1 | v0 | br0 | vr0'
}

@test "completion: ip address, with the addresses of the device for del" {
	comp_run '
c "ip a a 10.0.0.1/24 "
c "ip a a 10.0.0.1/24 dev "
c "ip a a 10.0.0.1/24 dev v0 s"
c "ip a a 10.0.0.1/24 dev v0 scope "
c "ip a a 10.0.0.1/24 dev v0 label "
c "ip a a 10.0.0.1/24 dev v0 valid_lft "
c "ip a a 10.0.0.1/24 dev v0 nodad "
c "ip a del "
c "ip a del 10"
c "ip addr del dev v1 "
c "ip addr del ^ dev v0"
c "ip addr del 10.2.0.1/24 dev "
c "ip addr del 2001:db8::1/64 d"
c "ip addr del 2001:db8::1/64 dev "
c "ip -6 a d "
c "ip a d 2001:db8::"
c "ip a d \"2001:db8::"
c "ip address show "
c "ip a s dev v0 "
c "ip a flush t"
c "ip a s type ve"'
	[ "$status" -eq 0 ]
	expect 'ip a a 10.0.0.1/24  => peer | remote | broadcast | anycast | scope | dev | label | metric | priority | valid_lft | preferred_lft | home | nodad | mngtmpaddr | noprefixroute | autojoin | local
ip a a 10.0.0.1/24 dev  => lo | v1 | v0 | br0 | vr0
ip a a 10.0.0.1/24 dev v0 s => scope
ip a a 10.0.0.1/24 dev v0 scope  => global | host | link | nowhere | site
ip a a 10.0.0.1/24 dev v0 label  => v0:
ip a a 10.0.0.1/24 dev v0 valid_lft  => forever
ip a a 10.0.0.1/24 dev v0 nodad  => peer | remote | broadcast | anycast | scope | label | metric | priority | valid_lft | preferred_lft | home | mngtmpaddr | noprefixroute | autojoin | local
ip a del  => 10.2.0.1/24 | 10.1.0.1/24 | 2001:db8::1/64 | peer | remote | broadcast | anycast | scope | dev | label | mngtmpaddr | local
ip a del 10 => 10.2.0.1/24 | 10.1.0.1/24
ip addr del dev v1  => 10.2.0.1/24 | peer | remote | broadcast | anycast | scope | label | mngtmpaddr | local
ip addr del ^ dev v0 => 10.1.0.1/24 | 2001:db8::1/64 | peer | remote | broadcast | anycast | scope | dev | label | mngtmpaddr | local
ip addr del 10.2.0.1/24 dev  => v1
ip addr del 2001:db8::1/64 d => dev
ip addr del 2001:db8::1/64 dev  => v0
ip -6 a d  => 2001:db8::1/64 | peer | remote | broadcast | anycast | scope | dev | label | mngtmpaddr | local
ip a d 2001:db8:: => 1/64
ip a d "2001:db8:: => 2001:db8::1/64
ip address show  => lo | v1 | v0 | br0 | vr0 | dev | scope | to | label | master | nomaster | type | vrf | up | permanent | dynamic | secondary | primary | tentative | -tentative | deprecated | -deprecated | dadfailed | -dadfailed | temporary | home | nodad | mngtmpaddr | noprefixroute | autojoin
ip a s dev v0  => scope | to | label | master | nomaster | type | vrf | up | permanent | dynamic | secondary | primary | tentative | -tentative | deprecated | -deprecated | dadfailed | -dadfailed | temporary | home | nodad | mngtmpaddr | noprefixroute | autojoin
ip a flush t => to | type | tentative | temporary
ip a s type ve => veth'
}

@test "completion: ip route, with tables, protocols and routes in use" {
	comp_run '
c "ip r a "
c "ip r a unreachable "
c "ip r a 10.3.0.0/16 "
c "ip r a 10.3.0.0/16 t"
c "ip r a 10.3.0.0/16 table "
c "ip r a 10.3.0.0/16 proto "
c "ip r a 10.3.0.0/16 scope "
c "ip r a 10.3.0.0/16 via 10.1.0.2 dev "
c "ip r a 10.3.0.0/16 src "
c "ip -4 r a 10.3.0.0/16 src "
c "ip r a 10.3.0.0/16 pref "
c "ip r a 10.3.0.0/16 nexthop "
c "ip r a 10.3.0.0/16 nexthop via 10.1.0.2 "
c "ip r a 2001:db8:7::/48 via inet6 fe80::1 d"
c "ip r del "
c "ip -6 r del "
c "ip r del table 100 "
c "ip r del table blue "
c "ip r del 10.9.0.0/16 via 10.1.0.2 "
c "ip r del 10.9.0.0/16 via "
c "ip r del 10.5.0.0/16 via "
c "ip r del 10.5.0.0/16 dev "
c "ip r del unreachable 10.7.0.0/16 t"
c "ip r s "
c "ip r s table "
c "ip r s type "
c "ip r get 10.9.0.1 "
c "ip r get 10.9.0.1 oif "
c "ip r fl "'
	[ "$status" -eq 0 ]
	expect 'ip r a  => unicast | local | broadcast | multicast | throw | unreachable | prohibit | blackhole | nat | anycast | default | table | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r a unreachable  => default | table | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r a 10.3.0.0/16  => table | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r a 10.3.0.0/16 t => table | tos | ttl-propagate | to
ip r a 10.3.0.0/16 table  => local | main | default | unspec | blue | 100
ip r a 10.3.0.0/16 proto  => redirect | kernel | boot | static | unspec | gated | ra | mrt | zebra | bird | dnrouted | xorp | ntk | dhcp | keepalived | babel | openr | bgp | isis | ospf | rip | eigrp | myproto
ip r a 10.3.0.0/16 scope  => global | host | link | nowhere | site
ip r a 10.3.0.0/16 via 10.1.0.2 dev  => lo | v1 | v0 | br0 | vr0
ip r a 10.3.0.0/16 src  => 10.2.0.1 | 10.1.0.1
ip -4 r a 10.3.0.0/16 src  => 10.2.0.1 | 10.1.0.1
ip r a 10.3.0.0/16 pref  => low | medium | high
ip r a 10.3.0.0/16 nexthop  => via | dev | weight | onlink | pervasive | nexthop
ip r a 10.3.0.0/16 nexthop via 10.1.0.2  => dev | weight | onlink | pervasive | nexthop
ip r a 2001:db8:7::/48 via inet6 fe80::1 d => dsfield | dev
ip r del  => 10.1.0.0/24 | 10.2.0.0/24 | 10.5.0.0/16 | 10.7.0.0/16 | 10.9.0.0/16 | table | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip -6 r del  => 2001:db8::/64 | 2001:db8:5::/48 | table | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r del table 100  => 10.8.0.0/16 | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r del table blue  => 10.6.0.0/16 | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r del 10.9.0.0/16 via 10.1.0.2  => table | proto | protocol | scope | metric | preference | priority | tos | dsfield | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip r del 10.9.0.0/16 via  => 10.1.0.2
ip r del 10.5.0.0/16 via  => 10.1.0.2 | 10.2.0.2
ip r del 10.5.0.0/16 dev  => v0 | v1
ip r del unreachable 10.7.0.0/16 t => table | tos | ttl-propagate | to
ip r s  => table | vrf | cache | cached | cloned | all | tos | dsfield | protocol | proto | scope | type | dev | oif | iif | via | src | realm | realms | from | to | root | match | exact
ip r s table  => local | main | default | unspec | blue | 100 | all
ip r s type  => unicast | local | broadcast | multicast | throw | unreachable | prohibit | blackhole | nat | anycast
ip r get 10.9.0.1  => fibmatch | from | iif | oif | tos | dsfield | mark | vrf | uid | ipproto | sport | dport | connected | to
ip r get 10.9.0.1 oif  => lo | v1 | v0 | br0 | vr0
ip r fl  => table | vrf | cache | cached | cloned | all | tos | dsfield | protocol | proto | scope | type | dev | oif | iif | via | src | realm | realms | from | to | root | match | exact'
}

@test "completion: ip netns, -n NS and names with spaces" {
	comp_run '
c "ip netns exec "
c "ip netns del m"
c "ip netns exec my\\ "
c "ip netns exec \"my "
c "ip netns exec '"'"'my"
c "ip netns set red "
c "ip netns pids "
c "ip netns add "
c "ip netns list-id "
c "ip -n "
c "ip -n red link set "
c "ip -netns red a a 1.2.3.4/24 dev "
c "ip -n red r del "
c "ip -n my\\ ns l s "
c "ip -all netns exec unse"
c "ip netns exec red unse"
c "ip netns exec red ip l s "
c "ip netns exec red ip -n my\\ ns l s "
c "ip netns exec red cat /dev/nul"
'
	[ "$status" -eq 0 ]
	expect 'ip netns exec  => my\ ns | red
ip netns del m => my\ ns
ip netns exec my\  => my\ ns
ip netns exec "my  => my ns
ip netns exec '"'"'my => my ns
ip netns set red  => auto
ip netns pids  => my\ ns | red
ip netns add  =>
ip netns list-id  => target-nsid | nsid
ip -n  => my\ ns | red
ip -n red link set  => lo | vr1 | inred1 | inred0 | dev | group
ip -netns red a a 1.2.3.4/24 dev  => lo | vr1 | inred1 | inred0
ip -n red r del  => table | proto | protocol | scope | metric | preference | priority | tos | dsfield | via | dev | oif | src | mtu | advmss | rtt | rttvar | reordering | window | cwnd | initcwnd | initrwnd | ssthresh | realm | realms | rto_min | hoplimit | features | quickack | congctl | pref | expires | fastopen_no_cookie | ttl-propagate | nhid | nexthop | weight | onlink | pervasive | to
ip -n my\ ns l s  => lo | dev | group
ip -all netns exec unse => unset
ip netns exec red unse => unset
ip netns exec red ip l s  => lo | vr1 | inred1 | inred0 | dev | group
ip netns exec red ip -n my\ ns l s  => lo | dev | group
ip netns exec red cat /dev/nul => /dev/null'
}

@test "completion: with bash-completion loaded, netns exec hands over to the command" {
	[ -r /usr/share/bash-completion/bash_completion ] || skip "bash-completion is not installed"
	BASH_COMPLETION=1 comp_run '
c "ip l s v"
c "ip a d 2001:db8::"
c "ip -c="
c "ip netns exec red unse"
c "ip netns exec red ip l s "
c "ip netns exec red sudo ip -n my\\ ns l s "
c "ip netns exec red cat /dev/nul"
c "ip -batch /dev/nul"'
	[ "$status" -eq 0 ]
	expect 'ip l s v => v1 | v0 | vr0
ip a d 2001:db8:: => 1/64
ip -c= => always | auto | never
ip netns exec red unse => unset
ip netns exec red ip l s  => lo | vr1 | inred1 | inred0 | dev | group
ip netns exec red sudo ip -n my\ ns l s  => lo | dev | group
ip netns exec red cat /dev/nul => /dev/null
ip -batch /dev/nul => /dev/null'
}

@test "completion: installed for bash-completion, it is loaded on demand" {
	[ -r /usr/share/bash-completion/bash_completion ] || skip "bash-completion is not installed"
	BASH_COMPLETION=1 INSTALLED=1 comp_run '
c "ip l s v"
c "ip netns exec red ip -"'
	[ "$status" -eq 0 ]
	expect 'ip l s v => v1 | v0 | vr0
ip netns exec red ip - => -Version | -loops | -family | -resolve | -rcvbuf | -netns | -batch | -4 | -6 | -M | -B | -0 | -human-readable | -iec | -statistics | -details | -oneline | -timestamp | -tshort | -force | -echo | -Numeric | -all | -json | -pretty | -brief | -color | -help'
}

@test "completion: bash and zsh share the same grammar engine" {
	engine() { sed -n '/^# ---- ENGINE BEGIN ----$/,/^# ---- ENGINE END ----$/p' "$1"; }
	run engine "$COMP_DIR/ip.bash"
	[ "${#lines[@]}" -gt 100 ]
	diff -u <(engine "$COMP_DIR/ip.bash") <(engine "$COMP_DIR/_ip")
	bash -n "$COMP_DIR/ip.bash"
	zsh -n "$COMP_DIR/_ip" 2>/dev/null || ! command -v zsh >/dev/null
}

PKG_LINES='
c "ip link "
c "ip link set "
c "ip link set v0 "
c "ip link set v0 arp "
c "ip link show "
c "ip link delete "
c "ip a "
c "ip addr show "
c "ip addr add 10.0.0.1/24 dev "
c "ip r "
c "ip route add 10.3.0.0/16 via "
c "ip route del "
c "ip route list proto "
c "ip netns "
c "ip -"
c "ip -f "'

@test "completion: bash-completion's own ip completion works with our ip" {
	[ -r /usr/share/bash-completion/completions/ip ] || skip "bash-completion is not installed"
	PKG_COMPLETION=1 comp_run "$PKG_LINES"
	[ "$status" -eq 0 ]
	expect 'ip link  => help | add | delete | set | show
ip link set  => lo | v1@v0 | v0@v1 | br0 | vr0@if2
ip link set v0  => arp | dynamic | multicast | allmulticast | promisc | trailers | txqueuelen | name | address | broadcast | mtu | netns | alias | up | down
ip link set v0 arp  => on | off
ip link show  => lo | v1@v0 | v0@v1 | br0 | vr0@if2 | dev | group | up
ip link delete  => lo | v1@v0 | v0@v1 | br0 | vr0@if2
ip a  => help | add | change | replace | del | show | flush
ip addr show  => lo | v1@v0 | v0@v1 | br0 | vr0@if2 | dev | scope | to | label | dynamic | permanent | tentative | deprecated | dadfailed | temporary | primary | secondary | up
ip addr add 10.0.0.1/24 dev  => lo | v1@v0 | v0@v1 | br0 | vr0@if2
ip r  => help | list | flush | get | add | del | change | append | replace | monitor
ip route add 10.3.0.0/16 via  => 10.1.0.2 | 10.2.0.2 | 10.1.0.2
ip route del  => table | default | 10.1.0.0/24 | 10.2.0.0/24 | 10.5.0.0/16 | nexthop | nexthop | unreachable | 10.9.0.0/16
ip route list proto  => unspec | redirect | kernel | boot | static | gated | ra | mrt | zebra | bird | dnrouted | xorp | ntk | dhcp | keepalived | babel | openr | bgp | isis | ospf | rip | eigrp
ip netns  => help | add | delete | exec | identify | list | list-id | monitor | pids | set
ip - => -Version | -statistics | -details | -resolve | -family | -oneline | -timestamp | -batch | -rcvbuf | -force
ip -f  => inet | inet6 | ipx | dnet | link'
}

@test "completion: bash-completion's own ip completion: ours = the reference" {
	[ -r /usr/share/bash-completion/completions/ip ] || skip "bash-completion is not installed"
	need_ref
	PKG_COMPLETION=1 WHICH=ref comp_run "$PKG_LINES"
	local ref=$output
	PKG_COMPLETION=1 comp_run "$PKG_LINES"
	[ "$status" -eq 0 ]
	expect "$ref"
}

@test "completion: bash-completion's own ip completion reads our ip help" {
	[ -r /usr/share/bash-completion/completions/ip ] || skip "bash-completion is not installed"
	# It takes the objects from the "OBJECT := {" line up to the first
	# LATER line with a "}": a list that ends on its own line runs on into
	# the OPTIONS block.
	if "$IP" help 2>&1 | grep -q 'OBJECT := {.*}'; then
		skip "ip help closes OBJECT := { ... } on its first line (ip/ip.c): bash-completion then offers the OPTIONS too"
	fi
	PKG_COMPLETION=1 comp_run '
c "ip "
c "ip li"
c "ip ad"'
	[ "$status" -eq 0 ]
	expect 'ip  => help | address | help | link | maddress | monitor | neighbor | neighbour | netns | nexthop | route | rule | tap | tunnel | tuntap
ip li => link
ip ad => address'
}

@test "completion: bash-completion's own ip completion lists our netns" {
	[ -r /usr/share/bash-completion/completions/ip ] || skip "bash-completion is not installed"
	sandbox ours ip netns list >/dev/null 2>&1 || skip "our ip netns list does not work yet"
	# It splits "ip netns list" at blanks: the names with the ids.
	PKG_COMPLETION=1 comp_run '
c "ip netns exec "
c "ip netns delete r"'
	[ "$status" -eq 0 ]
	expect 'ip netns exec  => my | ns | red | (id: | 0)
ip netns delete r => red'
	if [ -x "$REF_IP" ]; then
		local ours=$output
		PKG_COMPLETION=1 WHICH=ref comp_run '
c "ip netns exec "
c "ip netns delete r"'
		expect "$ours"
	fi
}

# zsh: type each line into an interactive zsh (zsh/zpty) with compinit and
# our _ip on $fpath, press TAB, and record what compadd was given and
# matched (the real completion system runs; compadd is only observed).
write_zcap() {
	cat >"$BATS_TEST_TMPDIR/zcap.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
dir=$1; shift
zpty z zsh -f -i || exit 2
zpty -w z "PS1='' PROMPT='' RPROMPT='' ; unsetopt beep promptsp promptcr"
zpty -w z "fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'zstyle ":completion:*" insert-tab false'
zpty -w z 'compadd() { if [[ ${(j: :)@} == *-[OAD]\ * ]]; then builtin compadd "$@"; return; fi; local -a __h; builtin compadd -O __h "$@"; local x; for x in $__h; print -r -- "<<HIT>>$x"; builtin compadd "$@"; }'
zpty -w z '_zcap_end() { print -r -- "<<END>>"; compstate[insert]=; compstate[list]=; }'
zpty -w z 'bindkey "^I" complete-word'
# ZCAP_TIME: time _ip itself and count the matches, compadd unobserved.
if (( ${+ZCAP_TIME} )); then
	zpty -w z 'unfunction compadd; zmodload zsh/datetime; _ipt() { local t0=$EPOCHREALTIME; _ip "$@"; printf "<<HIT>>%.0f ms\\n" $(( (EPOCHREALTIME - t0) * 1000 )); }; compdef _ipt ip'
	zpty -w z '_zcap_end() { print -r -- "<<HIT>>$compstate[nmatches] matches"; print -r -- "<<END>>"; compstate[insert]=; compstate[list]=; }'
fi
zpty -w z 'print -r -- "<<READY>>"'
zpty -r z l $'*\n<<READY>>*' || exit 3
for line in "$@"; do
	hits=()
	# comppostfuncs is emptied after each completion: set it every time.
	zpty -w z 'comppostfuncs=(_zcap_end)'
	zpty -w -n z "$line"$'\t'
	zpty -r z l '*<<END>>*' || exit 3
	l=${l//$'\r'/$'\n'}
	for p in "${(@f)l}"; do
		[[ $p == *'<<HIT>>'* ]] && hits+=("${p#*<<HIT>>}")
	done
	# zsh sorts for display (and _describe groups): compare sorted.
	(( ${+ZCAP_TIME} )) || hits=("${(@o)hits}")
	print -r -- "$line =>${hits:+ }${(j: | :)hits}"
	zpty -w -n z $'\C-u'
done
zpty -d z
EOF
}

# zsh_run LINE...: complete each LINE with zsh in a sandbox after SCENE.
zsh_run() {
	need_root
	command -v zsh >/dev/null || skip "zsh is not installed"
	write_zcap
	local setup_ip="$IP" l
	[ -x "$REF_IP" ] && setup_ip="$REF_IP"
	{
		echo "{ SETUP_IP='$setup_ip'"
		echo "$SCENE$SCENE_MORE"
		echo '} >/dev/null 2>&1 || true'
		printf "exec timeout 600 zsh -f '%s' '%s'" "$BATS_TEST_TMPDIR/zcap.zsh" "$COMP_DIR"
		for l in "$@"; do printf " '%s'" "$l"; done
		echo
	} >"$BATS_TEST_TMPDIR/run.sh"
	run sandbox "${WHICH:-ours}" sh "$BATS_TEST_TMPDIR/run.sh"
}

@test "completion: zsh _ip offers the same grammar and live values" {
	zsh_run 'ip ' 'ip l' 'ip -c=' 'ip -f ' 'ip l s ' 'ip l s v0 m' 'ip l s v0 netns ' \
		'ip link add v0 type veth peer ' 'ip link add br0 type bridge stp' \
		'ip a a 10.0.0.1/24 dev v0 scope ' 'ip a d ' 'ip a d 2001:db8::' 'ip addr del dev v1 ' \
		'ip r a 10.3.0.0/16 table ' 'ip r a 10.3.0.0/16 src ' 'ip r del ' 'ip -6 r del ' \
		'ip netns exec ' 'ip netns exec my\ ' 'ip -n red l s ' 'ip -n my\ ns l s ' \
		'ip netns exec red ip l s ' 'ip netns exec red unse' 'ip -batch /dev/nul' \
		'ip r del 10.5.0.0/16 dev ' 'ip l s v0 master ' 'ip -all netns exec unse' \
		'ip link add vx0 type vxlan df ' 'ip r a 10.3.0.0/16 table 1'
	[ "$status" -eq 0 ]
	expect 'ip  => address | help | link | maddress | monitor | neighbor | netns | nexthop | route | rule | tunnel | tuntap
ip l => link
ip -c= => -c=always | -c=auto | -c=never
ip -f  => bridge | inet | inet6 | link | mpls
ip l s  => br0 | dev | group | lo | v0 | v1 | vr0
ip l s v0 m => master | mtu | multicast
ip l s v0 netns  => my ns | red
ip link add v0 type veth peer  => address | alias | allmulticast | arp | broadcast | down | dynamic | group | index | master | mtu | multicast | name | netns | nomaster | numrxqueues | numtxqueues | promisc | trailers | txqueuelen | up
ip link add br0 type bridge stp => stp_state
ip a a 10.0.0.1/24 dev v0 scope  => global | host | link | nowhere | site
ip a d  => 10.1.0.1/24 | 10.2.0.1/24 | 2001:db8::1/64 | anycast | broadcast | dev | label | local | mngtmpaddr | peer | remote | scope
ip a d 2001:db8:: => 2001:db8::1/64
ip addr del dev v1  => 10.2.0.1/24 | anycast | broadcast | label | local | mngtmpaddr | peer | remote | scope
ip r a 10.3.0.0/16 table  => 100 | blue | default | local | main | unspec
ip r a 10.3.0.0/16 src  => 10.1.0.1 | 10.2.0.1
ip r del  => 10.1.0.0/24 | 10.2.0.0/24 | 10.5.0.0/16 | 10.7.0.0/16 | 10.9.0.0/16 | advmss | congctl | cwnd | dev | dsfield | expires | fastopen_no_cookie | features | hoplimit | initcwnd | initrwnd | metric | mtu | nexthop | nhid | oif | onlink | pervasive | pref | preference | priority | proto | protocol | quickack | realm | realms | reordering | rto_min | rtt | rttvar | scope | src | ssthresh | table | to | tos | ttl-propagate | via | weight | window
ip -6 r del  => 2001:db8:5::/48 | 2001:db8::/64 | advmss | congctl | cwnd | dev | dsfield | expires | fastopen_no_cookie | features | hoplimit | initcwnd | initrwnd | metric | mtu | nexthop | nhid | oif | onlink | pervasive | pref | preference | priority | proto | protocol | quickack | realm | realms | reordering | rto_min | rtt | rttvar | scope | src | ssthresh | table | to | tos | ttl-propagate | via | weight | window
ip netns exec  => my ns | red
ip netns exec my\  => my ns
ip -n red l s  => dev | group | inred0 | inred1 | lo | vr1
ip -n my\ ns l s  => dev | group | lo
ip netns exec red ip l s  => dev | group | inred0 | inred1 | lo | vr1
ip netns exec red unse => unset | unsetopt
ip -batch /dev/nul => null
ip r del 10.5.0.0/16 dev  => v0 | v1
ip l s v0 master  => br0
ip -all netns exec unse => unset | unsetopt
ip link add vx0 type vxlan df  => inherit | set | unset
ip r a 10.3.0.0/16 table 1 => 100'
}

# Speed with 1,000 interfaces (500 veth pairs) and 1,000 routes: each
# completion is one run of ip plus parameter expansions.  The bound is loose
# (machines under load); the timings measured are printed.
@test "completion: fast with 1,000 interfaces (bash and zsh)" {
	need_root
	local setup_ip="$IP"
	[ -x "$REF_IP" ] && setup_ip="$REF_IP"
	write_driver
	write_zcap
	cat >"$BATS_TEST_TMPDIR/perf.bash" <<EOF
i=0
while [ \$i -lt 500 ]; do echo "link add ve\$i type veth peer name vf\$i"; i=\$((i + 1)); done >links.batch
$setup_ip -batch links.batch || exit 1
$setup_ip link set ve7 up && $setup_ip link set vf7 up
$setup_ip link add br0 type bridge
$setup_ip addr add 10.0.0.1/16 dev ve7
i=0
while [ \$i -lt 1000 ]; do echo "route add 10.\$((i / 250 + 1)).\$((i % 250)).0/24 via 10.0.0.2"; i=\$((i + 1)); done >routes.batch
$setup_ip -batch routes.batch || exit 1
. '$COMP_DIR/ip.bash'
. '$BATS_TEST_TMPDIR/drv.bash'
# The best of three runs: the load of other processes only adds to it.
t() {
	local n s d best=
	COMP_LINE=\$1 COMP_POINT=\${#1}
	for n in 1 2 3; do
		split_like_bash "\$1"
		s=\$EPOCHREALTIME
		_ip_complete ip
		d=\$(( (\${EPOCHREALTIME/./} - \${s/./}) / 1000 ))
		{ [ -z "\$best" ] || [ "\$d" -lt "\$best" ]; } && best=\$d
	done
	echo "bash \$best ms \$1 => \${#COMPREPLY[@]} matches"
}
for l in "ip l s " "ip link set ve1" "ip l s ve1 master " "ip -n x l s " "ip a a 10.9.0.1/24 dev " "ip r del " "ip r a 10.0.0.0/8 table " "ip a d "; do t "\$l"; done
# 1,000 rules, neighbours and nexthops, asked of our ip once it has the
# object, of the reference until then (the completion runs the ip named
# on the line).
i=0
while [ \$i -lt 1000 ]; do
	echo "rule add pref \$((i + 1000)) fwmark \$i table 100"
	echo "neigh add 10.\$((i / 250 + 1)).\$((i % 250)).9 lladdr 02:00:00:00:00:01 dev ve7 nud permanent"
	echo "nexthop add id \$((i + 1)) dev ve7"
	i=\$((i + 1))
done >more.batch
$setup_ip -batch more.batch || exit 1
for o in rule neigh nexthop; do
	if ip \$o show >/dev/null 2>&1; then eval "ip_\$o=ip"; else eval "ip_\$o='$REF_IP'"; fi
done
t "\$ip_rule rule del pref "
t "\$ip_neigh neigh del "
t "\$ip_neigh neigh del 10.1.0.9 dev "
t "\$ip_nexthop nexthop del id "
for n in 1 2 3; do
	ZCAP_TIME=1 zsh -f '$BATS_TEST_TMPDIR/zcap.zsh' '$COMP_DIR' "ip l s " "ip link set ve1" "ip r del " "ip a d "
done | sed 's/^\(.*\) => \([0-9]*\) ms | \([0-9]*\) matches$/zsh \2 ms \1 => \3 matches/' |
	awk '{ k = \$0; sub(/^zsh [0-9]* ms /, "", k) } !(k in best) { order[++n] = k; best[k] = \$2 }
		\$2 < best[k] { best[k] = \$2 } END { for (i = 1; i <= n; i++) print "zsh " best[order[i]] " ms " order[i] }'
EOF
	cd "$BATS_TEST_TMPDIR"
	run sandbox bash perf.bash
	echo "$output" | sed 's/^/# /' >&3
	[ "$status" -eq 0 ]
	# Under valgrind or a sanitizer build the times say nothing.
	[ -z "$IP_WRAPPER" ] && [ "$IP" = "$REPO_DIR/ip/ip" ] || return 0
	[ "$(echo "$output" | grep -c '^bash [0-9]* ms')" -eq 12 ]
	[ "$(echo "$output" | grep -c '^zsh [0-9]* ms')" -eq 4 ]
	# They did offer the 1,000 names and routes.
	echo "$output" | grep -q '^bash [0-9]* ms ip l s  => 1004 matches'
	echo "$output" | grep -q '^bash [0-9]* ms ip l s ve1 master  => 1 matches'
	echo "$output" | grep -q '^zsh [0-9]* ms ip l s  => 1004 matches'
	echo "$output" | grep -q '^bash [0-9]* ms ip r del  => 10[0-9][0-9] matches'
	echo "$output" | grep -q '^bash [0-9]* ms .*ip rule del pref  => 1003 matches'
	echo "$output" | grep -q '^bash [0-9]* ms .*ip neigh del  => 10[0-9][0-9] matches'
	echo "$output" | grep -q '^bash [0-9]* ms .*ip neigh del 10.1.0.9 dev  => 1 matches'
	echo "$output" | grep -q '^bash [0-9]* ms .*ip nexthop del id  => 1000 matches'
	! echo "$output" | awk '$2 > 400' | grep .
}

# rl_run 'ARGS': type each line of ARGS (shell words, as they go on a
# command line) into an interactive bash in a pty (driven by zsh's zpty),
# our completion sourced, press TAB, and read back the line readline made
# with a bind -x key; after SCENE (and SCENE_MORE), with ip = ours or
# WHICH.
rl_run() {
	need_root
	command -v zsh >/dev/null || skip "zsh (used to drive the pty) is not installed"
	cat >"$BATS_TEST_TMPDIR/rl.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
comp=$1; shift
zpty b bash --norc --noprofile -i || exit 2
# The user's odd options must not matter.
zpty -w b "PS1=''; bind 'set bell-style none'; set -u; shopt -s failglob; . '$comp'"
zpty -w b "bind -x '\"\\C-x\": printf \"<<LINE>>%s<<END>>\\\\n\" \"\$READLINE_LINE\"'"
zpty -w b 'echo "<<"READY">>"'
zpty -r b l '*<<READY>>*' || exit 3
for line in "$@"; do
	zpty -w -n b "$line"$'\t\C-x'
	zpty -r b l '*<<END>>*' || exit 3
	l=${l##*<<LINE>>}
	print -r -- "$line => ${l%<<END>>*}|"
	zpty -w -n b $'\C-e\C-u'
done
zpty -d b
EOF
	local setup_ip="$IP"
	[ -x "$REF_IP" ] && setup_ip="$REF_IP"
	{
		echo "{ SETUP_IP='$setup_ip'"
		echo "$SCENE$SCENE_MORE"
		echo '} >/dev/null 2>&1 || true'
		echo "exec timeout 600 zsh -f '$BATS_TEST_TMPDIR/rl.zsh' '$COMP_DIR/ip.bash' $1"
	} >"$BATS_TEST_TMPDIR/run.sh"
	run sandbox "${WHICH:-ours}" sh "$BATS_TEST_TMPDIR/run.sh"
}

# The real thing for bash: this checks the quoting of names with spaces and
# the text readline replaces after ':' and '='.
@test "completion: bash readline inserts what it should (pty)" {
	rl_run "'ip netns exec my' 'ip netns exec \"my' 'ip netns del r' 'ip a d 2001:db8::' \
'ip a d 10.2' 'ip -c=al' 'ip a a 1.2.3.4/24 dev v0 label ' 'ip l s v' 'ip l s vr' \
'ip li' 'ip r a 10.3.0.0/16 ta' 'ip netns exec red ip l s inr' 'ip -n my\\ ns l s l'"
	[ "$status" -eq 0 ]
	expect 'ip netns exec my => ip netns exec my\ ns |
ip netns exec "my => ip netns exec "my ns" |
ip netns del r => ip netns del red |
ip a d 2001:db8:: => ip a d 2001:db8::1/64 |
ip a d 10.2 => ip a d 10.2.0.1/24 |
ip -c=al => ip -c=always |
ip a a 1.2.3.4/24 dev v0 label  => ip a a 1.2.3.4/24 dev v0 label v0:|
ip l s v => ip l s v|
ip l s vr => ip l s vr0 |
ip li => ip link |
ip r a 10.3.0.0/16 ta => ip r a 10.3.0.0/16 table |
ip netns exec red ip l s inr => ip netns exec red ip l s inred|
ip -n my\ ns l s l => ip -n my\ ns l s lo |'
}

@test "completion: zsh lists keywords with what they mean" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	cat >"$BATS_TEST_TMPDIR/zlist.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
zpty z zsh -f -i || exit 2
zpty -w z "PS1='' PROMPT='' RPROMPT='' ; unsetopt beep promptsp promptcr; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D; bindkey '^I' complete-word; zstyle ':completion:*' format '== %d =='"
zpty -w z 'print -r -- "<<"READY">>"'
zpty -r z l '*<<READY>>*' || exit 3
# A listing (TAB inserts nothing: three matches), up to its last meaning.
zpty -w -n z $'ip l s lo m\t'
zpty -r z l '*multicast flag*' || exit 3
print -r -- "${l//$'\r'/}"
zpty -w -n z $'\C-u'
zpty -w -n z $'ip rule add suppress_\t'
zpty -r z l '*or shorter*' || exit 3
print -r -- "${l//$'\r'/}"
zpty -d z
EOF
	run timeout 30 zsh -f "$BATS_TEST_TMPDIR/zlist.zsh" "$COMP_DIR"
	echo "$output"
	[ "$status" -eq 0 ]
	echo "$output" | grep -q '== keyword =='
	echo "$output" | grep -q 'master  *-- enslave to a bridge, bond or vrf'
	echo "$output" | grep -q 'mtu  *-- maximum transmission unit'
	echo "$output" | grep -q 'suppress_prefixlength  *-- ignore routes with prefixes this long or shorter'
	echo "$output" | grep -q 'suppress_ifgroup  *-- ignore routes through devices of this group'
}

@test "completion: process ids for ip netns identify and attach" {
	comp_run '
c "ip netns identify " | grep -qw 1 && echo "identify: pid 1"
c "ip netns attach blue " | grep -qw "$$" && echo "attach: this shell"
c "ip netns attach " | grep -qw 1 || echo "attach NAME: no pids"'
	[ "$status" -eq 0 ]
	expect 'identify: pid 1
attach: this shell
attach NAME: no pids'
}
# new_run OBJECT LINES: complete LINES after SCENE and SCENE2 with the
# reference as the `ip` the completion runs (it has these objects; our ip
# prints the same text) and, when our ip has OBJECT too, with ours: the
# same replies.
new_run() {
	need_ref
	SCENE_MORE=$SCENE2 WHICH=ref comp_run "$2"
	[ "$status" -eq 0 ] || return 1
	local ref=$output
	[ "$1" = neigh ] && ref=$(echo "$ref" | sort_values)
	if sandbox ours ip "$1" show >/dev/null 2>&1; then
		SCENE_MORE=$SCENE2 comp_run "$2"
		[ "$status" -eq 0 ] || return 1
		[ "$1" = neigh ] && output=$(echo "$output" | sort_values)
		expect "$ref" || return 1
	fi
	output=$ref
}

# The kernel lists neighbours in the order of its hash table, which
# differs from run to run: sort the replies that start with a digit (the
# addresses), each line's keywords stay in their order after them.
sort_values() {
	local l head rest it
	local -a items vals kws
	while IFS= read -r l; do
		case $l in *' => '?*) ;; *) echo "$l"; continue ;; esac
		head=${l%% => *} rest=${l#* => }
		IFS='|' read -ra items <<<"${rest// | /|}"
		vals=() kws=()
		for it in "${items[@]}"; do
			case $it in [0-9]*) vals+=("$it") ;; *) kws+=("$it") ;; esac
		done
		[ "${#vals[@]}" -gt 0 ] && mapfile -t vals < <(printf '%s\n' "${vals[@]}" | sort)
		items=("${vals[@]}" "${kws[@]}")
		printf '%s => %s\n' "$head" "$(IFS='|'; echo "${items[*]}" | sed 's/|/ | /g')"
	done
}

@test "completion: ip rule, with the preferences in use" {
	new_run rule '
c "ip rule "
c "ip rule s"
c "ip rule s "
c "ip rule sa "
c "ip rule r "
c "ip ru a "
c "ip rule add p"
c "ip rule add t"
c "ip rule add ta "
c "ip rule add lookup "
c "ip rule add protocol "
c "ip rule add suppress_ifgroup "
c "ip rule add ipproto "
c "ip rule add type "
c "ip rule add oif "
c "ip rule add goto "
c "ip rule add pref "
c "ip rule add not from 10.1.0.0/24 to 10.2.0.0/24 "
c "ip rule d pref "
c "ip rule del "
c "ip -6 rule del pref "
c "ip rule del prio "
c "ip rule list fw"
c "ip rule flush l "'
	expect 'ip rule  => add | delete | flush | help | list | restore | save | show
ip rule s => save | show
ip rule s  => preference | order | priority | not | from | to | tos | dsfield | fwmark | iif | dev | oif | l3mdev | uidrange | ipproto | sport | dport | tun_id | table | lookup | protocol
ip rule sa  =>
ip rule r  =>
ip ru a  => preference | order | priority | not | from | to | tos | dsfield | fwmark | iif | dev | oif | l3mdev | uidrange | ipproto | sport | dport | tun_id | table | lookup | protocol | nat | realms | goto | suppress_prefixlength | suppress_ifgroup | type | unreachable | unicast | blackhole | prohibit
ip rule add p => preference | priority | protocol | prohibit
ip rule add t => to | tos | tun_id | table | type
ip rule add ta  => local | main | default | unspec | blue | 100
ip rule add lookup  => local | main | default | unspec | blue | 100
ip rule add protocol  => redirect | kernel | boot | static | unspec | gated | ra | mrt | zebra | bird | dnrouted | xorp | ntk | dhcp | keepalived | babel | openr | bgp | isis | ospf | rip | eigrp | myproto
ip rule add suppress_ifgroup  => default
ip rule add ipproto  => tcp | udp | sctp | dccp | udplite | icmp | ipv6-icmp | gre | esp | ah
ip rule add type  => unicast | blackhole | unreachable | prohibit
ip rule add oif  => lo | v1 | v0 | br0 | vr0 | tun0 | tap0
ip rule add goto  => 0 | 100 | 200 | 32766 | 32767
ip rule add pref  =>
ip rule add not from 10.1.0.0/24 to 10.2.0.0/24  => preference | order | priority | tos | dsfield | fwmark | iif | dev | oif | l3mdev | uidrange | ipproto | sport | dport | tun_id | table | lookup | protocol | nat | realms | goto | suppress_prefixlength | suppress_ifgroup | type | unreachable | unicast | blackhole | prohibit
ip rule d pref  => 0 | 100 | 200 | 32766 | 32767
ip rule del  => preference | order | priority | not | from | to | tos | dsfield | fwmark | iif | dev | oif | l3mdev | uidrange | ipproto | sport | dport | tun_id | table | lookup | protocol | nat | realms | goto | suppress_prefixlength | suppress_ifgroup | type | unreachable | unicast | blackhole | prohibit
ip -6 rule del pref  => 0 | 300 | 32766
ip rule del prio  => 0 | 100 | 200 | 32766 | 32767
ip rule list fw => fwmark
ip rule flush l  => local | main | default | unspec | blue | 100'
}

@test "completion: ip neigh, with the neighbours there are for del and get" {
	new_run neigh '
c "ip n"
c "ip neigh "
c "ip neighbour r"
c "ip neigh r 10.1.0.5 "
c "ip neigh c 10.1.0.5 dev v0 "
c "ip neigh add 10.1.0.5 nud "
c "ip neigh add 10.1.0.5 p"
c "ip neigh add 10.1.0.5 dev "
c "ip neigh add proxy 10.1.0.5 "
c "ip neigh del "
c "ip -6 neigh del "
c "ip neigh del dev v1 "
c "ip neigh del 10.1.0.7 dev "
c "ip neigh del proxy 198.51"
c "ip neigh del proxy 198.51.100.77 dev "
c "ip neigh show "
c "ip neigh show nud "
c "ip neigh show nud all "
c "ip neigh flush dev v0 "
c "ip neigh get "
c "ip neigh get 10.2.0.8 dev "'
	expect 'ip n => neighbor | netns | nexthop
ip neigh  => add | change | delete | flush | get | help | list | replace | show
ip neighbour r => replace
ip neigh r 10.1.0.5  => lladdr | nud | dev | router | use | managed | extern_learn | protocol
ip neigh c 10.1.0.5 dev v0  => lladdr | nud | router | use | managed | extern_learn | protocol
ip neigh add 10.1.0.5 nud  => permanent | noarp | reachable | stale | none | incomplete | delay | probe | failed
ip neigh add 10.1.0.5 p => protocol
ip neigh add 10.1.0.5 dev  => lo | v1 | v0 | br0 | vr0 | tun0 | tap0
ip neigh add proxy 10.1.0.5  => lladdr | nud | dev | router | use | managed | extern_learn | protocol
ip neigh del  => 10.1.0.7 | 10.2.0.8 | 2001:db8::7 | lladdr | nud | proxy | dev | router | use | managed | extern_learn | protocol
ip -6 neigh del  => 2001:db8::7 | lladdr | nud | proxy | dev | router | use | managed | extern_learn | protocol
ip neigh del dev v1  => 10.2.0.8 | lladdr | nud | proxy | router | use | managed | extern_learn | protocol
ip neigh del 10.1.0.7 dev  => v0
ip neigh del proxy 198.51 => 198.51.100.77
ip neigh del proxy 198.51.100.77 dev  => v0
ip neigh show  => to | dev | nud | vrf | nomaster | unused | proxy
ip neigh show nud  => all | permanent | noarp | reachable | stale | none | incomplete | delay | probe | failed
ip neigh show nud all  => to | dev | nud | vrf | nomaster | unused | proxy
ip neigh flush dev v0  => to | nud | vrf | nomaster | unused | proxy
ip neigh get  => 10.1.0.7 | 10.2.0.8 | 2001:db8::7 | proxy | dev
ip neigh get 10.2.0.8 dev  => v1'
}

@test "completion: ip nexthop, with the ids in use" {
	new_run nexthop '
c "ip nex"
c "ip nexthop "
c "ip nexthop r id "
c "ip nexthop replace id 11 "
c "ip nexthop g "
c "ip nexthop add "
c "ip nexthop add id 5 dev "
c "ip nexthop add id 5 group "
c "ip nexthop add id 5 group 11,2/"
c "ip nexthop add id 5 group 11/12 type "
c "ip nexthop add id 5 dev v0 p"
c "ip nexthop add id 5 encap "
c "ip nexthop add id 5 encap mpls 100 "
c "ip nexthop del id "
c "ip -n red nexthop del id "
c "ip nexthop get id 1"
c "ip nexthop show "
c "ip nexthop flush dev "
c "ip nexthop flush "
c "ip nexthop bucket "
c "ip nexthop bucket l "
c "ip nexthop bucket list nhid "
c "ip nexthop bucket get "
c "ip nexthop bucket get id 21 index "
c "ip nexthop bucket get index "
c "ip r a 10.3.0.0/16 nhid "'
	expect 'ip nex => nexthop
ip nexthop  => add | bucket | delete | flush | get | help | list | replace | show
ip nexthop r id  => 11 | 12 | 20 | 21
ip nexthop replace id 11  => blackhole | via | dev | onlink | encap | group | fdb | type | buckets | idle_timer | unbalanced_timer | protocol
ip nexthop g  => id
ip nexthop add  => id | blackhole | via | dev | onlink | encap | group | fdb | type | buckets | idle_timer | unbalanced_timer | protocol
ip nexthop add id 5 dev  => lo | v1 | v0 | br0 | vr0 | tun0 | tap0
ip nexthop add id 5 group  => 11 | 12 | 20 | 21
ip nexthop add id 5 group 11,2/ => 11,2/11 | 11,2/12 | 11,2/20 | 11,2/21
ip nexthop add id 5 group 11/12 type  => mpath | resilient
ip nexthop add id 5 dev v0 p => protocol
ip nexthop add id 5 encap  => mpls
ip nexthop add id 5 encap mpls 100  => blackhole | via | dev | onlink | group | fdb | type | buckets | idle_timer | unbalanced_timer | protocol
ip nexthop del id  => 11 | 12 | 20 | 21
ip -n red nexthop del id  => 77
ip nexthop get id 1 => 11 | 12
ip nexthop show  => id | dev | vrf | master | groups | fdb | protocol
ip nexthop flush dev  => lo | v1 | v0 | br0 | vr0 | tun0 | tap0
ip nexthop flush  => id | dev | vrf | master | groups | fdb | protocol
ip nexthop bucket  => get | list | show
ip nexthop bucket l  => id | nhid | dev | vrf | master
ip nexthop bucket list nhid  => 11 | 12 | 20 | 21
ip nexthop bucket get  => id | index
ip nexthop bucket get id 21 index  => 0 | 1 | 2
ip nexthop bucket get index  =>
ip r a 10.3.0.0/16 nhid  => 11 | 12 | 20 | 21'
}

@test "completion: ip tuntap, with users, groups and the tun/tap devices" {
	new_run tuntap '
c "ip tu"
c "ip tuntap "
c "ip tap "
c "ip tuntap a "
c "ip tuntap add mode "
c "ip tuntap add mode tun user "
c "ip tuntap add mode tun group "
c "ip tuntap add t9 m"
c "ip tuntap add t9 "
c "ip tuntap del "
c "ip tuntap del tun0 "
c "ip tuntap del name "
c "ip tuntap del dev tap0 m"
c "ip tuntap del tap0 mode "
c "ip tuntap del name tun0 mode "
c "ip tuntap del mode "
c "ip tuntap show "'
	expect 'ip tu => tunnel | tuntap
ip tuntap  => add | delete | help | list | show
ip tap  => add | delete | help | list | show
ip tuntap a  => dev | mode | user | group | one_queue | pi | vnet_hdr | multi_queue | name
ip tuntap add mode  => tun | tap
ip tuntap add mode tun user  => root | alice
ip tuntap add mode tun group  => root | wheel
ip tuntap add t9 m => mode | multi_queue
ip tuntap add t9  => mode | user | group | one_queue | pi | vnet_hdr | multi_queue
ip tuntap del  => tun0 | tap0 | dev | mode | user | group | one_queue | pi | vnet_hdr | multi_queue | name
ip tuntap del tun0  => mode | user | group | one_queue | pi | vnet_hdr | multi_queue
ip tuntap del name  => tun0 | tap0
ip tuntap del dev tap0 m => mode | multi_queue
ip tuntap del tap0 mode  => tap
ip tuntap del name tun0 mode  => tun
ip tuntap del mode  => tun | tap
ip tuntap show  =>'
}

@test "completion: ip maddr, with the multicast addresses it added" {
	new_run maddr '
c "ip m"
c "ip m "
c "ip maddr add 01:00:5e:01:01:05 "
c "ip maddr add 01:00:5e:01:01:05 dev "
c "ip maddr del "
c "ip maddr del 01:00:5e:01:01:0"
c "ip maddr del dev v1 "
c "ip maddr del 01:00:5e:01:01:02 dev "
c "ip maddr show "
c "ip maddr s v0 "'
	expect 'ip m => maddress | monitor
ip m  => add | delete | help | list | show
ip maddr add 01:00:5e:01:01:05  => dev
ip maddr add 01:00:5e:01:01:05 dev  => lo | v1 | v0 | br0 | vr0 | tun0 | tap0
ip maddr del  => 01:00:5e:01:01:02 | 01:00:5e:01:01:01 | dev
ip maddr del 01:00:5e:01:01:0 => 02 | 01
ip maddr del dev v1  => 01:00:5e:01:01:02
ip maddr del 01:00:5e:01:01:02 dev  => v1
ip maddr show  => lo | v1 | v0 | br0 | vr0 | tun0 | tap0 | dev
ip maddr s v0  =>'
}

@test "completion: zsh _ip completes rule, neigh, nexthop, tuntap, maddr and monitor" {
	need_ref
	SCENE_MORE=$SCENE2 WHICH=ref zsh_run 'ip ' 'ip rule del pref ' 'ip rule add t' 'ip neigh del ' \
		'ip neigh show nud ' 'ip nexthop add id 5 group 11/' 'ip nexthop bucket ' \
		'ip tuntap add mode tun user ' 'ip tuntap del ' 'ip maddr del ' 'ip -6 neigh del dev v0 ' \
		'ip rule add pref ' 'ip rule add goto ' 'ip tuntap del tap0 mode ' 'ip neighbour del 10.1.0.7 dev ' \
		'ip monitor n'
	[ "$status" -eq 0 ]
	expect 'ip  => address | help | link | maddress | monitor | neighbor | netns | nexthop | route | rule | tunnel | tuntap
ip rule del pref  => 0 | 100 | 200 | 32766 | 32767
ip rule add t => table | to | tos | tun_id | type
ip neigh del  => 10.1.0.7 | 10.2.0.8 | 2001:db8::7 | dev | extern_learn | lladdr | managed | nud | protocol | proxy | router | use
ip neigh show nud  => all | delay | failed | incomplete | noarp | none | permanent | probe | reachable | stale
ip nexthop add id 5 group 11/ => 11/11 | 11/12 | 11/20 | 11/21
ip nexthop bucket  => get | list | show
ip tuntap add mode tun user  => alice | root
ip tuntap del  => dev | group | mode | multi_queue | name | one_queue | pi | tap0 | tun0 | user | vnet_hdr
ip maddr del  => 01:00:5e:01:01:01 | 01:00:5e:01:01:02 | dev
ip -6 neigh del dev v0  => 2001:db8::7 | extern_learn | lladdr | managed | nud | protocol | proxy | router | use
ip rule add pref  =>
ip rule add goto  => 0 | 100 | 200 | 32766 | 32767
ip tuntap del tap0 mode  => tap
ip neighbour del 10.1.0.7 dev  => v0
ip monitor n => neigh | netconf | nexthop | nsid'
}

@test "completion: with bash-completion loaded, the new objects complete the same" {
	[ -r /usr/share/bash-completion/bash_completion ] || skip "bash-completion is not installed"
	need_ref
	BASH_COMPLETION=1 SCENE_MORE=$SCENE2 WHICH=ref comp_run '
c "ip rule del pref "
c "ip neigh del proxy 198.51"
c "ip nexthop add id 5 group 11/"
c "ip tuntap del tap0 mode "
c "ip maddr del 01:00:5e:01:01:0"
c "ip netns exec red ip nexthop del id "'
	[ "$status" -eq 0 ]
	expect 'ip rule del pref  => 0 | 100 | 200 | 32766 | 32767
ip neigh del proxy 198.51 => 198.51.100.77
ip nexthop add id 5 group 11/ => 11/11 | 11/12 | 11/20 | 11/21
ip tuntap del tap0 mode  => tap
ip maddr del 01:00:5e:01:01:0 => 02 | 01
ip netns exec red ip nexthop del id  => 77'
}

@test "completion: ip monitor, the objects to watch and its options" {
	comp_run '
c "ip mo"
c "ip monitor "
c "ip monitor link a"
c "ip monitor link label "
c "ip monitor dev "
c "ip monitor file /dev/nul"
c "ip -t mon n"'
	[ "$status" -eq 0 ]
	expect 'ip mo => monitor
ip monitor  => all | address | link | mroute | neigh | netconf | nexthop | nsid | prefix | route | rule | stats | file | label | all-nsid | dev
ip monitor link a => all | address | all-nsid
ip monitor link label  => all | address | mroute | neigh | netconf | nexthop | nsid | prefix | route | rule | stats | file | all-nsid | dev
ip monitor dev  => lo | v1 | v0 | br0 | vr0
ip monitor file /dev/nul => /dev/null
ip -t mon n => neigh | netconf | nexthop | nsid'
}

@test "completion: bash readline inserts MAC addresses, groups and proxies (pty)" {
	need_ref
	SCENE_MORE=$SCENE2 WHICH=ref rl_run "'ip maddr del dev v1 01' 'ip maddr del 01:00:5e:01:01:0' \
'ip nexthop add id 5 group 11,3/12' 'ip neigh del proxy 198' 'ip -6 neigh del 2001' 'ip ru del pref 1'"
	[ "$status" -eq 0 ]
	expect 'ip maddr del dev v1 01 => ip maddr del dev v1 01:00:5e:01:01:02 |
ip maddr del 01:00:5e:01:01:0 => ip maddr del 01:00:5e:01:01:0|
ip nexthop add id 5 group 11,3/12 => ip nexthop add id 5 group 11,3/12 |
ip neigh del proxy 198 => ip neigh del proxy 198.51.100.77 |
ip -6 neigh del 2001 => ip -6 neigh del 2001:db8::7 |
ip ru del pref 1 => ip ru del pref 100 |'
}

@test "completion: ip tunnel verbs, keywords and values" {
	comp_run '
c "ip tunnel "
c "ip tunnel add t0 "
c "ip tunnel add t0 mode "
c "ip tunnel prl "
c "ip tunnel 6rd dev lo "'
	[ "$status" -eq 0 ]
	expect 'ip tunnel  => 6rd | add | change | delete | help | list | prl | show
ip tunnel add t0  => mode | remote | local | dev | name | key | ikey | okey | ttl | hoplimit | tos | tclass | dsfield | flowlabel | encaplimit | dscp | seq | iseq | oseq | csum | icsum | ocsum | pmtudisc | nopmtudisc | allow-localremote | noallow-localremote
ip tunnel add t0 mode  => gre | ipip | sit | isatap | vti | ip6ip6 | ipip6 | ip6gre | vti6 | any
ip tunnel prl  => dev | prl-default | prl-nodefault | prl-delete
ip tunnel 6rd dev lo  => 6rd-prefix | 6rd-relay_prefix | 6rd-reset'
}
