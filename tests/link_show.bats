#!/usr/bin/env bats
# ip link show: golden texts and differential comparison with the reference.

load helpers

setup() { need_root; }

# Operational states change asynchronously (the kernel's link watch runs at
# most once a second): let them settle before showing links that went up.
SETTLE='sleep 1.2'

@test "link show lo: exact text" {
	run sandbox ip link show lo
	[ "$status" -eq 0 ]
	[ "$output" = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00" ]
}

@test "link show -j -p lo: exact JSON" {
	run sandbox ip -j -p link show lo
	[ "$status" -eq 0 ]
	[ "$output" = '[ {
        "ifindex": 1,
        "ifname": "lo",
        "flags": [ "LOOPBACK" ],
        "mtu": 65536,
        "qdisc": "noop",
        "operstate": "DOWN",
        "linkmode": "DEFAULT",
        "group": "default",
        "txqlen": 1000,
        "link_type": "loopback",
        "address": "00:00:00:00:00:00",
        "broadcast": "00:00:00:00:00:00"
    } ]' ]
}

@test "link show missing device: message and exit 1" {
	run sandbox ip link show nope
	[ "$status" -eq 1 ]
	[ "$output" = 'Device "nope" does not exist.' ]
}

@test "link show: every mode matches the reference" {
	diff_ip_each 'ip link add v0 type veth peer name v1; ip link add br0 type bridge
ip link set v0 master br0; ip link set lo up; ip link set v0 up; ip link set br0 up
ip link add i0 type ifb; ip link del i0
sleep 1.2' \
		'ip link' 'ip link show' 'ip l' 'ip li sh' 'ip link list' 'ip link lst' \
		'ip -o link' 'ip -br link' 'ip -j link' 'ip -j -p link' \
		'ip -c=always link' 'ip -br -c=always link' 'ip -c=never link' \
		'ip link show dev v0' 'ip link show v1' 'ip link show up' \
		'ip link show type veth' 'ip link show type bridge' 'ip -j link show type ifb' \
		'ip link show nope' 'ip -j link show nope'
}

# A kind the kernel does not know (not built, its module not loaded: ifb
# on Debian's kernel until an ifb link is made, hence the add and delete
# above) cannot filter the dump in the kernel: every link comes back and ip
# filters.  The reference then prints an empty object per link it filtered
# out ([{},{},{}]); we print what matched: [].  The text listings agree.
@test "link show: -j type KIND the kernel does not know prints [] (the reference {} per link)" {
	need_root
	need_ref
	local script='ip link add v0 type veth peer name v1; ip -j link show type nosuchkind'
	run sh_in_sandbox ours "$script"
	[ "$status" = 0 ] && [ "$output" = '[]' ]
	run sh_in_sandbox ref "$script"
	[ "$status" = 0 ] && [ "$output" = '[{},{},{}]' ]
	diff_ip 'ip link add v0 type veth peer name v1; ip link show type nosuchkind; ip -br link show type nosuchkind'
}

# Fixed MACs on bridges: bridge ids print their MAC without zero padding, so
# a random one could normalize differently between the two runs.
KINDS_SETUP='ip link add v0 type veth peer name v1
ip link add br0 address 02:00:00:00:00:b0 type bridge
ip link set v0 master br0
ip link add mv0 link v1 type macvlan mode bridge
ip link add mt0 link v1 type macvtap mode vepa
ip link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 dev v1 ttl 10
ip link add vx1 type vxlan id 43 dstport 0 remote 2001:db8::1 local 2001:db8::2 noudpcsum nolearning ageing 0
ip link add ifb0 type ifb
/bin/ip tuntap add tap0 mode tap
/bin/ip tuntap add tun0 mode tun multi_queue
ip link set lo up; ip link set v0 up; ip link set br0 up
sleep 1.2'

