# bash completion for ip (this project's ip: address, link, maddress,
# monitor, neighbor, netns, nexthop, route, rule, tunnel, tuntap).
#
# Source it from ~/.bashrc, or install it as
# /usr/share/bash-completion/completions/ip (`make install`).  It needs
# neither the bash-completion package nor any external program but ip
# itself; when bash-completion is loaded, `ip netns exec NS cmd ...` hands
# the command's words to that command's own completion.
#
# The grammar engine between the ENGINE markers is written in the subset of
# shell that bash and zsh (under `emulate -L ksh`) share: completion/_ip
# carries the same text (tests/completion.bats checks they stay identical;
# after a change here, carry it over with
#   awk 'FNR == NR { if (/^# ---- ENGINE BEGIN/) e = 1; if (e) s = s $0 "\n";
#        if (/^# ---- ENGINE END/) e = 0; next }
#        /^# ---- ENGINE BEGIN/ { printf "%s", s; k = 1 } !k; /^# ---- ENGINE END/ { k = 0 }' \
#       completion/ip.bash completion/_ip >_ip.new && mv _ip.new completion/_ip
# ).
# It reads _ipc_w (the words, unquoted), _ipc_cw (index of the word being
# completed) and _ipc_cur (its text before the cursor) and fills _ipc_R
# (candidates), _ipc_T ("GROUP COUNT" pairs saying what they are, for
# zsh's listings) and _ipc_S (an action the front end performs itself:
# files, pids, or `cmd N` to complete the words from N on as a command line
# of their own).
#
# Live values come from one run of ip per completion (its -br or -o
# output, taken apart with parameter expansions, no pipelines), so a host
# with a thousand links completes in about 15 ms.

# ---- ENGINE BEGIN ----
# Everything ip can say, in the order iproute2 tries prefixes ("ip l s" is
# link set): a word matches the first entry it is a prefix of.
_ipc_objects='address addrlabel maddress route rule neighbor neighbour ntable ntbl link l2tp fou ila macsec tunnel tuntap tap token tcpmetrics monitor xfrm mroute mrule netns netconf vrf sr nexthop mptcp ioam help stats amt'
_ipc_ours='address help link maddress monitor neighbor netns nexthop route rule tunnel tuntap'
_ipc_gopts='-Version -loops:- -family:=inet,inet6,mpls,bridge,link -resolve -rcvbuf:- -netns:netns -batch:file -4 -6 -M -B -0 -human-readable -iec -statistics -details -oneline -timestamp -tshort -force -echo -Numeric -all -json -pretty -brief -color'
_ipc_verbs_link='add set change delete show lst list help'
_ipc_verbs_address='add change chg replace delete list show lst flush save restore showdump help'
_ipc_verbs_route='add change chg replace prepend append test delete list show lst get flush save restore showdump help'
_ipc_verbs_netns='list show lst list-id add attach set delete identify pids exec monitor help'
_ipc_verbs_rule='list lst show save restore add delete flush help'
_ipc_verbs_neighbor='add change chg replace delete list show lst flush get help'
_ipc_verbs_nexthop='add replace get delete list show lst flush bucket help'
_ipc_verbs_tuntap='add delete show lst list help'
_ipc_verbs_maddress='add delete list show lst help'
_ipc_verbs_tunnel='add change delete show list lst prl 6rd help'
# What we offer (no duplicate spellings).
_ipc_offer_link='add change delete help list set show'
_ipc_offer_address='add change delete flush help replace restore save show showdump'
_ipc_offer_route='add append change delete flush get help list prepend replace restore save show showdump test'
_ipc_offer_netns='add attach delete exec help identify list list-id monitor pids set'
_ipc_offer_rule='add delete flush help list restore save show'
_ipc_offer_neighbor='add change delete flush get help list replace show'
_ipc_offer_nexthop='add bucket delete flush get help list replace show'
_ipc_offer_tuntap='add delete help list show'
_ipc_offer_maddress='add delete help list show'
_ipc_offer_tunnel='6rd add change delete help list prl show'

