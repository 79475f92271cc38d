/* lib/musl/malloc.c and lib/libc/qsort.c, built under other names and driven hard:
 * random malloc/calloc/realloc/free of 0 bytes to 300 KB on 2,000 slots,
 * each block filled with its own pattern and checked before it changes
 * (overlap, a lost copy in realloc, a calloc not zeroed, misalignment);
 * then qsort on random arrays against a plain insertion sort.  Exit status
 * 1 on the first fault. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *small_malloc(size_t n);
void *small_calloc(size_t m, size_t n);
void *small_realloc(void *p, size_t n);
void small_free(void *p);
void small_qsort(void *base, size_t n, size_t size,
		 int (*cmp)(const void *, const void *));

#define SLOTS 2000
static unsigned char *blk[SLOTS];
static size_t len[SLOTS];

static int fail(const char *what, long i)
{
	printf("fault: %s at step %ld\n", what, i);
	return 1;
}

static int intact(int k)
{
	size_t j;

	for (j = 0; j < len[k]; j++)
		if (blk[k][j] != (unsigned char)(k * 31 + j))
			return 0;
	return 1;
}

static void fill(int k, size_t from)
{
	size_t j;

	for (j = from; j < len[k]; j++)
		blk[k][j] = (unsigned char)(k * 31 + j);
}

static size_t rnd_size(void)
{
	switch (rand() % 8) {
	case 0: return 0;
	case 1: return rand() % 300000;
	case 2: return rand() % 70000;
	default: return rand() % 600;
	}
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000000;
	static int a[3000], b[3000];

	srand(1);
	for (i = 0; i < n; i++) {
		int k = rand() % SLOTS, op = rand() % 4;
		size_t m = rnd_size(), j;

		if (blk[k] && !intact(k))
			return fail("block changed under us", i);
		if (op == 0 || !blk[k]) {
			small_free(blk[k]);
			blk[k] = op == 1 ? small_calloc(1, m) : small_malloc(m);
			if (!blk[k])
				return fail("no memory", i);
			if (op == 1)
				for (j = 0; j < m; j++)
					if (blk[k][j])
						return fail("calloc not zeroed", i);
			len[k] = m;
			fill(k, 0);
		} else if (op == 2) {
			blk[k] = small_realloc(blk[k], m);
			if (!blk[k])
				return fail("no memory", i);
			len[k] = len[k] < m ? len[k] : m;
			if (!intact(k))
				return fail("realloc lost the contents", i);
			len[k] = m;
			fill(k, 0);
		} else {
			small_free(blk[k]);
			blk[k] = NULL;
			len[k] = 0;
		}
		if (blk[k] && (uintptr_t)blk[k] % 16)
			return fail("block not 16-byte aligned", i);
	}
	for (i = 0; i < 2000; i++) {
		int m = rand() % 3000, x, y, t;

		for (x = 0; x < m; x++)
			a[x] = b[x] = rand() % (i & 1 ? 50 : 100000);
		small_qsort(a, m, sizeof(int), cmp_int);
		for (x = 1; x < m; x++)	/* insertion sort: the oracle */
			for (y = x; y > 0 && b[y - 1] > b[y]; y--)
				t = b[y], b[y] = b[y - 1], b[y - 1] = t;
		if (memcmp(a, b, m * sizeof(int)))
			return fail("qsort order", i);
	}
	printf("ok\n");
	return 0;
}
