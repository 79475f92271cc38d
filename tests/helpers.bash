# Shared by every .bats file: load it with `load helpers` (or `load ../helpers`).
#
#   IP            our binary (default: ip/ip of this tree)
#   REF_IP        the reference (default: /bin/ip, iproute2)
#   IP_WRAPPER    e.g. "valgrind -q --error-exitcode=99" for make check-valgrind

HELPERS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$HELPERS_DIR/.." && pwd)"
IP="${IP:-$REPO_DIR/ip/ip}"
REF_IP="${REF_IP:-/bin/ip}"

# A directory holding an `ip` that runs the given binary.
_make_bindir() {
	local dir="$1" bin="$2"
	mkdir -p "$dir"
	if [ -n "$IP_WRAPPER" ] && [ "$bin" = "$IP" ]; then
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$IP_WRAPPER" "$bin" >"$dir/ip"
		chmod +x "$dir/ip"
	else
		ln -sf "$bin" "$dir/ip"
	fi
}

# bindir_for ours|ref: the PATH entry that makes `ip` mean that implementation.
bindir_for() {
	local d="$BATS_RUN_TMPDIR/bin-$1"
	if [ ! -e "$d/ip" ]; then
		# Tests run some commands as an unprivileged user (setpriv): the
		# run's directory (bats makes it 0700) must let them reach our ip,
		# or PATH falls through to /bin/ip and the reference is compared
		# with itself.
		mkdir -p "$BATS_RUN_TMPDIR" && chmod 711 "$BATS_RUN_TMPDIR"
		if [ "$1" = ours ]; then _make_bindir "$d" "$IP"; else _make_bindir "$d" "$REF_IP"; fi
	fi
	echo "$d"
}

need_root() {
	[ "$(id -u)" = 0 ] || skip "needs root for network namespaces"
	unshare --net --mount true 2>/dev/null || skip "cannot create namespaces here"
}

need_ref() {
	[ -x "$REF_IP" ] || skip "reference iproute2 ($REF_IP) is not installed"
}

# sandbox [ours|ref] CMD...: run CMD in a fresh net+mount namespace, `ip` = ours.
sandbox() {
	local which=ours
	case "$1" in ours|ref) which="$1"; shift ;; esac
	# Without our binary, PATH would find the reference and compare it
	# with itself.
	[ -x "$IP" ] || { echo "IP=$IP is not executable (run make)" >&2; return 1; }
	SANDBOX_BIN="$(bindir_for "$which")" \
		unshare --net --mount --propagation private -- "$HELPERS_DIR/sandbox.sh" "$@"
}

# sh_in_sandbox [ours|ref] 'script': the script under /bin/sh -e-less.
sh_in_sandbox() {
	local which=ours
	case "$1" in ours|ref) which="$1"; shift ;; esac
	# Without our binary, PATH would find the reference and compare it
	# with itself.
	[ -x "$IP" ] || { echo "IP=$IP is not executable (run make)" >&2; return 1; }
	sandbox "$which" /bin/sh -c "$1"
}