# Keyword grammars: "kw" is a flag, "kw:TYPE" takes one value of TYPE
# (- is free text), "@TYPE" is a positional value, "~kw" a spelling that is
# understood but not offered, "+kw" one that may come again (and is still
# offered after use), "!kw" a keyword iproute2 only takes in full;
# the others take any prefix, the first in the list winning ("ip link set
# v0 m X" is master, "d" dynamic, "n" nomaster: tried on the reference).
_ipc_g_linkadd='!up !down !name:- !index:- address:- alias:- link:dev broadcast:- txqueuelen:- ~txqlen:- type:kind master:master nomaster dynamic:onoff !mtu:- !netns:netns !multicast:onoff !allmulticast:onoff !promisc:onoff !trailers:onoff !arp:onoff !group:group numtxqueues:- numrxqueues:- !gso_max_size:- !gso_max_segs:- !gro_max_size:-'
_ipc_g_linkpeer='!up !down !name:- !index:- address:- alias:- broadcast:- txqueuelen:- ~txqlen:- master:master nomaster dynamic:onoff !mtu:- !netns:netns !multicast:onoff !allmulticast:onoff !promisc:onoff !trailers:onoff !arp:onoff !group:group numtxqueues:- numrxqueues:-'
_ipc_g_linkset='!up !down !name:- address:- alias:- link:dev broadcast:- txqueuelen:- ~txqlen:- type:setkind master:master nomaster dynamic:onoff !mtu:- !netns:netns !multicast:onoff !allmulticast:onoff !promisc:onoff !trailers:onoff !arp:onoff !carrier:onoff !vrf:vrf !group:group addrgenmode:=eui64,none,stable_secret,random link-netns:netns link-netnsid:- !protodown:onoff !gso_max_size:- !gso_max_segs:- !gro_max_size:-'
_ipc_g_linkdel='type:anykind'
_ipc_g_linkshow='@dev dev:dev group:group up master:dev vrf:dev type:anykind nomaster'
_ipc_g_addradd='@- peer:- !remote:- broadcast:=+,- ~brd:=+,- !anycast:- !scope:scope !dev:dev !label:label metric:- priority:- valid_lft:lft preferred_lft:lft !home !nodad !mngtmpaddr !noprefixroute !autojoin !local:-'
_ipc_g_addrdel='@addrdel peer:- !remote:- broadcast:- !anycast:- !scope:scope !dev:adev !label:label !mngtmpaddr !local:-'
_ipc_g_addrshow='@dev !dev:dev !scope:scope to:- !label:- !master:dev !nomaster !type:anykind !vrf:dev !up !permanent !dynamic !secondary !primary !tentative !-tentative !deprecated !-deprecated !dadfailed !-dadfailed !temporary !home !nodad !mngtmpaddr !noprefixroute !autojoin'
_ipc_g_route='table:table proto:proto protocol:proto !scope:scope metric:- preference:- priority:- tos:- dsfield:- !via:- !dev:dev !oif:dev !src:laddr !mtu:- advmss:- rtt:- rttvar:- reordering:- window:- cwnd:- initcwnd:- initrwnd:- ssthresh:- realm:- realms:- rto_min:- hoplimit:- features:=ecn quickack:=0,1 congctl:- pref:=low,medium,high !expires:- fastopen_no_cookie:=0,1 ttl-propagate:=enabled,disabled nhid:nhid +!nexthop:nh !weight:- !onlink pervasive to:-'
_ipc_g_nh='!via:- !dev:dev !weight:- !onlink pervasive +!nexthop:nh'
_ipc_g_routeshow='@- table:tableall vrf:dev cache cached cloned all tos:- dsfield:- protocol:proto proto:proto scope:scope type:rtype dev:dev oif:dev iif:dev via:- src:laddr realm:- realms:- from:- to:- root:- match:- exact:-'
_ipc_g_routeget='@- fibmatch from:- iif:dev oif:dev tos:- dsfield:- mark:- vrf:dev uid:- ipproto:- sport:- dport:- connected to:-'
# ip rule: the preference words first ("p" and "pr" are preference, "pro"
# protocol); "t" is tun_id, "d" dsfield, "s" suppress_prefixlength, "u"
# unreachable (a rule type); add and del read the same words, list and
# flush fewer (and there "from" and "lookup" take a prefix).
_ipc_g_rulepref='preference:rpref order:rpref priority:rpref'
_ipc_g_rule='!not !from:- !to:- !tos:- dsfield:- !fwmark:- !iif:dev !dev:dev !oif:dev !l3mdev !uidrange:- !ipproto:ipproto !sport:- !dport:- tun_id:- table:table !lookup:table protocol:proto !nat:- ~map-to:- realms:- goto:rpref suppress_prefixlength:- ~!sup_pl:- suppress_ifgroup:group ~!sup_group:group !type:=unicast,blackhole,unreachable,prohibit unreachable unicast blackhole prohibit'
_ipc_g_rulelist='@- !not from:- !to:- !tos:- !dsfield:- !fwmark:- !iif:dev !dev:dev !oif:dev !l3mdev !uidrange:- !ipproto:ipproto !sport:- !dport:- tun_id:- table:table lookup:table protocol:proto'
# ip neigh: "p" is proxy in add/del/get, protocol in show (proxy whole).
_ipc_g_neighadd='lladdr:- !nud:nud proxy:- !dev:dev !router !use !managed extern_learn protocol:proto ~!to:-'
_ipc_g_neighshow='@- !to:- !dev:dev +!nud:nudall !vrf:vrf !nomaster !unused ~!master:master ~protocol:proto !proxy'
# ip nexthop: whole words only, but protocol (and the show filters).
_ipc_g_nhadd='!id:- !blackhole !via:- !dev:dev !onlink !encap:=mpls !group:nhgroup !fdb !type:=mpath,resilient !buckets:- !idle_timer:- !unbalanced_timer:- protocol:proto'
_ipc_g_nhshow='!id:nhid dev:dev vrf:vrf master:master groups fdb protocol:proto'
# ip monitor: no verb, the objects to watch and options ("s" is no
# prefix of stats).
_ipc_g_monitor='all address link mroute neigh netconf nexthop nsid prefix route rule !stats file:file label all-nsid !dev:dev'
_ipc_g_tuntap='dev:- mode:=tun,tap user:user group:ugroup one_queue pi vnet_hdr multi_queue name:-'
_ipc_g_tunnel='mode:=gre,ipip,sit,isatap,vti,ip6ip6,ipip6,ip6gre,vti6,any remote:- local:- dev:dev name:- key:- ikey:- okey:- ttl:- hoplimit:- tos:- tclass:- dsfield:- flowlabel:- encaplimit:- dscp:=inherit seq iseq oseq csum icsum ocsum pmtudisc nopmtudisc allow-localremote noallow-localremote'
_ipc_g_tunnelprl='dev:dev prl-default:- prl-nodefault:- prl-delete:-'
_ipc_g_tunnel6rd='dev:dev 6rd-prefix:- 6rd-relay_prefix:- 6rd-reset'
_ipc_ipprotos='tcp udp sctp dccp udplite icmp ipv6-icmp gre esp ah'
_ipc_nud='permanent noarp reachable stale none incomplete delay probe failed'
# Link kinds' own options.
_ipc_g_k_veth='peer:peer'
_ipc_g_k_bridge='fdb_flush forward_delay:- hello_time:- max_age:- ageing_time:- stp_state:=0,1 priority:- group_fwd_mask:- group_address:- no_linklocal_learn:=0,1 vlan_filtering:=0,1 vlan_protocol:=802.1Q,802.1ad vlan_default_pvid:- vlan_stats_enabled:=0,1 vlan_stats_per_port:=0,1 mcast_snooping:=0,1 mcast_vlan_snooping:=0,1 mcast_router:=0,1,2 mcast_query_use_ifaddr:=0,1 mcast_querier:=0,1 mcast_hash_elasticity:- mcast_hash_max:- mcast_last_member_count:- mcast_startup_query_count:- mcast_last_member_interval:- mcast_membership_interval:- mcast_querier_interval:- mcast_query_interval:- mcast_query_response_interval:- mcast_startup_query_interval:- mcast_stats_enabled:=0,1 mcast_igmp_version:=2,3 mcast_mld_version:=1,2 nf_call_iptables:=0,1 nf_call_ip6tables:=0,1 nf_call_arptables:=0,1'
_ipc_g_k_bridge_slave='fdb_flush state:=0,1,2,3,4 priority:- cost:- guard:onoff hairpin:onoff fastleave:onoff root_block:onoff learning:onoff flood:onoff proxy_arp:onoff proxy_arp_wifi:onoff mcast_router:=0,1,2,3 mcast_fast_leave:onoff mcast_flood:onoff bcast_flood:onoff mcast_to_unicast:onoff group_fwd_mask:- neigh_suppress:onoff vlan_tunnel:onoff isolated:onoff locked:onoff backup_port:dev nobackup_port'
_ipc_g_k_macvlan='mode:=private,vepa,bridge,passthru,source nopromisc nodst macaddr:=add,del,set,flush bcqueuelen:-'
_ipc_g_k_macvtap=$_ipc_g_k_macvlan
_ipc_g_k_ipvlan='mode:=l2,l3,l3s bridge private vepa'
_ipc_g_k_vxlan='id:- group:- remote:- local:- ttl:=auto,inherit tos:=inherit df:=unset,set,inherit flowlabel:- dev:dev dstport:- srcport:-2 learning nolearning proxy noproxy rsc norsc l2miss nol2miss l3miss nol3miss ageing:- maxaddress:- udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx remcsumtx noremcsumtx remcsumrx noremcsumrx external noexternal gbp gpe vnifilter novnifilter'
_ipc_g_k_vlan='id:- protocol:=802.1Q,802.1ad reorder_hdr:onoff gvrp:onoff mvrp:onoff loose_binding:onoff bridge_binding:onoff ingress-qos-map:- egress-qos-map:-'
_ipc_g_k_vrf='table:table'
_ipc_g_k_bond='mode:=balance-rr,active-backup,balance-xor,broadcast,802.3ad,balance-tlb,balance-alb active_slave:dev clear_active_slave miimon:- updelay:- downdelay:- peer_notify_delay:- use_carrier:=0,1 arp_interval:- arp_validate:=none,active,backup,all,filter,filter_active,filter_backup arp_all_targets:=any,all arp_ip_target:- ns_ip6_target:- primary:dev primary_reselect:=always,better,failure fail_over_mac:=none,active,follow xmit_hash_policy:=layer2,layer2+3,layer3+4,encap2+3,encap3+4,vlan+srcmac resend_igmp:- num_grat_arp:- num_unsol_na:- all_slaves_active:=0,1 min_links:- lp_interval:- packets_per_slave:- tlb_dynamic_lb:=0,1 lacp_rate:=slow,fast lacp_active:=off,on ad_select:=stable,bandwidth,count ad_user_port_key:- ad_actor_sys_prio:- ad_actor_system:- arp_missed_max:-'
_ipc_tnl_encap='encap:=fou,gue,none encap-sport:- encap-dport:- encap-csum noencap-csum encap-remcsum noencap-remcsum'
_ipc_g_k_gre="remote:- local:- ttl:- hoplimit:- tos:- dsfield:- dev:dev key:- ikey:- okey:- seq iseq oseq noseq csum icsum ocsum nocsum pmtudisc nopmtudisc ignore-df noignore-df external fwmark:- $_ipc_tnl_encap"
_ipc_g_k_gretap=$_ipc_g_k_gre
_ipc_g_k_erspan="$_ipc_g_k_gre erspan_ver:=0,1,2 erspan:- erspan_dir:=ingress,egress erspan_hwid:-"
_ipc_g_k_ip6gre="remote:- local:- hoplimit:- ttl:- encaplimit:- tclass:- dsfield:- flowlabel:- dscp:=inherit dev:dev key:- ikey:- okey:- seq iseq oseq noseq csum icsum ocsum nocsum allow-localremote noallow-localremote external fwmark:- $_ipc_tnl_encap"
_ipc_g_k_ip6gretap=$_ipc_g_k_ip6gre
_ipc_g_k_ip6erspan="$_ipc_g_k_ip6gre erspan_ver:=0,1,2 erspan:- erspan_dir:=ingress,egress erspan_hwid:-"
_ipc_g_k_ipip="remote:- local:- ttl:- hoplimit:- tos:- dsfield:- dev:dev pmtudisc nopmtudisc mode:=ipip,mplsip,any external fwmark:- $_ipc_tnl_encap"
_ipc_g_k_sit="$_ipc_g_k_ipip isatap 6rd-prefix:- 6rd-relay_prefix:- 6rd-reset"
_ipc_g_k_ip6tnl="remote:- local:- encaplimit:- hoplimit:- ttl:- tclass:- dsfield:- flowlabel:- dscp:=inherit dev:dev mode:=ip6ip6,ipip6,any allow-localremote noallow-localremote external fwmark:- $_ipc_tnl_encap"
_ipc_g_k_vti='remote:- local:- key:- ikey:- okey:- dev:dev fwmark:-'
_ipc_g_k_vti6=$_ipc_g_k_vti
_ipc_g_k_xfrm='dev:dev if_id:- external'
_ipc_g_k_geneve='id:- remote:- ttl:=auto,inherit tos:=inherit df:=unset,set,inherit flowlabel:- dstport:- external noexternal udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx innerprotoinherit'
_ipc_g_k_ipvtap=$_ipc_g_k_ipvlan
_ipc_g_k_macsec='address:- port:- sci:- cipher:=default,gcm-aes-128,gcm-aes-256,gcm-aes-xpn-128,gcm-aes-xpn-256 icvlen:- encrypt:onoff send_sci:onoff end_station:onoff scb:onoff protect:onoff replay:onoff window:- validate:=strict,check,disabled encodingsa:=0,1,2,3 offload:=mac,phy,off'
_ipc_kinds_static='bond bridge dummy ifb ipvlan macvlan macvtap veth vlan vrf vxlan'
_ipc_rtypes='unicast local broadcast multicast throw unreachable prohibit blackhole nat anycast'

