#!/bin/bash
# Neighbours at scale: 1,000 and then 10,000 entries on one veth, listed
# (text, -s, -j) and flushed.  They are permanent entries: the kernel's
# gc_thresh3 (1,024 by default, a host-wide setting a namespace cannot
# change) bounds only the entries it may collect, not permanent ones.
# Listing and flushing must grow linearly and stream (flat memory).
. "$(dirname "$0")/lib.sh"

# fill FROM TO: permanent entries 10.128.0.0 + i, i in [FROM, TO).
fill() {
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i < b; i++)
		printf "neigh replace 10.%d.%d.%d lladdr 02:00:00:%02x:%02x:%02x dev v0\n",
			128 + int(i / 65536), int(i / 256) % 256, i % 256,
			int(i / 65536), int(i / 256) % 256, i % 256 }' >"$WORK/n.batch"
	"$REF" -batch "$WORK/n.batch" || exit 1
}

declare -A T M C
at_scale() {	# N: time the listings with N entries, remember walls and memory
	local n="$1" c
	for c in "neigh" "-s neigh" "-j neigh"; do
		measure "$REPS" $c
		# -s timers are seconds since each entry was used: they tick
		# between the two runs
		[ "$c" = "-s neigh" ] && SAME=$(cmp -s \
			<(sed 's/used [0-9/]*/used T/' "$WORK/last.ours") \
			<(sed 's/used [0-9/]*/used T/' "$WORK/last.ref") &&
			echo "=" || echo DIFFERS)
		T[$n,$c,0]=${W[0]} T[$n,$c,1]=${W[1]} M[$n,$c]=${RSS[0]}
		C[$n,$c,0]=${CPU[0]} C[$n,$c,1]=${CPU[1]}
		row "neigh-$n-${c// /}" "\`ip $c\`, $n neighbours" \
			"$(fmt_ms "${W[0]}")" "$(fmt_ms "${W[1]}")" \
			"$(fmt_ms "${W[2]}")" "$(ratio "${W[0]}" "${W[1]}")" \
			"<= 1x" "$(check "$(ratio "${W[0]}" "${W[1]}") <= 1")" "$SAME"
		log "ip $c at $n: ours ${W[0]} ref ${W[1]} ($SAME)"
	done
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# flush_runs N REPS: "ip neigh flush dev v0 nud all" over N fresh entries,
# ours and iproute2's in turn, REPS times each.  Prints per implementation
# (0 ours, 1 iproute2) the median wall and CPU (us) and the peak memory.
flush_runs() {
	local n="$1" reps="$2" r k i wall u s rss rc cpu
	local -a w0 w1 c0 c1 m0 m1
	for ((r = 0; r < reps; r++)); do
		for i in 0 1; do
			k=$(( (r + i) % 2 ))	# who goes first alternates
			fill 0 "$n"
			read -r _ wall u s rss rc cpu < <("$TM" 1 "$WORK" \
				"${IMPLS[k]}" -- neigh flush dev v0 nud all)
			# (IPv6 multicast entries stay: NOARP, never flushed)
			[ "$("$REF" -4 neigh show dev v0 nud all | wc -l)" = 0 ] ||
				log "flush by ${IMPLS[k]} left entries"
			eval "w$k+=($wall) c$k+=($cpu) m$k+=($rss)"
		done
	done
	for k in 0 1; do
		eval 'echo "$(printf "%s\n" "${w'$k'[@]}" | median)" \
			"$(printf "%s\n" "${c'$k'[@]}" | median)" \
			"$(printf "%s\n" "${m'$k'[@]}" | sort -n | tail -1)"'
	done
}

log "neigh: one veth, 1,000 permanent neighbours"
ip link add v0 type veth peer name v1 && ip link set v0 up && ip link set v1 up ||
	exit 1
fill 0 1000
at_scale 1k
log "neigh: 10,000 permanent neighbours"
fill 1000 10000
at_scale 10k

# Growth in CPU time (user + sys, the kernel's dump included): walls of a
# few milliseconds on a shared machine swing by more than the growth.
for c in "neigh" "-j neigh"; do
	g0=$(ratio "${C[10k,$c,0]}" "${C[1k,$c,0]}")
	g1=$(ratio "${C[10k,$c,1]}" "${C[1k,$c,1]}")
	row "neigh-growth-${c// /}" "\`ip $c\` CPU growth 1k -> 10k neighbours" \
		"${g0}x" "${g1}x" n/a - "<= 11x" "$(check "$g0 <= 11")" -
done
# Streamed: 10x the entries, (nearly) the same peak memory.
row neigh-rss "\`ip neigh\` peak memory, 1k -> 10k neighbours" \
	"${M[1k,neigh]} -> ${M[10k,neigh]} KiB" - n/a - "grows < 256 KiB" \
	"$(check "${M[10k,neigh]} - ${M[1k,neigh]} < 256")" -

declare -A F
for n in 1000 10000; do
	{ read -r F[$n,0] F[$n,c0] F[$n,m0]; read -r F[$n,1] F[$n,c1] F[$n,m1]; } \
		< <(flush_runs $n "$REPS")
	row "neigh-flush-$n" "\`ip neigh flush dev v0 nud all\`, $n neighbours" \
		"$(fmt_ms "${F[$n,0]}")" "$(fmt_ms "${F[$n,1]}")" n/a \
		"$(ratio "${F[$n,0]}" "${F[$n,1]}") (cpu $(ratio "${F[$n,c0]}" "${F[$n,c1]}"))" \
		"<= 1.1x" "$(check "$(ratio "${F[$n,0]}" "${F[$n,1]}") <= 1.1")" -
	log "flush $n: ours ${F[$n,0]}us ${F[$n,m0]}KiB ref ${F[$n,1]}us ${F[$n,m1]}KiB"
done
# The kernel's deletes dominate a flush: ours must grow as iproute2's does.
g0=$(ratio "${F[10000,c0]}" "${F[1000,c0]}")
g1=$(ratio "${F[10000,c1]}" "${F[1000,c1]}")
row neigh-flush-growth "\`ip neigh flush\` CPU growth 1k -> 10k neighbours" \
	"${g0}x" "${g1}x" n/a "$(ratio "$g0" "$g1")" "<= 11x or iproute2's" \
	"$(check "$g0 <= 11 || $g0 <= $g1 * 1.1")" -
row neigh-flush-rss "\`ip neigh flush\` peak memory, 10k neighbours" \
	"${F[10000,m0]} KiB" "${F[10000,m1]} KiB" n/a \
	"$(ratio "${F[10000,m0]}" "${F[10000,m1]}")" "<= iproute2's" \
	"$(check "${F[10000,m0]} <= ${F[10000,m1]}")" -