@test "link show -d: every kind this kernel has, in every output mode" {
	diff_ip_each "$KINDS_SETUP" \
		'ip -d link' 'ip -d -d link' 'ip -d -j link' 'ip -d -j -p link' \
		'ip -d -o link' 'ip -d -br link' 'ip -d -c=always link' \
		'ip -d link show type bridge' 'ip -d link show type bridge_slave' \
		'ip -d link show dev vx1' 'ip -d -j link show tun0'
}

# A tap's owner by name from /etc/passwd and /etc/group (bound over the
# system's in the sandbox), the number when no entry has it (a JSON number
# then); a group line longer than a read buffer is one entry.
@test "link show -d: tun/tap owners by name, or by number" {
	diff_ip_each 'printf "root:x:0:0::/root:/bin/sh\nalice:x:1234:1234::/home/alice:/bin/sh\n" > /run/passwd
{ printf "wheel:x:77:"; for i in $(seq 300); do printf "member%d," $i; done; printf "x\n"; printf "staff:x:4321:\n"; } > /run/group
mount --bind /run/passwd /etc/passwd; mount --bind /run/group /etc/group
/bin/ip tuntap add tap0 mode tap user 1234 group 4321
/bin/ip tuntap add tap1 mode tap user 5555 group 77
/bin/ip tuntap add tun0 mode tun user 0 group 6666' \
		'ip -d link show tap0' 'ip -d -j link show tap0' 'ip -d link show tap1' \
		'ip -d -j -p link show tap1' 'ip -d -o link show tun0' 'ip -d -j link show tun0'
}

@test "link show: flags, master, M-DOWN, NO-CARRIER, qlen 0, alias, mode" {
	diff_ip_each "$KINDS_SETUP
ip link set v1 txqueuelen 0; ip link set mv0 alias 'a \"quoted\" alias'
ip link set ifb0 mode dormant; ip link set ifb0 up
$SETTLE" \
		'ip link' 'ip -j link' 'ip -o link' 'ip -br link' 'ip -br -j link' \
		'ip -br -c=always link' 'ip -c=always link show v0' \
		'ip link show master br0' 'ip link show nomaster' 'ip link show up' \
		'ip link show type macvlan' 'ip link show type veth up' \
		'ip link show group default' 'ip link show vrf br0' \
		'ip -j link show master nope' 'ip link show dev v1' 'ip link sh v1' \
		'ip -j -p link show mv0' 'ip -br link show type _slave' \
		'ip -o link show type _slave' 'ip -br link show type ""'
}

@test "link show: filter and argument errors" {
	diff_ip_each 'true' \
		'ip link show master nope' 'ip link show group foo' \
		'ip link show up down' 'ip link show lo lo' 'ip link show vrf lo' \
		'ip link show type' 'ip link show dev' 'ip link show master' \
		'ip -br link show nope' 'ip -j -p link show nope' 'ip -s link show nope'
}

