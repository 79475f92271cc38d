# The command lines of seed 002's Open vSwitch use cases (1, 3 and 4), shared
# by tests/tutorials/002_five_use_cases.bats (ovs-vsctl there is the stand-in
# on Linux bridges, tests/tutorials/bin) and tests/vm/ovs.bats (the real Open
# vSwitch, in the QEMU lane).  See the former for how they were reconstructed
# from the page.

TUT002_CASE1='
: step 2
ip netns add red
ip netns add green
ip netns
ls /var/run/netns
ip netns exec red ip link
ip netns exec green ip link
: step 3, reconstructed: ovs-vsctl add-br OVS1 etc.
ovs-vsctl add-br OVS1
ovs-vsctl list-br
ip link
: step 4, reconstructed
ip link add eth0-r type veth peer name veth-r
ip link add eth0-g type veth peer name veth-g
ip link
: step 5, reconstructed
ip link set eth0-r netns red
ip link set eth0-g netns green
ip link
ip netns exec red ip link
ip netns exec green ip link
: step 6, reconstructed
ovs-vsctl add-port OVS1 veth-r
ovs-vsctl add-port OVS1 veth-g
ovs-vsctl list-ports OVS1
ip link
: step 7, reconstructed
ip netns exec red ip link set dev lo up
ip netns exec red ip link set dev eth0-r up
ip netns exec red ip address add 10.0.0.1/24 dev eth0-r
ip netns exec red ip link
ip netns exec red ip addr
ip netns exec red ip route
ip route
ip netns exec green ip link set dev lo up
ip netns exec green ip link
ip netns exec green ip link set dev eth0-g up
ip netns exec green ip address add 10.0.0.2/24 dev eth0-g
ip netns exec green ip addr
ip netns exec green ip link
ip netns exec green ip route
: step 8, reconstructed
ip link set dev veth-r up
ip link set dev veth-g up
ip link
ip netns exec red ip link
ip netns exec green ip link
: step 9, reconstructed
ip netns exec red ping -c 2 10.0.0.2
ip netns exec green ping -c 2 10.0.0.1
: end
'

TUT002_CASE3='
: the switch from exercise 1, as the tutorial says
ovs-vsctl add-br OVS1
: step 1
ip netns add net1
ip netns add net2
ip link add eth0-n1 type veth peer name veth-n1
ip link add eth0-n2 type veth peer name veth-n2
: step 2
ip link set eth0-n1 netns net1
ip link set eth0-n2 netns net2
: step 3
ovs-vsctl add-port OVS1 veth-n1
ovs-vsctl add-port OVS1 veth-n2
ovs-vsctl set port veth-n1 tag=10
ovs-vsctl set port veth-n2 tag=10
ovs-vsctl show
: step 4
ip link set dev veth-n1 up
ip link set dev veth-n2 up
: step 5, "ip netns exec net1 bash" with its session, the sleep is the
: typing pause, as step.bash makes at top level: carrier comes through
: linkwatch up to a second after "up", and "ip link" shows it
ip netns exec net1 sh -c "
ip link set dev lo up
ip link set dev eth0-n1 up
sleep 1.5
ip link
ip address add 192.168.21.1/24 dev eth0-n1
ip r"
: "ip netns exec net2 bash" with its session
ip netns exec net2 sh -c "
ip link set dev lo up
ip link set dev eth0-n2 up
sleep 1.5
ip link
ip address add 192.168.21.2/24 dev eth0-n2
ip r"
: step 6
ip netns exec net1 ping 192.168.21.2
ip netns exec net2 ping 192.168.21.1
: the tutorial s way to remove the tag: veth-n1 leaves VLAN 10, net2 is cut off
ovs-vsctl remove port veth-n1 tag 10
ip netns exec net1 ping 192.168.21.2
'

TUT002_CASE4='
trap "kill \$(cat \$TUT_TMP/*.pid 2>/dev/null) 2>/dev/null" EXIT
: the switch from exercise 1
ovs-vsctl add-br OVS1
: step 1
ip netns add red
ip netns add green
ip netns add dhcp-r
ip netns add dhcp-g
ip link add eth0-r type veth peer name veth-r
ip link add eth0-g type veth peer name veth-g
: step 2
ip link set eth0-r netns red
ip link set eth0-g netns green
ip netns exec red ip link set dev lo up
ip netns exec red ip link set dev eth0-r up
ip netns exec green ip link set dev lo up
ip netns exec green ip link set dev eth0-g up
: step 3, the second tag line fixed: the page tags veth-r twice, meaning veth-g
ovs-vsctl add-port OVS1 veth-r
ovs-vsctl add-port OVS1 veth-g
ovs-vsctl set port veth-r tag=100
ovs-vsctl set port veth-g tag=200
ip link set dev veth-r up
ip link set dev veth-g up
: step 4
ovs-vsctl add-port OVS1 tap-r
ovs-vsctl set interface tap-r type=internal
ip link set tap-r netns dhcp-r
ovs-vsctl set port tap-r tag=100
ip netns exec dhcp-r ip link set dev lo up
ip netns exec dhcp-r ip link set dev tap-r up
ovs-vsctl add-port OVS1 tap-g
ovs-vsctl set interface tap-g type=internal
ip link set tap-g netns dhcp-g
ovs-vsctl set port tap-g tag=200
ip netns exec dhcp-g ip link set dev lo up
ip netns exec dhcp-g ip link set dev tap-g up
: step 5, the two "bash" sessions
ip netns exec dhcp-r sh -c "ip address add 10.50.50.2/24 dev tap-r"
ip netns exec dhcp-g sh -c "ip address add 10.50.50.2/24 dev tap-g"
: step 6
ip netns exec dhcp-r dnsmasq --interface=tap-r --dhcp-range=10.50.50.10,10.50.50.100,255.255.255.0
ip netns exec dhcp-g dnsmasq --interface=tap-g --dhcp-range=10.50.50.10,10.50.50.100,255.255.255.0
ip netns identify $(cat $TUT_TMP/dnsmasq-tap-r.pid)
ip netns identify $(cat $TUT_TMP/dnsmasq-tap-g.pid)
: step 7
ip netns exec red dhclient eth0-r
ip netns exec red ip a
ip netns exec green dhclient eth0-g
ip netns exec green ip a
: step 8, the two "bash" sessions
ip netns exec red sh -c "ping 10.50.50.2"
ip netns exec green sh -c "ping 10.50.50.2"
: check: each server leased one address, to the client in its own VLAN
ip netns exec red ip -br link show eth0-r
ip netns exec green ip -br link show eth0-g
cut -d" " -f2 $TUT_TMP/dnsmasq-tap-r.leases
cut -d" " -f2 $TUT_TMP/dnsmasq-tap-g.leases
'

# dnsmasq hands out addresses from a hash of the client's (random) MAC.
LEASE_SED='s/10\.50\.50\.\([1-9][0-9]\)\b/10.50.50.LEASE/g; s/10\.50\.50\.100\b/10.50.50.LEASE/g'
