# Sourced by every bench phase.  A phase measures some commands with the three
# implementations (ours, iproute2, busybox) and appends rows to $RESULTS:
#
#   id <TAB> scenario <TAB> ours <TAB> iproute2 <TAB> busybox <TAB> ratio
#      <TAB> target <TAB> verdict <TAB> same-output
#
# Environment (set by tests/bench/run): OURS, REF, BB (executables named "ip"),
# TM (the timer), RESULTS, WORK (scratch directory), REPS.

: "${REPS:=11}"
IMPLS=("$OURS" "$REF" "$BB")

log() { printf '%s [bench] %s\n' "$(date -u +%T)" "$*" >&2; }

# fmt_ms MICROSECONDS: milliseconds, 3 significant digits.
fmt_ms() {
	awk -v u="$1" 'BEGIN {
		if (u == "" || u == "-") { print "n/a"; exit }
		ms = u / 1000
		if (ms >= 100) printf "%.0f ms\n", ms
		else if (ms >= 10) printf "%.1f ms\n", ms
		else printf "%.2f ms\n", ms }'
}

# ratio A B: A/B with two decimals, or "-".
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"
		else printf "%.2f\n", a / b }'
}

# check EXPR: PASS when the awk expression over numbers holds, else FAIL.
check() {
	awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL
}

row() {	# id scenario ours ref bb ratio target verdict same
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"
}

# measure REPS ARGS...: time "ip ARGS" with the three implementations,
# alternating.  Sets W[k] (median wall, us), U[k] (median user CPU, us),
# RSS[k] (peak KiB), RC[k] (exit code of the first run) for k = 0 ours,
# 1 iproute2, 2 busybox (busybox values are "-" when it failed: it does not
# support that command), W[3] for our musl build when MUSL is set, WF for the
# kernel floor (floor.c) when FLOOR is set, and SAME ("=" if ours printed
# exactly what iproute2 printed, else "DIFFERS").
measure() {
	local reps="$1" d="$WORK/m" k w u s m c t
	shift
	rm -rf "$d" && mkdir -p "$d"
	W=() U=() RSS=() RC=() CPU=()
	while read -r k w u s m c t; do
		W[k]=$w U[k]=$u RSS[k]=$m RC[k]=$c CPU[k]=$t
	done < <("$TM" "$reps" "$d" "${IMPLS[@]}" ${MUSL:+"$MUSL"} \
		${FLOOR:+"$FLOOR"} -- "$@")
	# the floor program (see floor.c) runs last when a row asks for it
	WF=
	[ -n "${FLOOR:-}" ] && WF=${W[$((${MUSL:+1} + 3))]}
	if [ "${RC[2]}" != 0 ]; then
		W[2]=- U[2]=- RSS[2]=-
	fi
	SAME="="
	cmp -s "$d/out.0" "$d/out.1" || SAME=DIFFERS
	if [ "${RC[0]}" != "${RC[1]}" ]; then SAME="DIFFERS (exit ${RC[0]} vs ${RC[1]})"; fi
	cp "$d/out.0" "$WORK/last.ours"; cp "$d/out.1" "$WORK/last.ref"
}

# timed_row ID "LABEL" REPS MAXRATIO ARGS...: measure and write one row whose
# target is ours/iproute2 median wall time <= MAXRATIO ("-" for none), for
# the glibc build and for the musl build alike.  STARTUP=1 marks a row
# bound by start-up: there the glibc build's own start-up (SU_FLOOR, the
# wall of `ip -V`) is the floor, reported beside it, and only the musl
# build must meet the target.
timed_row() {
	local id="$1" label="$2" reps="$3" max="$4" r rm=- v t cr mr="" vg vm=-
	shift 4
	measure "$reps" "$@"
	r=$(ratio "${W[0]}" "${W[1]}")
	cr=$(ratio "${CPU[0]}" "${CPU[1]}")
	[ -n "$MUSL" ] && rm=$(ratio "${W[3]}" "${W[1]}") && mr="; musl $rm"
	[ -n "$WF" ] && mr="$mr; kernel floor $(ratio "$WF" "${W[1]}")"
	[ -n "${STARTUP:-}" ] && [ -n "${SU_FLOOR:-}" ] &&
		mr="$mr; glibc start-up floor $(fmt_ms "$SU_FLOOR")"
	if [ "$max" = - ]; then
		t=- v=-
	else
		t="<= ${max}x"
		vg=$(check "$r != \"-\" && $r <= $max")
		[ -n "$MUSL" ] && vm=$(check "$rm != \"-\" && $rm <= $max")
		[ "$vg" = FAIL ] && [ -n "${STARTUP:-}" ] && vg="start-up bound"
		if [ "$vg" != FAIL ] && [ "$vm" != FAIL ]; then
			v="PASS (glibc $vg, musl $vm)"
		else
			v="FAIL (glibc $vg, musl $vm)"
		fi
	fi
	row "$id" "$label" "$(fmt_ms "${W[0]}")" "$(fmt_ms "${W[1]}")" \
		"$(fmt_ms "${W[2]}")" "$r (cpu $cr$mr)" "$t" "$v" "$SAME"
	log "$label: ours ${W[0]}us ref ${W[1]}us bb ${W[2]}us musl ${W[3]:-}us ($SAME)"
}

# ir IMPL ARGS...: instructions executed (valgrind callgrind), user space.
ir() {
	local out="$WORK/cg.$$.$RANDOM"
	valgrind --tool=callgrind --callgrind-out-file="$out" "$@" \
		>/dev/null 2>"$out.log"
	awk '/Collected :/ { print $NF }' "$out.log"
	rm -f "$out" "$out.log"
}

# syscalls IMPL ARGS...: total system calls (strace -c -f).
syscalls() {
	strace -f -c -o "$WORK/strace.$$" "$@" >/dev/null 2>&1
	awk '$NF == "total" { print $4 }' "$WORK/strace.$$"
	rm -f "$WORK/strace.$$"
}

# writes IMPL ARGS...: number of write(2) calls to stdout (a pipe).
writes() {
	strace -f -e trace=write,writev -o "$WORK/strace.$$" "$@" | cat >/dev/null
	grep -cE '(^|[ ])writev?\(1,' "$WORK/strace.$$"
	rm -f "$WORK/strace.$$"
}
