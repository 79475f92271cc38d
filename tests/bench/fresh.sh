#!/bin/bash
# fresh.sh KIND IMPL: one timed run of a state-changing batch in the brand new
# sandbox this script was started in.  Prints tm's line(s) for IMPL:
#   0 wall_us user_us sys_us rss_kb exit_code
. "$(dirname "$0")/lib.sh"

kind="$1" impl="$2"
d="$WORK/fresh.$$"
mkdir -p "$d"
# "ir-KIND": user-space instructions of the batch (valgrind), the stable
# measure of its CPU cost; routes use the first 10,000 lines (valgrind).
case "$kind" in
ir-routes)
	"$REF" link add v1 type veth peer name w1 &&
		"$REF" link set v1 up && "$REF" link set w1 up || exit 1
	head -10000 "$WORK/routes.batch" >"$d/r.batch"
	echo "0 $(ir "$impl" -batch "$d/r.batch")"
	;;
ir-netns)
	echo "0 $(ir "$impl" -batch "$WORK/netns-add.batch")"
	echo "0 $(ir "$impl" -batch "$WORK/netns-del.batch")"
	;;
ir-links)
	echo "0 $(ir "$impl" -batch "$WORK/links.batch")"
	;;
routes)
	"$REF" link add v1 type veth peer name w1 &&
		"$REF" link set v1 up && "$REF" link set w1 up || exit 1
	"$TM" 1 "$d" "$impl" -- -batch "$WORK/routes.batch"
	n=$("$REF" route show table 100 | wc -l)
	[ "$n" = 100000 ] || log "routes: $impl left $n routes, not 100000"
	;;
netns)
	"$TM" 1 "$d" "$impl" -- -batch "$WORK/netns-add.batch"
	n=$(ls /run/netns | wc -l)
	[ "$n" = 1000 ] || log "netns: $impl left $n namespaces, not 1000"
	"$TM" 1 "$d" "$impl" -- -batch "$WORK/netns-del.batch"
	;;
links)
	"$TM" 1 "$d" "$impl" -- -batch "$WORK/links.batch"
	n=$("$REF" -o link | wc -l)
	[ "$n" = 10001 ] || log "links: $impl left $n links, not 10001"
	;;
esac
rm -rf "$d"