# Deterministic counters: no IPv6 chatter, then a known number of frames.
TRAFFIC_SETUP='sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up
sleep 1.2
python3 -c "
import socket
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); s.bind((\"v0\", 0))
for i in range(1234): s.send(b\"\\xff\" * 6 + b\"\\x02\" * 6 + b\"\\x88\\xb5\" + b\"x\" * 1486)
for i in range(77): s.send(b\"\\x01\\x00\\x5e\\x00\\x00\\x01\" + b\"\\x02\" * 6 + b\"\\x88\\xb5\" + b\"x\" * 46)
"'

@test "link show -s: statistics blocks, -s -s, human units, JSON stats64" {
	command -v python3 >/dev/null || skip "python3 is needed to send test frames"
	diff_ip_each "$TRAFFIC_SETUP" \
		'ip -s link' 'ip -s -s link' 'ip -s link show v0' 'ip -s -s link show v1' \
		'ip -s -h link show v1' 'ip -s -s -h link show v1' \
		'ip -s -s -h -iec link show v0' 'ip -s -iec link show v0' \
		'ip -s -j link' 'ip -s -s -j -p link show v1' 'ip -s -h -j link show v1' \
		'ip -s -o link show v1' 'ip -s -br link show v1' 'ip -s -d link show v1' \
		'ip -stat -stat link show v1'
}

@test "link show -s -s -h: exact text" {
	command -v python3 >/dev/null || skip "python3 is needed to send test frames"
	run sh_in_sandbox "$TRAFFIC_SETUP
ip -s -s -h link show v1 | tail -n 8"
	[ "$status" -eq 0 ]
	[ "$output" = "    RX:  bytes packets errors dropped  missed   mcast           
         1.86M   1.31k      0   1.31k       0       0 
    RX errors:  length    crc   frame    fifo overrun
                     0      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
             0       0      0       0       0       0 
    TX errors: aborted   fifo  window heartbt transns
                     0      0       0       0       2 " ]
}

@test "link show: peers in other namespaces (link-netns, link-netnsid, @ifN)" {
	diff_ip_each '/bin/ip netns add ns1; ip link add v0 type veth peer name v1
ip link add v2 type veth peer name v3 netns ns1; ip link set v1 netns ns1
/bin/ip link property add dev v0 altname vzero' \
		'ip link' 'ip -d link show v2' 'ip -j link show v2' 'ip -br link' \
		'ip -j -p link show v0' 'ip -o link show v0' 'ip -n ns1 link' \
		'ip -n ns1 -d link show v3' 'ip link show vzero' 'ip -j link show dev vzero'
}

@test "link show: golden text and JSON for a veth pair" {
	run sh_in_sandbox 'ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up; sleep 1.2; ip link show v0; ip -br link; ip -j link show v1'
	[ "$status" -eq 0 ]
	[ "$output" = '3: v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
v1@v0            DOWN           02:00:00:00:00:02 <BROADCAST,MULTICAST> 
v0@v1            LOWERLAYERDOWN 02:00:00:00:00:01 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
[{"ifindex":2,"link":"v0","ifname":"v1","flags":["BROADCAST","MULTICAST"],"mtu":1500,"qdisc":"noop","operstate":"DOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:02","broadcast":"ff:ff:ff:ff:ff:ff"}]' ]
}

@test "link show -d: golden bridge port and vxlan details" {
	run sh_in_sandbox 'ip link add br0 address 02:00:00:00:00:b0 type bridge
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1
ip link set v0 master br0
ip link set v0 type bridge_slave cost 7 learning off group_fwd_mask 0x4008
ip link add vx0 type vxlan id 42 dstport 4789 remote 2001:db8::2 tos inherit flowlabel 5
ip -d link show v0 | sed -n 3,4p; ip -d link show vx0 | sed -n 3p'
	[ "$status" -eq 0 ]
	[ "$output" = '    veth 
    bridge_slave state disabled priority 32 cost 7 hairpin off guard off root_block off fastleave off learning off flood on port_id 0x8001 port_no 0x1 designated_port 32769 designated_cost 0 designated_bridge 8000.2:0:0:0:0:b0 designated_root 8000.2:0:0:0:0:b0 hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00 topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0x4008 group_fwd_mask_str 0x8,lldp vlan_tunnel off isolated off locked off addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 
    vxlan id 42 remote 2001:db8::2 srcport 0 0 dstport 4789 tos inherit ttl auto flowlabel 0x5 ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 ' ]
}

@test "link: alternative names (short and long) name a device everywhere: link, addr, route" {
	diff_ip '
ip link add v1 type veth peer name v2
ip link property add dev v1 altname averyveryverylongaltname0123456789
ip link show averyveryverylongaltname0123456789; echo rc=$?
ip link show dev averyveryverylongaltname0123456789; echo rc=$?
ip addr add 10.0.0.1/24 dev averyveryverylongaltname0123456789; echo rc=$?
ip addr show dev averyveryverylongaltname0123456789; echo rc=$?
ip route add 10.1.0.0/16 dev averyveryverylongaltname0123456789; echo rc=$?
ip route show dev averyveryverylongaltname0123456789; echo rc=$?
ip link set averyveryverylongaltname0123456789 up; echo rc=$?
ip link property add dev v1 altname short1
ip addr show dev short1; ip route get 10.1.0.5 oif short1; echo rc=$?
ip link set dev short1 mtu 1400; ip -br link show short1
ip link del short1; echo rc=$?; ip -br link
'
}

# Valid JSON where iproute2 writes raw control bytes into strings.
@test "link show -j: control characters in names and aliases are escaped" {
	run sandbox sh -c 'ip link add "$(printf "x\001y")" type ifb
ip link set "$(printf "x\001y")" alias "$(printf "a\tb\037c")"
ip -j link show "$(printf "x\001y")" | grep -o "\"ifname\":\"[^\"]*\"\|\"ifalias\":\"[^\"]*\""'
	[ "$status" -eq 0 ]
	[ "$output" = '"ifname":"x\u0001y"
"ifalias":"a\tb\u001fc"' ]
}

# An XDP program (two instructions: return XDP_PASS) loaded and pinned with
# the bpf syscall, attached by the reference; both implementations then
# list it in the same sandbox (program ids and load times are per program).
XDP_PY='
import ctypes, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
insns = struct.pack("<BBhi", 0xb7, 0, 0, 2) + struct.pack("<BBhi", 0x95, 0, 0, 0)
code, lic = ctypes.create_string_buffer(insns), ctypes.create_string_buffer(b"GPL")
a = ctypes.create_string_buffer(struct.pack("<IIQQIIQII16s", 6, 2, ctypes.addressof(code),
	ctypes.addressof(lic), 0, 0, 0, 0, 0, b"xdp_pass"), 128)
fd = libc.syscall(321, 5, a, 128)
path = ctypes.create_string_buffer(sys.argv[1].encode())
b = ctypes.create_string_buffer(struct.pack("<QII", ctypes.addressof(path), fd, 0), 128)
sys.exit(fd < 0 or libc.syscall(321, 6, b, 128) != 0)
'

@test "link show: attached XDP programs (mode, prog/xdp line, JSON) as the reference" {
	need_ref
	command -v python3 >/dev/null || skip "python3 is needed to load a BPF program"
	[ "$(uname -m)" = x86_64 ] || skip "the bpf syscall number is x86_64's"
	run sandbox sh -c 'mount -t bpf bpf /sys/fs/bpf 2>/dev/null && python3 -c "$1" /sys/fs/bpf/xp' sh "$XDP_PY"
	[ "$status" -eq 0 ] || skip "cannot load a BPF program here"
	run sandbox sh -c 'mount -t bpf bpf /sys/fs/bpf; python3 -c "$1" /sys/fs/bpf/xp
ip link add v0 type veth peer name v1; ip link add v2 type veth peer name v3
'"$REF_IP"' link set dev v0 xdpgeneric pinned /sys/fs/bpf/xp
'"$REF_IP"' link set dev v2 xdpdrv pinned /sys/fs/bpf/xp
ip link set v0 alias hello; ip link property add dev v0 altname v0alt; ip addr add 10.0.0.1/24 dev v0
for c in "link" "-s link show v0" "addr show v0" "-d addr show v0" "-o link" "-br link" \
	"-j addr show v0" "-j link" "-j -p link show v2" "-d -j link show v0" "-d link show v2" \
	"-c=always link show v0" "-o addr"; do
	echo "### $c"; '"$REF_IP"' $c > /run/r 2>&1; ip $c > /run/o 2>&1
	diff /run/r /run/o; grep -c "prog/xdp\|/id:\|\"xdp\"" /run/o
done' sh "$XDP_PY"
	echo "$output"
	# no diff lines, and the program shown by all but -br and -o addr
	[[ "$output" != *"<"* ]]
	[ "$(grep -c '^[1-9]' <<<"$output")" -eq 11 ]
}
