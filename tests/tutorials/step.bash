# Sourced at the top of every tutorial script (see tut.bash).
#
# Each top-level command is printed as written ("+ command") before it runs.
# A person typing a tutorial is slow; a script is not: link state changes
# reach operstate through the kernel's linkwatch, which may hold them back
# for up to a second.  So when a link was set up, the next command that
# looks at state first waits 1.5 s, or two runs would differ by timing.
tut_dirty=
tut_step() {
	local c="$BASH_COMMAND"
	case "$c" in
	*" set "*|*" add "*|*" del"*|*ovs-vsctl*|*ping*|*dhclient*|*dnsmasq*|\
	*sysctl*|*iptables*|*"ifconfig "*|sleep*|:*|trap*|cat*|echo*) ;;
	*) [ -n "$tut_dirty" ] && sleep 1.5 && tut_dirty= ;;
	esac
	case "$c" in
	*" up"|*" up "*|*" up"$'\n'*|*ovs-vsctl*) tut_dirty=1 ;;
	esac
	printf '+ %s\n' "$c"
}
trap tut_step DEBUG
