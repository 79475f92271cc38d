# Shared by the tutorial tests: load ../helpers first, then this file.
#
# Each tutorial's commands run verbatim, in order, in one script.  The script
# runs twice, each time in a fresh sandbox: with our ip, then with the
# reference.  Inside the sandbox the chosen ip is bind-mounted over
# /usr/bin/ip (private mount namespace), so every way a tutorial reaches `ip`
# (PATH, sudo, `ip netns exec ... ip`, dhclient-script) gets the one under
# test.  tests/tutorials/bin comes first in PATH: stand-ins for sudo (we are
# root), ping (bounded), dnsmasq and dhclient (files kept in the test's
# directory) and ovs-vsctl (a Linux bridge; see that file).

TUT_BIN="$HELPERS_DIR/tutorials/bin"

# TUT_SETUP (exported), if set, runs first in the sandbox, its output in
# setup.log of the run's directory (e.g. tests/vm/ovs.bats starts Open
# vSwitch there).  TUT_BIN may be set after loading this file.
#
# tut_run 'script': sets $ours and $ref (stdout and stderr merged, each
# command shown as written, after "+ "; see step.bash), and $ours_rc / $ref_rc.
tut_run() {
	local script="$1" t="$BATS_TEST_TMPDIR" which bin rc
	for which in ours ref; do
		if [ "$which" = ours ]; then bin="$IP"; else bin="$REF_IP"; fi
		mkdir -p "$t/$which"
		# The kernel tears the previous sandbox's namespaces down in the
		# background; pinging through a fresh bridge while it does loses
		# the first flows for many seconds now and then (either ip; tutorial
		# 002, use cases 1 and 5).  Let it finish first.
		sleep 3
		# fd 9 holds the sandbox's network namespace: bash execs a script's
		# last command in place, and when that is "ip netns exec t1 ...",
		# nothing else would keep the namespace (and the veth peers in
		# t1 and t2) alive while the command runs.
		sandbox "$which" bash -c '
			exec 9</proc/self/ns/net
			mount --bind "$1" /usr/bin/ip || exit 97
			export PATH="$2:$PATH" TUT_TMP="$3"
			cd "$3" || exit 97
			if [ -n "$TUT_SETUP" ]; then
				eval "$TUT_SETUP" >setup.log 2>&1 || exit 96
			fi
			exec bash -c "$(cat "$2/../step.bash")
$4"' tut "$bin" "$TUT_BIN" "$t/$which" "$script" \
			>"$t/$which.out" 2>&1 && rc=0 || rc=$?
		echo "$rc" >"$t/$which.rc"
		tut_kill_daemons "$t/$which"
	done
	# TUT_SHOW=1 bats ...: print our run while developing a test.
	[ -z "$TUT_SHOW" ] || cat "$t/ours.out" >&3
	ours=$(cat "$t/ours.out"); ours_rc=$(cat "$t/ours.rc")
	ref=$(cat "$t/ref.out"); ref_rc=$(cat "$t/ref.rc")
}

# Daemons a tutorial started (dnsmasq, dhclient) keep their namespace alive:
# the scripts kill them at their end; this is the safety net.
tut_kill_daemons() {
	local f
	for f in "$1"/*.pid; do
		# gone already (the script's own trap): not an error
		[ -f "$f" ] && { kill "$(cat "$f")" 2>/dev/null || true; }
	done
	return 0
}

# tut_diff [SED-EXPR]: our run and the reference's must print the same, after
# helpers' normalize (MACs, lifetimes) and the optional sed expression.
tut_diff() {
	local t="$BATS_TEST_TMPDIR" f
	sed -e "$HINT_SED" "$t/ours.out" >"$t/ours.hintless"
	cp "$t/ref.out" "$t/ref.hintless"
	for f in ours ref; do
		normalize <"$t/$f.hintless" | sed -e "s/ tentative / /" \
			-e "s/MAC[0-9]*/MAC/g" -e "${1:-s/^\$//}" >"$t/$f.n"
	done
	if ! diff -u "$t/ref.n" "$t/ours.n"; then
		echo "(reference vs ours; exit status ref=$ref_rc ours=$ours_rc)"
		return 1
	fi
	[ "$ours_rc" = "$ref_rc" ]
}

# has 'text': our run printed this line fragment (fixed string).
has() {
	grep -qF -- "$1" "$BATS_TEST_TMPDIR/ours.out" || {
		echo "missing from our run: $1"
		return 1
	}
}

# The one documented difference a tutorial meets: for "ip netns t1 cmd"
# (exec forgotten) we add a "Did you mean" line under the reference's error
# (README, differences; differences.bats checks it).  tut_diff drops it.
HINT_SED='/^Did you mean "ip netns exec /d'
