# ip/usage.txt -> ip/usage_text.h (out=.h: the text ids) or ip/usage_text.c
# (out=.c: the texts packed).  POSIX awk; LC_ALL=C.
#
# Packing is byte-pair encoding: the most frequent pair of adjacent codes
# becomes one new code, again and again; lib/usage.c expands a code back
# through the pair table.  Ties go to the pair that reached the count
# first, in text order, so that every awk gives the same bytes.  Codes:
# 0 ends a text, 1..95 are ' '..'~', 96 '\n', 97 '\t', 98..255 pairs.
BEGIN {
	for (i = 32; i < 127; i++)
		code[sprintf("%c", i)] = i - 31
	code["\n"] = 96
	code["\t"] = 97
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
		print_packed(pack())
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
	for (p = 98; p < 256; p++) {
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

function print_packed(npairs,   i, line) {
	print "/* Generated from ip/usage.txt by ip/usage.awk: do not edit. */"
	print "#include \"usage.h\""
	print ""
	printf "_Static_assert(%d < USAGE_MAX, \"a text of ip/usage.txt is longer than USAGE_MAX\");\n", longest
	print ""
	print "const unsigned char usage_pairs[][2] = {"
	for (i = 98; i < 98 + npairs; i++)
		printf "\t{ %d, %d },\n", left[i], right[i]
	print "};"
	print ""
	print "const unsigned char usage_packed[] = {"
	line = "\t"
	for (i = 1; i <= n; i++) {
		if (length(line) + length(s[i]) > 72) {
			print line
			line = "\t"
		}
		line = line s[i] ","
		if (i < n)
			line = line " "
	}
	print line
	print "};"
}
