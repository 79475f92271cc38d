#!/bin/bash
# Policy rules at scale: `ip rule` with 1,000 and 10,000 rules (time and
# peak memory, and how both grow), then `ip rule flush` of 1,000 and 10,000,
# each run in a namespace of its own made for it.  The reference's flush
# leaves rules behind at this size (the kernel's dump skips as many rules as
# were deleted under it); the rows say how many each left.
. "$(dirname "$0")/lib.sh"

# rules FROM TO: batch lines adding rules FROM..TO-1 (prefs 1000 up).
rules() {
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i < b; i++)
		printf "rule add from 10.%d.%d.0/24 table %d pref %d\n",
			int(i / 256), i % 256, 100 + i % 50, 1000 + i }'
}
rules 0 1000 >"$WORK/rules-1k.batch"
rules 0 10000 >"$WORK/rules-10k.batch"
rules 1000 10000 >"$WORK/rules-grow.batch"

declare -A T
list_rows() {	# N: the listings at this size
	local n="$1" c
	for c in "rule" "-j rule"; do
		timed_row "rules-$n-${c// /-}" "\`ip $c\`, $n rules" "$REPS" 1.0 $c
		T[$n,$c,w]=${W[0]} T[$n,$c,wr]=${W[1]} T[$n,$c,m]=${RSS[0]} T[$n,$c,mr]=${RSS[1]}
	done
	row "rules-$n-rss" "\`ip rule\`, $n rules: peak memory" "${RSS[0]} KiB" \
		"${RSS[1]} KiB" "${RSS[2]} KiB" "$(ratio "${RSS[0]}" "${RSS[1]}")" - - -
}

log "rules: 1,000"
"$REF" -batch "$WORK/rules-1k.batch" || exit 1
list_rows 1k
log "rules: 10,000"
"$REF" -batch "$WORK/rules-grow.batch" || exit 1
list_rows 10k
g=$(ratio "${T[10k,rule,w]}" "${T[1k,rule,w]}")
gr=$(ratio "${T[10k,rule,wr]}" "${T[1k,rule,wr]}")
row rules-growth "\`ip rule\` growth 1k -> 10k rules" "${g}x" "${gr}x" - - \
	"<= 11x" "$(check "$g <= 11")" -
dm=$((T[10k,rule,m] - T[1k,rule,m]))
row rules-rss-growth "\`ip rule\` peak memory growth 1k -> 10k rules" \
	"$dm KiB" "$((T[10k,rule,mr] - T[1k,rule,mr])) KiB" - - "< 256 KiB" \
	"$(check "$dm < 256")" -

# flush_once N IMPL: one flush of N rules in a new namespace; prints tm's
# "0 wall user sys rss code cpu" and then the rules it left.
flush_once() {
	unshare --net sh -c '"$1" -batch "$2" >/dev/null || exit 1
		"$3" 1 "$4" "$5" -- rule flush
		echo "left $("$1" rule | wc -l)"' sh "$REF" "$WORK/rules-$1.batch" \
		"$TM" "$WORK/m" "$2"
}

declare -A F
FLUSH_REPS=5
median_of() {	# KEY (w, c or m) IMPL: the median over the repetitions
	for ((r = 0; r < FLUSH_REPS; r++)); do echo "${F[$2,$r,$1]}"; done |
		sort -n | sed -n "$(((FLUSH_REPS + 1) / 2))p"
}

flush_rows() {	# N
	local n="$1" r k a b e c w=() m=() cpu=() left=()
	for ((r = 0; r < FLUSH_REPS; r++)); do
		for k in $((r % 2)) $(((r + 1) % 2)); do
			while read -r a b _ _ e _ c; do
				if [ "$a" = left ]; then left[k]=$((b - 1)); else
					F[$k,$r,w]=$b F[$k,$r,m]=$e F[$k,$r,c]=$c; fi
			done < <(mkdir -p "$WORK/m" && flush_once "$n" "${IMPLS[k]}")
		done
	done
	for k in 0 1; do
		w[k]=$(median_of w $k) m[k]=$(median_of m $k) cpu[k]=$(median_of c $k)
	done
	T[flush,$n,w]=${w[0]} T[flush,$n,m]=${m[0]} T[flush,$n,c]=${cpu[0]}
	row "rules-flush-$n" "\`ip rule flush\`, $n rules (rules left: ours ${left[0]}, iproute2 ${left[1]})" \
		"$(fmt_ms "${w[0]}")" "$(fmt_ms "${w[1]}")" n/a \
		"$(ratio "${w[0]}" "${w[1]}") (cpu $(ratio "${cpu[0]}" "${cpu[1]}"))" \
		"<= 1.00x, none left" "$(check "${w[0]} <= ${w[1]} && ${left[0]} == 0")" -
	row "rules-flush-$n-rss" "\`ip rule flush\`, $n rules: peak memory" \
		"${m[0]} KiB" "${m[1]} KiB" n/a "$(ratio "${m[0]}" "${m[1]}")" - - -
	log "rule flush $n: wall ${w[0]}/${w[1]} cpu ${cpu[0]}/${cpu[1]} rss ${m[0]}/${m[1]} left ${left[0]}/${left[1]}"
}

log "rules: flush"
flush_rows 1k
flush_rows 10k
# CPU time (user + sys) decides: the wall time of a delete also waits for
# the rtnl lock, which every other process making namespaces takes.
g=$(ratio "${T[flush,10k,c]}" "${T[flush,1k,c]}")
gw=$(ratio "${T[flush,10k,w]}" "${T[flush,1k,w]}")
dm=$((T[flush,10k,m] - T[flush,1k,m]))
row rules-flush-growth "\`ip rule flush\` growth 1k -> 10k rules (cpu; wall; peak memory)" \
	"${g}x; ${gw}x; +$dm KiB" - - - "cpu <= 11x; < 256 KiB" \
	"$(check "$g <= 11 && $dm < 256")" -