# Kernel-chosen values that differ between two runs (the regexes spell out
# repetitions: Debian's mawk has no {n} intervals): random MACs (and the
# EUI-64 link-local addresses and bridge ids made from them), lifetimes
# counting down, timers.  Each distinct MAC becomes MAC1, MAC2, ... in order
# of first appearance, so the structure of the output is still compared.
normalize() {
	awk '
	function mapmac(m) { if (!(m in macs)) macs[m] = "MAC" (++nmac); return macs[m] }
	{
		line = $0; out = ""
		# bridge ids first: their bytes are not zero-padded (8000.2:0:a:..)
		gsub(/[0-9a-f]+\.[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:[0-9a-f]+/, "BRIDGEID", line)
		while (match(line, /[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]/)) {
			m = substr(line, RSTART, RLENGTH)
			if (m != "00:00:00:00:00:00" && m != "ff:ff:ff:ff:ff:ff" && m !~ /^(01:00:5e|33:33|01:80:c2)/)
				m = mapmac(m)
			out = out substr(line, 1, RSTART - 1) m
			line = substr(line, RSTART + RLENGTH)
		}
		line = out line
		gsub(/fe80::[0-9a-f:]+/, "fe80::EUI64", line)
		gsub(/valid_lft [0-9]+sec/, "valid_lft LFT", line)
		gsub(/preferred_lft [0-9]+sec/, "preferred_lft LFT", line)
		gsub(/_timer +[0-9]+\.[0-9]+/, "_timer T", line)
		gsub(/_timer": ?[0-9]+\.[0-9]+/, "_timer\":T", line)
		# neighbour timers (ip -s neigh): seconds since used/confirmed/updated
		gsub(/ used [0-9]+\/[0-9]+\/[0-9]+/, " used T/T/T", line)
		gsub(/"used": ?[0-9]+/, "\"used\":T", line)
		gsub(/"confirmed": ?[0-9]+/, "\"confirmed\":T", line)
		gsub(/"updated": ?[0-9]+/, "\"updated\":T", line)
		gsub(/expires [0-9]+sec/, "expires Nsec", line)
		gsub(/"expires": ?[0-9]+/, "\"expires\":0", line)
		gsub(/"(valid_life_time|preferred_life_time)": ?[0-9]+/, "\"LFT\":0", line)
		print line
	}'
}

# diff_ip 'script': run the script with our ip and with the reference, each in
# a fresh sandbox, and require identical (normalized) stdout, stderr and exit
# status.  Sets $output to the unified diff on failure.
diff_ip() {
	need_root
	need_ref
	local script="$1" t="$BATS_TEST_TMPDIR"
	sh_in_sandbox ours "$script" >"$t/ours.out" 2>"$t/ours.err"
	echo "rc=$?" >>"$t/ours.err"
	sh_in_sandbox ref "$script" >"$t/ref.out" 2>"$t/ref.err"
	echo "rc=$?" >>"$t/ref.err"
	local f
	for f in ours.out ours.err ref.out ref.err; do
		normalize <"$t/$f" >"$t/$f.n"
	done
	local bad=0
	diff -u "$t/ref.out.n" "$t/ours.out.n" >"$t/diff.out" || bad=1
	diff -u "$t/ref.err.n" "$t/ours.err.n" >"$t/diff.err" || bad=1
	if [ "$bad" = 1 ]; then
		# the differences first: CI's summary keeps a failure's first lines
		echo "--- stdout (ref vs ours)"; cat "$t/diff.out"
		echo "--- stderr+rc (ref vs ours)"; cat "$t/diff.err"
		echo "script: $script"
		return 1
	fi
}

# diff_ip_each 'setup' 'cmd1' 'cmd2' ...: each command after the same setup,
# all in one sandbox per implementation (fast for many small commands).
diff_ip_each() {
	local setup="$1" script="$1" c
	shift
	for c in "$@"; do
		# %q: a command with quotes in it still echoes as one word
		script="$script
echo $(printf %q "### $c"); $c; echo \"### rc=\$?\"; echo '### rc' >&2"
	done
	diff_ip "$script"
}

# The kernel here lacks some link kinds; tests for them skip, saying why.
need_kind() {
	sandbox ours sh -c "$REF_IP link add probe0 type $1 >/dev/null 2>&1" ||
		skip "kernel has no $1 support"
}

# The requests each command sends, of the message types in REQ_TYPES
# (default RTM_NEWLINK/DELLINK/NEWLINKPROP/DELLINKPROP; sequence numbers and
# port ids masked; the reference's 32-byte capability probe skipped).
REQ_PY='
import os, re, sys
types = [int(t) for t in os.environ.get("REQ_TYPES", "16 17 108 109").split()]
msgs = []
for line in sys.stdin:
    m = re.match(r"^ \| ([0-9a-f]{5})  (.{1,49})", line)
    if not m:
        continue
    if int(m.group(1), 16) == 0:
        msgs.append(bytearray())
    msgs[-1].extend(bytes.fromhex("".join(t for t in m.group(2).split() if re.fullmatch("[0-9a-f]{2}", t))))
# A datagram may hold several messages (a flush batch) and, from the
# reference, zeros past the last one (its buffer): one line per message.
for d in msgs:
    while len(d) >= 16:
        n = int.from_bytes(d[0:4], "little")
        if n < 16:
            break
        b, d = d[:n], d[(n + 3) & ~3:]
        if len(b) > 32 and int.from_bytes(b[4:6], "little") in types:
            b[8:16] = bytes(8)
            print(b.hex())
'

# diff_requests 'setup' 'args' ...: each "ip args" under strace, ours vs ref.
# (LeakSanitizer cannot run under ptrace: leaks are checked by the others.)
diff_requests() {
	command -v strace >/dev/null || skip "strace is needed to capture requests"
	command -v python3 >/dev/null || skip "python3 is needed to decode requests"
	local script="$1
export REQ_TYPES='${REQ_TYPES:-16 17 108 109}'
cat >$BATS_TEST_TMPDIR/req.py <<'PYEOF'
$REQ_PY
PYEOF" a
	shift
	for a in "$@"; do
		script="$script
echo '### ip $a'
ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -e trace=sendmsg,sendto -e write=all -s 65535 ip $a 2>&1 >/dev/null | python3 $BATS_TEST_TMPDIR/req.py"
	done
	diff_ip "$script"
}
