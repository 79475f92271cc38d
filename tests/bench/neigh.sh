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

declare -A T M
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
		row "neigh-$n-${c// /}" "\`ip $c\`, $n neighbours" \
			"$(fmt_ms "${W[0]}")" "$(fmt_ms "${W[1]}")" \
			"$(fmt_ms "${W[2]}")" "$(ratio "${W[0]}" "${W[1]}")" \
			"<= 1x" "$(check "$(ratio "${W[0]}" "${W[1]}") <= 1")" "$SAME"
		log "ip $c at $n: ours ${W[0]} ref ${W[1]} ($SAME)"
	done
}

# flush_walls IMPL N REPS: median wall (us) and peak memory (KiB) of
# "ip neigh flush dev v0 nud all" over N fresh entries, REPS times.
flush_walls() {
	local impl="$1" n="$2" reps="$3" r w=() m=() k wall u s rss
	for ((r = 0; r < reps; r++)); do
		fill 0 "$n"
		read -r k wall u s rss _ < <("$TM" 1 "$WORK" "$impl" -- \
			neigh flush dev v0 nud all)
		w+=("$wall") m+=("$rss")
		# (IPv6 multicast entries stay: they are NOARP, never flushed)
		[ "$("$REF" -4 neigh show dev v0 nud all | wc -l)" = 0 ] || {
			log "flush by $impl left entries"; echo "- -"; return; }
	done
	echo "$(printf '%s\n' "${w[@]}" | sort -n | awk '{ a[NR] = $1 }
		END { print a[int((NR + 1) / 2)] }') $(printf '%s\n' "${m[@]}" | sort -n | tail -1)"
}

log "neigh: one veth, 1,000 permanent neighbours"
ip link add v0 type veth peer name v1 && ip link set v0 up && ip link set v1 up ||
	exit 1
fill 0 1000
at_scale 1k
log "neigh: 10,000 permanent neighbours"
fill 1000 10000
at_scale 10k

for c in "neigh" "-j neigh"; do
	g0=$(ratio "${T[10k,$c,0]}" "${T[1k,$c,0]}")
	g1=$(ratio "${T[10k,$c,1]}" "${T[1k,$c,1]}")
	row "neigh-growth-${c// /}" "\`ip $c\` growth 1k -> 10k neighbours" \
		"${g0}x" "${g1}x" n/a - "<= 11x" "$(check "$g0 <= 11")" -
done
# Streamed: 10x the entries, (nearly) the same peak memory.
row neigh-rss "\`ip neigh\` peak memory, 1k -> 10k neighbours" \
	"${M[1k,neigh]} -> ${M[10k,neigh]} KiB" - n/a - "grows < 256 KiB" \
	"$(check "${M[10k,neigh]} - ${M[1k,neigh]} < 256")" -

reps=$REPS
declare -A F
for n in 1000 10000; do
	read -r F[$n,0] F[$n,m0] < <(flush_walls "$OURS" $n $reps)
	read -r F[$n,1] F[$n,m1] < <(flush_walls "$REF" $n $reps)
	row "neigh-flush-$n" "\`ip neigh flush dev v0 nud all\`, $n neighbours" \
		"$(fmt_ms "${F[$n,0]}")" "$(fmt_ms "${F[$n,1]}")" n/a \
		"$(ratio "${F[$n,0]}" "${F[$n,1]}")" "<= 1.1x" \
		"$(check "$(ratio "${F[$n,0]}" "${F[$n,1]}") <= 1.1")" -
	log "flush $n: ours ${F[$n,0]}us ${F[$n,m0]}KiB ref ${F[$n,1]}us ${F[$n,m1]}KiB"
done
g0=$(ratio "${F[10000,0]}" "${F[1000,0]}")
g1=$(ratio "${F[10000,1]}" "${F[1000,1]}")
row neigh-flush-growth "\`ip neigh flush\` growth 1k -> 10k neighbours" \
	"${g0}x" "${g1}x" n/a - "<= 11x" "$(check "$g0 <= 11")" -
row neigh-flush-rss "\`ip neigh flush\` peak memory, 10k neighbours" \
	"${F[10000,m0]} KiB" "${F[10000,m1]} KiB" n/a \
	"$(ratio "${F[10000,m0]}" "${F[10000,m1]}")" "<= iproute2's" \
	"$(check "${F[10000,m0]} <= ${F[10000,m1]}")" -
