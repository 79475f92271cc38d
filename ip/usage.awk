# ip/usage.txt -> ip/usage_text.h (out=.h: the text ids) or ip/usage_text.c
# (out=.c: the texts packed).  POSIX awk; LC_ALL=C.
#
# Packing is byte-pair encoding: the most frequent pair of adjacent codes
# becomes one new code, again and again; lib/usage.c expands a code back
# through the pair table.  Ties go to the pair that reached the count
# first, in text order, so that every awk gives the same bytes.  Then a
# run of 4 to 13 codes seen before becomes a reference to it (3 bytes).
# Codes: 0 ends a text, 1..95 are ' '..'~', 96 '\n', 97 '\t', 98..245
# pairs, 246..255 references (include/usage.h).
BEGIN {
	for (i = 32; i < 127; i++)
		code[sprintf("%c", i)] = i - 31
	code["\n"] = 96
	code["\t"] = 97
	REF = 246
	n = 0
	ntext = 0
}
ntext == 0 && /^#/ { next }
/^@/ {
	if (ntext)
		end_text()
	name[++ntext] = substr($0, 2)
	if (name[ntext] !~ /^[a-z][a-z0-9_]*$/)
		fail("bad text name \"" name[ntext] "\"")
	start = n
	next
}
{
	if (!ntext)
		fail("text before the first @name line")
	# a line ending in a backslash ends without a newline
	line = /\\$/ ? substr($0, 1, length($0) - 1) : $0 "\n"
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (!(c in code))
			fail("not printable ASCII")
		s[++n] = code[c]
	}
}
END {
	if (failed)
		exit 1
	if (!ntext)
		fail("no texts")
	end_text()
	if (out == ".h")
		print_ids()
	else
		print_packed(pack(), refer())
}

function fail(msg) {
	printf "ip/usage.txt:%d: %s\n", NR, msg >"/dev/stderr"
	failed = 1
	exit 1
}

function end_text() {
	if (n - start > longest)
		longest = n - start
	s[++n] = 0
}

# Pairs the codes 98.. stand for, until no pair occurs 3 times (a pair
# table entry costs 2 bytes): returns how many.
function pack(   p, i, k, prev, previ, best, most, ab, t, j) {
	for (p = 98; p < REF; p++) {
		split("", count)
		best = ""
		most = 2
		prev = ""
		for (i = 1; i < n; i++) {
			if (!s[i] || !s[i + 1])
				continue
			k = s[i] "," s[i + 1]
			# "aaa" holds one "aa" that can be replaced, not two
			if (k == prev && previ == i - 1) {
				prev = ""
				continue
			}
			prev = k
			previ = i
			if (++count[k] > most) {
				most = count[k]
				best = k
			}
		}
		if (best == "")
			break
		split(best, ab, ",")
		left[p] = ab[1] + 0
		right[p] = ab[2] + 0
		j = 0
		for (i = 1; i <= n; i++) {
			if (i < n && s[i] == left[p] && s[i + 1] == right[p]) {
				t[++j] = p
				i++
			} else {
				t[++j] = s[i]
			}
		}
		for (i = 1; i <= j; i++)
			s[i] = t[i]
		n = j
	}
	return p - 98
}

function print_ids(   i) {
	print "/* Generated from ip/usage.txt by ip/usage.awk: do not edit. */"
	print "#ifndef USAGE_TEXT_H"
	print "#define USAGE_TEXT_H"
	print ""
	print "#include \"usage.h\""
	print ""
	print "enum usage_text {"
	for (i = 1; i <= ntext; i++)
		print "\tUSAGE_" toupper(name[i]) ","
	print "\tUSAGE_TEXTS /* how many */"
	print "};"
	print ""
	print "#endif"
}

# The codes s[1..n] into o[1..]: a run of 4 or more that is in o already
# as codes (no reference in it) becomes the code REF + length - 4 and the
# place of that run in o, two bytes base 255 plus 1 (no byte is 0: a 0
# ends a text).  Returns the length of o.
function refer(   i, j, l, k, m, best, from, cand, c, nc) {
	m = 0
	for (i = 1; i <= n; i++) {
		best = 0
		k = s[i] "," s[i + 1] "," s[i + 2] "," s[i + 3]
		nc = k in seen ? split(seen[k], cand, " ") : 0
		for (c = 1; c <= nc; c++) {
			j = cand[c] + 0
			for (l = 0; l < 259 - REF && s[i + l] && j + l < i &&
			     (j + l) in at && s[j + l] == s[i + l]; l++)
				;
			if (l > best) {
				best = l
				from = j
			}
		}
		if (best >= 4) {
			o[++m] = REF + best - 4
			o[++m] = int((at[from] - 1) / 255) + 1
			o[++m] = (at[from] - 1) % 255 + 1
			i += best - 1
			continue
		}
		o[++m] = s[i]
		at[i] = m
		if ((i - 1) in at && (i - 2) in at && (i - 3) in at) {
			k = s[i - 3] "," s[i - 2] "," s[i - 1] "," s[i]
			seen[k] = (k in seen ? seen[k] " " : "") (i - 3)
		}
	}
	return m
}

function print_packed(npairs, m,   i, line) {
	print "/* Generated from ip/usage.txt by ip/usage.awk: do not edit. */"
	print "#include \"usage.h\""
	print ""
	printf "_Static_assert(%d < USAGE_MAX, \"a text of ip/usage.txt is longer than USAGE_MAX\");\n", longest
	printf "_Static_assert(USAGE_REF == %d, \"ip/usage.awk and lib/usage.c differ\");\n", REF
	print ""
	print "const unsigned char usage_pairs[][2] = {"
	for (i = 98; i < 98 + npairs; i++)
		printf "\t{ %d, %d },\n", left[i], right[i]
	print "};"
	print ""
	print "const unsigned char usage_packed[] = {"
	line = "\t"
	for (i = 1; i <= m; i++) {
		if (length(line) + length(o[i]) > 72) {
			print line
			line = "\t"
		}
		line = line o[i] ","
		if (i < m)
			line = line " "
	}
	print line
	print "};"
}
