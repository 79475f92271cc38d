#!/bin/bash
# Growth: the same listings with 1,000 and then 10,000 links (veth pairs, an
# IPv4 address on one side of each).  A linear implementation takes about 10x
# longer at 10k; a lookup of one device by name should not grow at all.
. "$(dirname "$0")/lib.sh"

# grow FROM TO: veth pairs vFROM..vTO-1 / wFROM..wTO-1, address on v side.
grow() {
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i < b; i++)
		printf "link add v%d type veth peer name w%d\n", i, i }' >"$WORK/g.batch"
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i < b; i++)
		printf "addr add 172.%d.%d.%d/32 dev v%d\n", 16 + int(i / 65536),
			int(i / 256) % 256, i % 256, i }' >>"$WORK/g.batch"
	"$REF" -batch "$WORK/g.batch" || exit 1
	# New links leave the kernel busy for a while (freeing, notifying):
	# measured at once, the 10k listings paid for that, in every column.
	sleep 3
}

declare -A T
at_scale() {	# NAME: measure the four listings, remember the walls
	local n="$1" c
	for c in "link" "link show dev v250" "addr" "addr show dev v250"; do
		measure "$REPS" $c
		T[$n,$c,0]=${W[0]} T[$n,$c,1]=${W[1]} T[$n,$c,2]=${W[2]}
		row "scale-$n-${c// /-}" "\`ip $c\`, $n links" \
			"$(fmt_ms "${W[0]}")" "$(fmt_ms "${W[1]}")" \
			"$(fmt_ms "${W[2]}")" "$(ratio "${W[0]}" "${W[1]}")" - - "$SAME"
		log "ip $c at $n: ours ${W[0]} ref ${W[1]} bb ${W[2]} ($SAME)"
	done
}

growth_rows() {
	local c max g=() k
	for c in "link:11" "link show dev v250:2" "addr:11" "addr show dev v250:2"; do
		max=${c##*:} c=${c%:*}
		for k in 0 1 2; do
			g[k]=$(ratio "${T[10k,$c,$k]}" "${T[1k,$c,$k]}")
		done
		row "growth-${c// /-}" "\`ip $c\` growth 1k -> 10k links" \
			"${g[0]}x" "${g[1]}x" "${g[2]}x" - "<= ${max}x" \
			"$(check "${g[0]} <= $max")" -
	done
}

log "scale: building 1,000 links"
grow 0 500
at_scale 1k
log "scale: growing to 10,000 links"
grow 500 5000
at_scale 10k
growth_rows

# Output is buffered: far fewer write(2) calls than links.
wr=()
for k in 0 1 2; do wr[k]=$(writes "${IMPLS[k]}" link); done
row writes "\`ip link\`, 10k links: write(2) calls" "${wr[0]}" "${wr[1]}" \
	"${wr[2]}" "$(ratio "${wr[0]}" "${wr[1]}")" "< 1 per 10 links" \
	"$(check "${wr[0]} * 10 < 10000")" -

# Without -s nobody needs statistics: ours must not ask for them.
strace -f -e trace=sendto -s 256 -v -o "$WORK/req" "$OURS" link >/dev/null
if grep -q RTM_GETSTATS "$WORK/req" || ! grep -q RTEXT_FILTER_SKIP_STATS "$WORK/req"; then
	v=FAIL
else
	v=PASS
fi
mask() { grep -o 'IFLA_EXT_MASK}, [A-Z_|]*' "$1" | head -1 | sed 's/.*, //;s/RTEXT_FILTER_//g'; }
strace -f -e trace=sendto -s 256 -v -o "$WORK/req.ref" "$REF" link >/dev/null
strace -f -e trace=sendto -s 256 -v -o "$WORK/req.bb" "$BB" link >/dev/null
row nostats "\`ip link\` request: IFLA_EXT_MASK" "$(mask "$WORK/req")" \
	"$(mask "$WORK/req.ref")" "$(mask "$WORK/req.bb")" - \
	"SKIP_STATS, no RTM_GETSTATS" "$v" -