# _ipc_offer GROUP WORD...: candidates; _ipc_T gets "GROUP COUNT" pairs.
_ipc_offer() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	_ipc_T+=("$1" $(($# - 1)))
	shift
	_ipc_R+=("$@")
}

# Split $2 at $1 (one character) into _ipc_L, no globbing, no empty words.
_ipc_split() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local IFS=$1
	if [ -n "$ZSH_VERSION" ]; then
		setopt noglob
		_ipc_L=( ${(ps:$1:)2} )	# 4 times faster than IFS splitting
	else
		local -
		set -f
		_ipc_L=($2)
	fi
}

# _ipc_lines CMD...: the lines CMD prints, in _ipc_L (one fork, no loop).
_ipc_lines() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local out
	out=$("$@" 2>/dev/null)
	_ipc_split $'\n' "$out"
}

# Resolve word $1 against the list $2 ("kw" or "kw:type" items): exact
# name first, else the first item it is a prefix of.  Sets _ipc_k (the
# keyword, empty when none) and _ipc_a (its type; "" for a flag).
_ipc_match() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local w=$1 it k first= full
	_ipc_k= _ipc_a=
	[ -n "$w" ] || return 1
	_ipc_split ' ' "$2"
	for it in "${_ipc_L[@]}"; do
		it=${it#\~}
		it=${it#+}
		full=
		case $it in '!'*) full=1 it=${it#!} ;; esac
		k=${it%%:*}
		case $k in @*) continue ;; esac
		if [ "$k" = "$w" ]; then
			first=$it
			break
		fi
		if [ -z "$first$full" ]; then
			case $k in "$w"*) first=$it ;; esac
		fi
	done
	[ -n "$first" ] || return 1
	_ipc_k=${first%%:*}
	case $first in *:*) _ipc_a=${first#*:} ;; esac
	return 0
}

# The ip to ask, with -n NS when the line names a namespace.
_ipc_ip() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	if [ -n "$_ipc_ns" ]; then
		_ipc_lines "$_ipc_bin" -n "$_ipc_ns" "$@"
	else
		_ipc_lines "$_ipc_bin" "$@"
	fi
}

_ipc_devs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	# "name@link   STATE ...": the name ends at a blank or an '@'.
	_ipc_ip -br link show
	_ipc_offer interface "${_ipc_L[@]%%[ @]*}"
}

