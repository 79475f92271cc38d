#!/bin/bash
# State-changing batches, each run in a fresh sandbox per implementation and
# repetition (alternating which goes first): 100,000 `route add`, 1,000
# `netns add` then `netns delete`, 10,000 `link add`.  busybox ip has no
# -batch (nor netns), so its column is n/a.  Runs on the host side only to
# start sandboxes; everything that changes state happens inside them.
. "$(dirname "$0")/lib.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
: "${BATCH_REPS:=3}"

awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "route add 10.%d.%d.%d/32 dev v1 table 100\n",
		100 + int(i / 65536), int(i / 256) % 256, i % 256 }' >"$WORK/routes.batch"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "netns add ns%d\n", i }' >"$WORK/netns-add.batch"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "netns delete ns%d\n", i }' >"$WORK/netns-del.batch"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "link add i%d type ifb\n", i }' >"$WORK/links.batch"

in_sandbox() {
	SANDBOX_BIN= unshare --net --mount --propagation private -- \
		"$HERE/../sandbox.sh" "$@"
}

declare -A S	# S[kind,step,impl] = "wall user rss" lines, one per rep
run_kind() {
	local kind="$1" r k impl step line
	for ((r = 0; r < BATCH_REPS; r++)); do
		for k in $((r % 2)) $(((r + 1) % 2)); do
			impl=${IMPLS[k]} step=0
			while read -r _ w u s m c _; do
				[ "$c" = 0 ] || log "$kind: ${impl} exited $c"
				S[$kind,$step,$k]+="$w $u $m"$'\n'
				step=$((step + 1))
			done < <(in_sandbox "$HERE/fresh.sh" "$kind" "$impl")
		done
		# Let the kernel finish tearing the namespaces down before the
		# next run, so one run's cleanup does not land on another.
		sleep 2
	done
}

med() {	# lines of "wall user rss" -> median of column $2
	awk -v c="$2" 'NF { print $c }' <<<"$1" | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

batch_rows() {	# id label kind step rssmax
	local id="$1" label="$2" kind="$3" step="$4" rssmax="$5" w0 w1 u0 u1 m0 m1 v
	w0=$(med "${S[$kind,$step,0]}" 1) w1=$(med "${S[$kind,$step,1]}" 1)
	u0=$(med "${S[$kind,$step,0]}" 2) u1=$(med "${S[$kind,$step,1]}" 2)
	m0=$(med "${S[$kind,$step,0]}" 3) m1=$(med "${S[$kind,$step,1]}" 3)
	row "$id-wall" "$label: wall" "$(fmt_ms "$w0")" "$(fmt_ms "$w1")" n/a \
		"$(ratio "$w0" "$w1")" "<= 1.00x" "$(check "$w0 <= $w1")" -
	row "$id-user" "$label: user CPU" "$(fmt_ms "$u0")" "$(fmt_ms "$u1")" n/a \
		"$(ratio "$u0" "$u1")" - - -
	if [ -n "$rssmax" ]; then
		row "$id-rss" "$label: peak memory" "$m0 KiB" "$m1 KiB" n/a \
			"$(ratio "$m0" "$m1")" "< $rssmax KiB" "$(check "$m0 < $rssmax")" -
	fi
	log "$label: wall $w0/$w1 user $u0/$u1 rss $m0/$m1"
}

# ir_rows ID LABEL KIND: instructions of ours and iproute2, one run each.
ir_rows() {
	local id="$1" label="$2" kind="$3" k step v=() lines
	for k in 0 1; do
		step=0
		while read -r _ n; do
			v[step * 2 + k]=$n
			step=$((step + 1))
		done < <(in_sandbox "$HERE/fresh.sh" "ir-$kind" "${IMPLS[k]}")
	done
	for ((step = 0; step * 2 < ${#v[@]}; step++)); do
		lines=$label
		[ "$kind" = netns ] && lines=$([ $step = 0 ] && echo "$label add" || echo "$label delete")
		row "$id-ir$step" "$lines: user-space instructions" \
			"${v[step * 2]}" "${v[step * 2 + 1]}" n/a \
			"$(ratio "${v[step * 2]}" "${v[step * 2 + 1]}")" "< iproute2" \
			"$(check "${v[step * 2]} < ${v[step * 2 + 1]}")" -
		log "$lines: instructions ${v[step * 2]} / ${v[step * 2 + 1]}"
	done
}

log "batch: 100,000 route add"
run_kind routes
batch_rows b-routes "\`-batch\` 100,000 \`route add\`" routes 0 8192
ir_rows b-routes "\`-batch\` 10,000 \`route add\`" routes
log "batch: 1,000 netns add / delete"
run_kind netns
batch_rows b-nsadd "\`-batch\` 1,000 \`netns add\`" netns 0
batch_rows b-nsdel "\`-batch\` 1,000 \`netns delete\`" netns 1
ir_rows b-ns "\`-batch\` 1,000 \`netns\`" netns
log "batch: 10,000 link add"
run_kind links
batch_rows b-links "\`-batch\` 10,000 \`link add ... type ifb\`" links 0
ir_rows b-links "\`-batch\` 10,000 \`link add ... type ifb\`" links
