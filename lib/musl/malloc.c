/* malloc() for the musl build, which lets a program replace it.  musl's
 * own (mallocng: 9 KB) is built for long-running, multi-threaded programs;
 * ip is one thread that lives for milliseconds, so this one is plain:
 * blocks of 32 bytes to 64 KiB in powers of two, carved from 256 KiB
 * mappings and kept on one free list per size for reuse (a dump that
 * streams reuses the same few blocks, so memory stays flat); anything
 * bigger is a mapping of its own, grown with mremap.  Every block has a
 * 16-byte header (its size, its list) and is 16-byte aligned. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HDR 16
#define MIN_SHIFT 5
#define MAX_SHIFT 16
#define ARENA (256 << 10)
#define OWN_MAPPING 0	/* the list number of a block mapped on its own */

static size_t *free_list[MAX_SHIFT + 1];
static char *arena_pos, *arena_end;

static void *map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* A header: h[0] is the block's whole size, h[1] its list (or OWN_MAPPING). */
static void *big_block(size_t n)
{
	size_t len, *h;

	if (n > PTRDIFF_MAX - 4096 - HDR)
		return NULL;
	len = (n + HDR + 4095) & ~(size_t)4095;
	h = map(len);
	if (!h)
		return NULL;
	h[0] = len;
	h[1] = OWN_MAPPING;
	return h + 2;
}

static void *small_block(size_t n)
{
	unsigned int k = MIN_SHIFT;
	size_t *h;

	while (((size_t)1 << k) - HDR < n)
		k++;
	h = free_list[k];
	if (h) {
		free_list[k] = *(size_t **)(h + 2);
	} else {
		if ((size_t)(arena_end - arena_pos) < (size_t)1 << k) {
			arena_pos = map(ARENA);
			if (!arena_pos)
				return NULL;
			arena_end = arena_pos + ARENA;
		}
		h = (size_t *)arena_pos;
		arena_pos += (size_t)1 << k;
	}
	h[0] = (size_t)1 << k;
	h[1] = k;
	return h + 2;
}

/* malloc() and calloc() both call this, never each other: GCC (-O2 and
 * up) turns a call of malloc() followed by a memset() to zero into a call of
 * calloc(), which inside calloc() itself recursed until the stack ran out. */
static void *block(size_t n)
{
	void *p = n > ((size_t)1 << MAX_SHIFT) - HDR ? big_block(n) :
						       small_block(n);

	if (!p)
		errno = ENOMEM;
	return p;
}

void *malloc(size_t n)
{
	return block(n);
}

void free(void *p)
{
	size_t *h = (size_t *)p - 2;

	if (!p)
		return;
	if (h[1] == OWN_MAPPING) {
		munmap(h, h[0]);
		return;
	}
	*(size_t **)p = free_list[h[1]];
	free_list[h[1]] = h;
}

void *calloc(size_t m, size_t n)
{
	void *p;

	if (n && m > SIZE_MAX / n) {
		errno = ENOMEM;
		return NULL;
	}
	p = block(m * n);
	/* A big block is a fresh mapping, zero already: writing zeros would
	 * only fault in pages nobody may touch (most of a link table). */
	if (p && ((size_t *)p)[-1] != OWN_MAPPING)
		memset(p, 0, m * n);
	return p;
}

void *realloc(void *p, size_t n)
{
	size_t *h = (size_t *)p - 2, cap, len;
	void *q;

	if (!p)
		return malloc(n);
	cap = h[0] - HDR;
	if (n <= cap)
		return p;
	if (h[1] == OWN_MAPPING && n <= PTRDIFF_MAX - 4096 - HDR) {
		len = (n + HDR + 4095) & ~(size_t)4095;
		h = mremap(h, h[0], len, MREMAP_MAYMOVE);
		if (h == MAP_FAILED) {
			errno = ENOMEM;
			return NULL;
		}
		h[0] = len;
		return h + 2;
	}
	q = malloc(n);
	if (q) {
		memcpy(q, p, cap);
		free(p);
	}
	return q;
}