# What can be a master ($1 = master: bridge, bond, vrf, team) or a vrf
# ($1 = vrf).  In one -o -d dump the kind follows "\    "; one case per
# line ("bridge_slave" is not "bridge "), no expansions of whole lines.
_ipc_masters() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l
	local -a got
	_ipc_ip -o -d link show
	for l in "${_ipc_L[@]}"; do
		if [ "$1" = vrf ]; then
			case $l in *'\    vrf '*) ;; *) continue ;; esac
		else
			case $l in
			*'\    bridge '* | *'\    bond '* | *'\    vrf '* | *'\    team '*) ;;
			*) continue ;;
			esac
		fi
		l=${l#*: }
		got+=("${l%%[:@]*}")
	done
	_ipc_offer interface "${got[@]}"
}

# Network namespaces are the entries of /run/netns: no fork, exact names.
_ipc_netns() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local f
	for f in /run/netns/*; do
		[ -e "$f" ] && _ipc_offer netns "${f#/run/netns/}"
	done
}

# Names from iproute2's "NUMBER NAME" files (and their .d/*.conf), after
# the built-in names $2 (space separated), each name once.
_ipc_names() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local tag=$1 seen=" $2 " f num name rest
	_ipc_split ' ' "$2"
	_ipc_offer "$tag" "${_ipc_L[@]}"
	shift 2
	for f in "$@"; do
		[ -r "$f" ] || continue
		while read -r num name rest; do
			case $num in '#'* | '') continue ;; esac
			case $seen in *" $name "*) continue ;; esac
			seen="$seen$name "
			_ipc_offer "$tag" "$name"
		done <"$f"
	done
}

_ipc_tables() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l t seen=' ' j=${#_ipc_R[@]}
	_ipc_names table 'local main default' /etc/iproute2/rt_tables /etc/iproute2/rt_tables.d/*.conf
	for ((; j < ${#_ipc_R[@]}; j++)); do seen="$seen${_ipc_R[j]} "; done
	# Tables in use that have no name appear as "table N" in the dump.
	_ipc_ip route show table all
	for l in "${_ipc_L[@]}"; do
		case $l in *' table '*) ;; *) continue ;; esac
		t=${l#* table }
		t=${t%% *}
		case $seen in *" $t "*) continue ;; esac
		seen="$seen$t "
		_ipc_offer table "$t"
	done
}

_ipc_kinds() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local out
	# The kinds our ip knows, from its own help (once per shell).
	if [ -z "$_ipc_kinds_cache" ]; then
		out=$("$_ipc_bin" link help 2>&1)
		case $out in
		*'TYPE := {'*)
			out=${out#*TYPE := \{}
			out=${out%%\}*}
			_ipc_split ' ' "${out//[|$'\n\t']/ }"
			_ipc_kinds_cache="${_ipc_L[*]}"
			;;
		*) _ipc_kinds_cache=$_ipc_kinds_static ;;
		esac
	fi
	_ipc_split ' ' "$_ipc_kinds_cache"
	_ipc_offer kind "${_ipc_L[@]}"
}

# Addresses: $1 = with or without the prefix length, $2 = device or "".
# One line per address in -o output: "N: dev    inet ADDR/LEN ...".
_ipc_addrs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	if [ -n "$2" ]; then
		_ipc_ip $_ipc_fam -o address show dev "$2"
	else
		_ipc_ip $_ipc_fam -o address show
	fi
	_ipc_L=("${_ipc_L[@]#*inet6 }")
	_ipc_L=("${_ipc_L[@]#*inet }")
	_ipc_L=("${_ipc_L[@]%% *}")
	[ "$1" = prefix ] || _ipc_L=("${_ipc_L[@]%/*}")
	_ipc_offer address "${_ipc_L[@]}"
}

# For "ip address del ADDR dev": the devices that have ADDR (all devices
# while there is no address yet).
_ipc_addrdevs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l a=$_ipc_posw d
	local -a got
	[ -n "$a" ] || { _ipc_devs; return; }
	_ipc_ip $_ipc_fam -o address show
	for l in "${_ipc_L[@]}"; do
		case $l in *" $a "* | *" $a/"*) ;; *) continue ;; esac
		d=${l#*: }
		got+=("${d%% *}")
	done
	_ipc_offer interface "${got[@]}"
}

# Destinations of the routes in the table the line names (the word after
# a route type; nexthop lines start with blanks; equal ones are adjacent).
_ipc_routes() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l d prev=
	local -a got
	_ipc_findkw table
	_ipc_ip $_ipc_fam route show table "${_ipc_v:-main}"
	for l in "${_ipc_L[@]}"; do
		d=${l%% *}
		case $d in
		'' | [[:space:]]*) continue ;;
		unicast | local | broadcast | multicast | throw | unreachable | prohibit | blackhole | nat | anycast)
			l=${l#* }
			d=${l%% *}
			;;
		esac
		[ "$d" = "$prev" ] && continue
		prev=$d
		got+=("$d")
	done
	_ipc_offer route "${got[@]}"
}

# _ipc_routeinfo KW GROUP: the values after KW in the routes (and their
# nexthop lines) to the destination on the line; all devices for dev
# while there is none.
_ipc_routeinfo() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l d on= v
	local -a got
	if [ -z "$_ipc_posw" ]; then
		[ "$1" = dev ] && _ipc_devs
		return
	fi
	_ipc_findkw table
	_ipc_ip $_ipc_fam route show table "${_ipc_v:-main}"
	for l in "${_ipc_L[@]}"; do
		case $l in
		[[:space:]]*) ;;
		*)
			d=${l%% *}
			case $d in
			unicast | local | broadcast | multicast | throw | unreachable | prohibit | blackhole | nat | anycast)
				d=${l#* }
				d=${d%% *}
				;;
			esac
			on=
			[ "$d" = "$_ipc_posw" ] && on=1
			;;
		esac
		[ -n "$on" ] || continue
		case $l in *" $1 "*) ;; *) continue ;; esac
		v=${l#* $1 }
		got+=("${v%% *}")
	done
	_ipc_offer "$2" "${got[@]}"
}

# Preferences of the rules ("PREF:<tab>from ..."; no loop: 10,000 rules).
_ipc_rprefs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	_ipc_ip $_ipc_fam rule show
	_ipc_offer preference "${_ipc_L[@]%%:*}"
}

# Neighbour addresses (proxies when $1 = proxy), of the device on the
# line if it names one: "ADDR dev DEV lladdr ... STATE".
_ipc_neighs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local px=$1
	if _ipc_findkw dev; then
		_ipc_ip $_ipc_fam neigh show $px dev "$_ipc_v"
	else
		_ipc_ip $_ipc_fam neigh show $px
	fi
	_ipc_offer neighbour "${_ipc_L[@]%% *}"
}

# The devices of the neighbour (or proxy) on the line; all devices while
# there is none.
_ipc_neighdevs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l a=$_ipc_posw px= d
	local -a got
	_ipc_findkw to && a=$_ipc_v
	_ipc_findkw proxy && a=$_ipc_v px=proxy
	[ -n "$a" ] || { _ipc_devs; return; }
	# ip picks the entries for that address itself ("to" is a prefix).
	_ipc_ip $_ipc_fam neigh show $px to "$a"
	for l in "${_ipc_L[@]}"; do
		case $l in "$a dev "*) ;; *) continue ;; esac
		d=${l#"$a dev "}
		got+=("${d%% *}")
	done
	_ipc_offer interface "${got[@]}"
}

# Nexthop ids ("id N ..." lines); for a group ($1 = group) each after the
# members already typed ("1,2/" goes on with "1,2/ID").
_ipc_nhids() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local pre= id
	local -a got
	_ipc_ip $_ipc_fam nexthop show
	_ipc_L=("${_ipc_L[@]#id }")
	_ipc_L=("${_ipc_L[@]%% *}")
	if [ "$1" = group ]; then
		case $_ipc_cur in */*) pre=${_ipc_cur%/*}/ ;; esac
		for id in "${_ipc_L[@]}"; do got+=("$pre$id"); done
		_ipc_L=("${got[@]}")
	fi
	_ipc_offer nexthop "${_ipc_L[@]}"
}

# The bucket indexes of the resilient group on the line ("id N index I
# idle_time ..."); none while there is no group.
_ipc_nhbuckets() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	_ipc_findkw id || return 0
	_ipc_ip nexthop bucket list id "$_ipc_v"
	_ipc_L=("${_ipc_L[@]#* index }")
	_ipc_offer value "${_ipc_L[@]%% *}"
}

# tun and tap devices: "NAME: tun ..." lines.
_ipc_tuntaps() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	_ipc_ip tuntap show
	_ipc_offer interface "${_ipc_L[@]%%:*}"
}

# The mode of the tun/tap device on the line (del must name it): one of
# the "NAME: tun ..." lines; tun and tap while there is no name.
_ipc_tunmode() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l t=$_ipc_posw
	_ipc_findkw dev && t=$_ipc_v
	_ipc_findkw name && t=$_ipc_v
	if [ -n "$t" ]; then
		_ipc_ip tuntap show
		for l in "${_ipc_L[@]}"; do
			case $l in "$t: "*) ;; *) continue ;; esac
			l=${l#"$t: "}
			_ipc_offer value "${l%% *}"
			return
		done
	fi
	_ipc_offer value tun tap
}

# Names from a passwd or group file ($1), as group $2.
_ipc_passwd() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local name rest
	local -a got
	[ -r "$1" ] || return 0
	while IFS=: read -r name rest; do
		case $name in '' | '#'* | [-+]*) continue ;; esac
		got+=("$name")
	done <"$1"
	_ipc_offer "$2" "${got[@]}"
}

# Multicast link addresses that ip maddr add put there ("static"): of the
# device on the line ($1 = addr), or the devices that have the address
# on the line ($1 = dev).  One line each in -o output:
# "N:<tab>DEV\<tab>link  ADDR static".
_ipc_maddrs() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local l a=$_ipc_posw d tag=address
	local -a got
	[ "$1" = dev ] && tag=interface
	if [ "$1" = dev ] && [ -z "$a" ]; then
		_ipc_devs
		return
	fi
	if [ "$1" = addr ] && _ipc_findkw dev; then
		_ipc_ip -o maddr show dev "$_ipc_v"
	else
		_ipc_ip -o maddr show
	fi
	for l in "${_ipc_L[@]}"; do
		case $l in *'link  '*' static'*) ;; *) continue ;; esac
		if [ "$1" = addr ]; then
			d=${l#*link  }
			got+=("${d%% *}")
		else
			case $l in *"link  $a static"*) ;; *) continue ;; esac
			d=${l#*:?}
			got+=("${d%%[\\]*}")
		fi
	done
	_ipc_offer "$tag" "${got[@]}"
}

# _ipc_findkw KW: the value after KW anywhere on the line (also after the
# cursor), in _ipc_v.
_ipc_findkw() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local i
	_ipc_v=
	for ((i = 1; i + 1 < ${#_ipc_w[@]}; i++)); do
		if [ "${_ipc_w[i]}" = "$1" ] && [ "$i" -ne "$_ipc_cw" ] &&
			[ "$((i + 1))" -ne "$_ipc_cw" ]; then
			_ipc_v=${_ipc_w[i + 1]}
			return 0
		fi
	done
	return 1
}

# Offer the values of TYPE ($1).
_ipc_value() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local k
	case $1 in
	dev) _ipc_devs ;;
	master) _ipc_masters master ;;
	vrf) _ipc_masters vrf ;;
	netns) _ipc_netns ;;
	onoff) _ipc_offer value on off ;;
	kind | setkind) _ipc_kinds ;;
	anykind)
		_ipc_kinds
		for k in bridge_slave bond_slave tun; do
			case " $_ipc_kinds_cache " in *" $k "*) ;; *) _ipc_offer kind "$k" ;; esac
		done
		;;
	table) _ipc_tables ;;
	tableall) _ipc_tables; _ipc_offer table all ;;
	proto)
		_ipc_names protocol 'redirect kernel boot static' \
			/etc/iproute2/rt_protos /etc/iproute2/rt_protos.d/*.conf
		;;
	scope)
		_ipc_names scope 'global host link nowhere' \
			/etc/iproute2/rt_scopes /etc/iproute2/rt_scopes.d/*.conf
		;;
	group) _ipc_names group default /etc/iproute2/group ;;
	rtype) _ipc_split ' ' "$_ipc_rtypes"; _ipc_offer type "${_ipc_L[@]}" ;;
	laddr)
		# The family of the prefix on the line, unless -4/-6 said it.
		if [ -z "$_ipc_fam" ]; then
			case $_ipc_posw in *:*) _ipc_fam=-6 ;; *.*) _ipc_fam=-4 ;; esac
		fi
		_ipc_addrs noprefix ""
		;;
	addrdel) _ipc_findkw dev; _ipc_addrs prefix "$_ipc_v" ;;
	adev) _ipc_addrdevs ;;
	rtadd) _ipc_split ' ' "$_ipc_rtypes"; _ipc_offer type "${_ipc_L[@]}"; _ipc_offer route default ;;
	rtdefault) _ipc_offer route default ;;
	rtdel) _ipc_routes ;;
	rtvia) _ipc_routeinfo via gateway ;;
	rtdev) _ipc_routeinfo dev interface ;;
	lft) _ipc_offer value forever ;;
	label) _ipc_findkw dev && _ipc_offer label "$_ipc_v:" ;;
	rpref) _ipc_rprefs ;;
	ipproto) _ipc_split ' ' "$_ipc_ipprotos"; _ipc_offer value "${_ipc_L[@]}" ;;
	nudall) _ipc_offer state all; _ipc_value nud ;;
	nud) _ipc_split ' ' "$_ipc_nud"; _ipc_offer state "${_ipc_L[@]}" ;;
	neighs) _ipc_neighs "" ;;
	nproxy) _ipc_neighs proxy ;;
	ndev) _ipc_neighdevs ;;
	nhid) _ipc_nhids "" ;;
	nhgroup) _ipc_nhids group ;;
	nhbucket) _ipc_nhbuckets ;;
	tuntap) _ipc_tuntaps ;;
	tunmode) _ipc_tunmode ;;
	user) _ipc_passwd /etc/passwd user ;;
	ugroup) _ipc_passwd /etc/group usergroup ;;
	maddrdel) _ipc_maddrs addr ;;
	maddrdev) _ipc_maddrs dev ;;
	file) _ipc_S=files ;;
	=*) _ipc_split , "${1#=}"; _ipc_offer value "${_ipc_L[@]}" ;;
	esac
}

# Walk the words from $1 against grammar $2 and offer what fits at the
# cursor: a keyword's value, or the keywords not used yet (and the
# positional value while it is still missing).
_ipc_walk() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local i=$1 g=$2 pos= used=' ' w it n
	case " $g " in *' @'*) pos=${g#*@}; pos=${pos%% *} ;; esac
	while [ "$i" -lt "$_ipc_cw" ]; do
		w=${_ipc_w[i]}
		if ! _ipc_match "$w" "$g"; then
			# A route type before the prefix is not the prefix.
			case " $_ipc_rtypes " in
			*" $w "*)
				case $pos in
				rtadd) pos=rtdefault; i=$((i + 1)); continue ;;
				rtdel) i=$((i + 1)); continue ;;
				esac
				;;
			esac
			[ -n "$pos" ] && _ipc_posw=$w
			# Keywords that would name the positional value again.
			case $pos in
			dev) used="${used}dev " ;;
			tuntap | tunname) used="${used}dev name " ;;
			neighs | naddr) used="${used}proxy to " ;;
			esac
			pos=
			i=$((i + 1))
			continue
		fi
		used="$used$_ipc_k "
		# "dev X" stands for the positional device ("name X" for the
		# tun/tap name, "proxy X" and "to X" for the neighbour).
		case $_ipc_k:$pos in
		dev:dev | dev:tun* | name:tun* | proxy:n* | to:n*) pos= ;;
		esac
		case $_ipc_a in
		'') i=$((i + 1)); continue ;;
		nh) g=$_ipc_g_nh; used=' '; i=$((i + 1)); continue ;;
		peer) g=$_ipc_g_linkpeer; used=' '; pos=; i=$((i + 1)); continue ;;
		-2) n=2 ;;
		*) n=1 ;;
		esac
		# "via [ FAMILY ] ADDRESS"
		if [ "$_ipc_k" = via ]; then
			case ${_ipc_w[i + 1]} in inet | inet6 | link | mpls | bridge) n=2 ;; esac
		fi
		if [ $((i + n)) -ge "$_ipc_cw" ]; then
			[ "$_ipc_a" = -2 ] || _ipc_value "$_ipc_a"
			return
		fi
		case $_ipc_a in
		kind | setkind)
			# After "type KIND" the rest belongs to the kind.
			eval "g=\${_ipc_g_k_${_ipc_w[i + 1]//[^a-z0-9_]/_}-}"
			used=' '
			pos=
			;;
		esac
		i=$((i + 1 + n))
	done
	[ -n "$pos" ] && _ipc_value "$pos"
	_ipc_split ' ' "$g"
	for it in "${_ipc_L[@]}"; do
		it=${it%%:*}
		case $it in @* | \~*) continue ;; esac
		case $it in
		+*) it=${it#+} it=${it#!} ;;
		*)
			it=${it#!}
			case $used in *" $it "*) continue ;; esac
			;;
		esac
		_ipc_offer keyword "$it"
	done
}

# "{ DEVICE | dev DEVICE | group GROUP }" at word $1, then grammar $2.
_ipc_devfirst() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local i=$1
	if [ "$i" -eq "$_ipc_cw" ]; then
		_ipc_devs
		_ipc_offer keyword dev group
		return
	fi
	case ${_ipc_w[i]} in
	dev | group)
		if [ $((i + 1)) -eq "$_ipc_cw" ]; then
			if [ "${_ipc_w[i]}" = dev ]; then _ipc_devs; else _ipc_value group; fi
			return
		fi
		i=$((i + 2))
		;;
	*) i=$((i + 1)) ;;
	esac
	_ipc_walk "$i" "$2"
}

_ipc_link() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	case $1 in
	add) _ipc_walk "$2" "$_ipc_g_linkadd" ;;
	set | change) _ipc_devfirst "$2" "$_ipc_g_linkset" ;;
	delete) _ipc_devfirst "$2" "$_ipc_g_linkdel" ;;
	show | lst | list) _ipc_walk "$2" "$_ipc_g_linkshow" ;;
	help) [ "$2" -eq "$_ipc_cw" ] && _ipc_kinds ;;
	esac
}

_ipc_address() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	case $1 in
	add | change | chg | replace) _ipc_walk "$2" "$_ipc_g_addradd" ;;
	delete) _ipc_walk "$2" "$_ipc_g_addrdel" ;;
	list | show | lst | flush | save) _ipc_walk "$2" "$_ipc_g_addrshow" ;;
	esac
}

_ipc_route() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local g
	case $1 in
	delete)
		# via and dev: those of the routes to the destination given.
		g=${_ipc_g_route/!via:-/!via:rtvia}
		_ipc_walk "$2" "@rtdel ${g/!dev:dev/!dev:rtdev}"
		;;
	add | change | chg | replace | prepend | append | test)
		_ipc_walk "$2" "@rtadd $_ipc_g_route" ;;
	list | show | lst | flush | save) _ipc_walk "$2" "$_ipc_g_routeshow" ;;
	get) _ipc_walk "$2" "$_ipc_g_routeget" ;;
	esac
}

_ipc_rule() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	case $1 in
	add) _ipc_walk "$2" "${_ipc_g_rulepref//:rpref/:-} $_ipc_g_rule" ;;
	delete) _ipc_walk "$2" "$_ipc_g_rulepref $_ipc_g_rule" ;;
	list | lst | show | flush) _ipc_walk "$2" "$_ipc_g_rulepref $_ipc_g_rulelist" ;;
	esac
}

_ipc_neigh() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local g
	case $1 in
	add | change | chg | replace) _ipc_walk "$2" "@naddr $_ipc_g_neighadd" ;;
	delete)
		# The neighbours there are, and the devices they are on.
		g=${_ipc_g_neighadd/proxy:-/proxy:nproxy}
		_ipc_walk "$2" "@neighs ${g/!dev:dev/!dev:ndev}"
		;;
	get) _ipc_walk "$2" '@neighs proxy:nproxy !dev:ndev ~!to:-' ;;
	list | show | lst | flush) _ipc_walk "$2" "$_ipc_g_neighshow" ;;
	esac
}

_ipc_nexthop() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local i=$2 b
	case $1 in
	add) _ipc_walk "$i" "$_ipc_g_nhadd" ;;
	replace) _ipc_walk "$i" "${_ipc_g_nhadd/!id:-/!id:nhid}" ;;
	get | delete) _ipc_walk "$i" '!id:nhid' ;;
	list | show | lst | flush) _ipc_walk "$i" "$_ipc_g_nhshow" ;;
	bucket)
		if [ "$i" -eq "$_ipc_cw" ]; then
			_ipc_offer verb get list show
			return
		fi
		for b in list show lst get ''; do
			case $b in "${_ipc_w[i]}"*) break ;; esac
		done
		case $b in
		get) _ipc_walk $((i + 1)) '!id:nhid !index:nhbucket' ;;
		?*) _ipc_walk $((i + 1)) '!id:nhid !nhid:nhid dev:dev vrf:vrf master:master' ;;
		esac
		;;
	esac
}

_ipc_tunnel() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	case $1 in
	prl) _ipc_walk "$2" "$_ipc_g_tunnelprl" ;;
	6rd) _ipc_walk "$2" "$_ipc_g_tunnel6rd" ;;
	help) ;;
	*) _ipc_walk "$2" "@- $_ipc_g_tunnel" ;;
	esac
}

_ipc_tuntap() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local g
	case $1 in
	add) _ipc_walk "$2" "@tunname $_ipc_g_tuntap" ;;
	delete)
		g=${_ipc_g_tuntap/dev:-/dev:tuntap}
		g=${g/mode:=tun,tap/mode:tunmode}
		_ipc_walk "$2" "@tuntap ${g/name:-/name:tuntap}"
		;;
	esac
}

_ipc_maddr() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	case $1 in
	add) _ipc_walk "$2" '@- !dev:dev' ;;
	delete) _ipc_walk "$2" '@maddrdel !dev:maddrdev' ;;
	list | show | lst) _ipc_walk "$2" '@dev !dev:dev' ;;
	esac
}

_ipc_netns_verb() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local i=$2 cmd
	case $1 in
	delete | pids | set)
		[ "$i" -eq "$_ipc_cw" ] && _ipc_netns
		[ "$1" = set ] && [ $((i + 1)) -eq "$_ipc_cw" ] && _ipc_offer value auto
		;;
	attach) [ $((i + 1)) -eq "$_ipc_cw" ] && _ipc_S=pids ;;
	identify) [ "$i" -eq "$_ipc_cw" ] && _ipc_S=pids ;;
	list-id) _ipc_walk "$i" 'target-nsid:- nsid:-' ;;
	exec)
		# ip -all netns exec CMD: no name.
		cmd=$((i + 1))
		[ -n "$_ipc_all" ] && cmd=$i
		if [ "$_ipc_cw" -lt "$cmd" ]; then
			_ipc_netns
			return
		fi
		_ipc_S="cmd $cmd"
		# The words of an ip run there are completed inside that netns.
		[ -z "$_ipc_all" ] && _ipc_nsnext=${_ipc_w[i]}
		;;
	esac
}

# Global options up to the object; returns the object's index in _ipc_i.
_ipc_options() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local i=1 w
	while [ "$i" -lt "$_ipc_cw" ]; do
		w=${_ipc_w[i]}
		case $w in --*) w=${w#-} ;; -*) ;; *) break ;; esac
		# -r alone is -resolve; -rcvbuf needs "-rc".
		_ipc_match "${w%%=*}" "$_ipc_gopts" || { i=$((i + 1)); continue; }
		case $_ipc_k in
		-4) _ipc_fam=-4 ;;
		-6) _ipc_fam=-6 ;;
		-all) _ipc_all=1 ;;
		esac
		if [ -n "$_ipc_a" ]; then
			if [ $((i + 1)) -eq "$_ipc_cw" ]; then
				_ipc_value "$_ipc_a"
				return 1
			fi
			case $_ipc_k in
			-netns) _ipc_ns=${_ipc_w[i + 1]} ;;
			-batch) return 1 ;;
			-family) case ${_ipc_w[i + 1]} in inet) _ipc_fam=-4 ;; inet6) _ipc_fam=-6 ;; esac ;;
			esac
			i=$((i + 1))
		fi
		i=$((i + 1))
	done
	_ipc_i=$i
	if [ "$i" -eq "$_ipc_cw" ]; then
		case $_ipc_cur in
		-*=*) _ipc_offer option "${_ipc_cur%%=*}=always" "${_ipc_cur%%=*}=auto" "${_ipc_cur%%=*}=never" ;;
		-*)
			_ipc_split ' ' "$_ipc_gopts"
			_ipc_L=("${_ipc_L[@]%%:*}")
			_ipc_offer option "${_ipc_L[@]}" -help
			;;
		*) _ipc_split ' ' "$_ipc_ours"; _ipc_offer object "${_ipc_L[@]}" ;;
		esac
		return 1
	fi
	return 0
}

# The engine's entry point.
_ipc_run() {
	[ -z "$ZSH_VERSION" ] || emulate -L ksh
	local _ipc_ns=$_ipc_nsnext _ipc_fam= _ipc_all= _ipc_i _ipc_k _ipc_a _ipc_v _ipc_posw=
	local _ipc_bin=${_ipc_w[0]} obj verb i g
	local -a _ipc_L
	_ipc_R=() _ipc_T=() _ipc_S= _ipc_nsnext=
	case $_ipc_bin in
	'') _ipc_bin=ip ;;
	'~/'*) _ipc_bin=$HOME/${_ipc_bin#'~/'} ;;
	esac
	_ipc_options || return 0
	i=$_ipc_i
	_ipc_split ' ' "$_ipc_objects"
	for obj in "${_ipc_L[@]}"; do
		case $obj in "${_ipc_w[i]}"*) break ;; esac
	done
	# One set of verbs for the spellings of an object.
	case $obj in neighbour) obj=neighbor ;; tap) obj=tuntap ;; esac
	case " $_ipc_ours " in *" $obj "*) ;; *) return 0 ;; esac
	[ "$obj" != help ] || return 0
	i=$((i + 1))
	if [ "$obj" = monitor ]; then
		_ipc_walk "$i" "$_ipc_g_monitor"
		return 0
	fi
	if [ "$i" -eq "$_ipc_cw" ]; then
		eval "g=\$_ipc_offer_$obj"
		_ipc_split ' ' "$g"
		_ipc_offer verb "${_ipc_L[@]}"
		return 0
	fi
	eval "g=\$_ipc_verbs_$obj"
	_ipc_split ' ' "$g"
	for verb in "${_ipc_L[@]}" ''; do
		case $verb in "${_ipc_w[i]}"*) break ;; esac
	done
	[ -n "$verb" ] || return 0
	case $obj in
	link) _ipc_link "$verb" $((i + 1)) ;;
	address) _ipc_address "$verb" $((i + 1)) ;;
	route) _ipc_route "$verb" $((i + 1)) ;;
	netns) _ipc_netns_verb "$verb" $((i + 1)) ;;
	rule) _ipc_rule "$verb" $((i + 1)) ;;
	neighbor) _ipc_neigh "$verb" $((i + 1)) ;;
	nexthop) _ipc_nexthop "$verb" $((i + 1)) ;;
	tuntap) _ipc_tuntap "$verb" $((i + 1)) ;;
	maddress) _ipc_maddr "$verb" $((i + 1)) ;;
	tunnel) _ipc_tunnel "$verb" $((i + 1)) ;;
	esac
	return 0
}
# ---- ENGINE END ----

# Split COMP_LINE ourselves: bash's COMP_WORDS breaks words at ':' and '=',
# which cuts IPv6 addresses and -color=... apart.  Quotes and backslashes
# are removed; _ipc_ws holds where each word starts, _ipc_q the quote still
# open at the cursor, _ipc_raw the typed text of the current word.
_ipc_lex() {
	local line=$1 point=$2 n=${#1} i c q= w= inw=0 start=0
	_ipc_w=() _ipc_ws=() _ipc_cw=-1 _ipc_cur= _ipc_q= _ipc_raw=
	for ((i = 0; i <= n; i++)); do
		if ((i == point && _ipc_cw < 0)); then
			_ipc_cw=${#_ipc_w[@]}
			if ((inw)); then
				_ipc_cur=$w _ipc_q=$q _ipc_raw=${line:start:i-start}
			else
				_ipc_w+=('') _ipc_ws+=("$i")
			fi
		fi
		((i < n)) || break
		c=${line:i:1}
		if [[ -n $q ]]; then
			if [[ $c == "$q" ]]; then
				q=
			elif [[ $q == '"' && $c == '\' && ${line:i+1:1} == [\"\\\$\`] ]]; then
				((i++))
				w+=${line:i:1}
			else
				w+=$c
			fi
			continue
		fi
		case $c in
		' ' | $'\t' | $'\n')
			((inw)) && _ipc_w+=("$w") _ipc_ws+=("$start")
			w= inw=0
			continue
			;;
		esac
		((inw)) || start=$i
		inw=1
		case $c in
		\\) ((i + 1 < n)) && ((i++)) && w+=${line:i:1} ;;
		\' | \") q=$c ;;
		*) w+=$c ;;
		esac
	done
	((inw)) && _ipc_w+=("$w") _ipc_ws+=("$start")
	return 0
}

# Complete our words $1.. as a command line of their own (ip netns exec NS
# CMD ...), with bash-completion's _command_offset when it is loaded.
_ipc_bash_command() {
	local target=${_ipc_ws[$1]} line=$COMP_LINE k pos=0 cmd spec func cur
	# bash splits COMP_WORDS more finely (at ':' and '='): find the index
	# of the COMP_WORDS word that starts where our word $1 does.
	for ((k = 0; k < ${#COMP_WORDS[@]}; k++)); do
		while [[ ${line:pos:1} == [[:space:]] ]]; do ((pos++)); done
		((pos >= target)) && break
		((pos += ${#COMP_WORDS[k]}))
	done
	if declare -F _command_offset >/dev/null; then
		_command_offset "$k"
		return
	fi
	# Without it: command names, else the command's -F function, else files.
	COMP_LINE=${COMP_LINE:pos}
	((COMP_POINT -= pos))
	COMP_WORDS=("${COMP_WORDS[@]:k}")
	((COMP_CWORD -= k))
	cmd=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
	if ((COMP_CWORD == 0)); then
		mapfile -t COMPREPLY < <(compgen -c -- "$cur")
		return
	fi
	spec=$(complete -p "$cmd" 2>/dev/null || complete -p "${cmd##*/}" 2>/dev/null)
	if [[ $spec == *' -F '* ]]; then
		func=${spec#* -F }
		func=${func%% *}
		"$func" "$cmd" "$cur" "${COMP_WORDS[COMP_CWORD - 1]}"
		return
	fi
	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_ip_complete() {
	# What the user's shell options would change is set back for us: set -f
	# (no globs), set -u (unset is an error), failglob, a custom IFS.  "local
	# -" restores the set options on return.
	local - IFS=$' \t\n' fg=
	set +f +u
	shopt -q failglob && fg=1 && shopt -u failglob
	_ipc_bash_main "$@"
	[[ -z $fg ]] || shopt -s failglob
	return 0
}

_ipc_bash_main() {
	local -a _ipc_w _ipc_ws _ipc_R _ipc_T _ipc_L
	local _ipc_cw _ipc_cur _ipc_q _ipc_raw _ipc_S r out pre=
	# Set by the engine for "ip netns exec NS ip ...": inherited by the
	# nested completion of that ip through this local.
	local _ipc_nsnext=$_ipc_nsnext
	COMPREPLY=()
	_ipc_lex "$COMP_LINE" "$COMP_POINT"
	_ipc_run
	case $_ipc_S in
	files)
		if declare -F _filedir >/dev/null; then
			local cur=$_ipc_cur
			_filedir
		else
			compopt -o filenames 2>/dev/null
			mapfile -t COMPREPLY < <(compgen -f -- "$_ipc_cur")
		fi
		return
		;;
	pids)
		# Process ids, from bash-completion or straight from /proc.
		if declare -F _pids >/dev/null; then
			local cur=$_ipc_cur
			_pids
		else
			local p
			for p in /proc/[0-9]*; do
				[[ ${p#/proc/} == "$_ipc_cur"* ]] && COMPREPLY+=("${p#/proc/}")
			done
		fi
		return
		;;
	cmd\ *)
		_ipc_bash_command "${_ipc_S#cmd }"
		return
		;;
	esac
	# readline replaces only the text after the last ':' or '=' (when they
	# break words) unless a quote is open: drop that part of each match.
	if [[ -z $_ipc_q ]]; then
		pre=${_ipc_raw%[:=]*}
		[[ $pre == "$_ipc_raw" ]] && pre= || pre+=${_ipc_raw:${#pre}:1}
		[[ -n $pre && $COMP_WORDBREAKS != *"${pre: -1}"* ]] && pre=
	fi
	printf -v r %s "${_ipc_R[@]}"
	if [[ -z $_ipc_cur && $r != *[^A-Za-z0-9_./:@%+,=-]* ]]; then
		COMPREPLY=("${_ipc_R[@]}")	# the usual case, without a loop
	else
		for r in "${_ipc_R[@]}"; do
			[[ $r == "$_ipc_cur"* ]] || continue
			out=$r
			if [[ -z $_ipc_q && $r == *[^A-Za-z0-9_./:@%+,=-]* ]]; then
				printf -v out %q "$r"
			fi
			COMPREPLY+=("${out:${#pre}}")
		done
	fi
	# An unfinished "-color=" or "label dev:" goes on without a space.
	if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *: ]]; then
		compopt -o nospace 2>/dev/null
	fi
	return 0
}

complete -F _ip_complete ip
