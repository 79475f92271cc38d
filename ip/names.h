/* Named numbers shared by several objects (ip/names.c). */
#ifndef IP_NAMES_H
#define IP_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Numbered names with the reference's limits; 0 or -1. */
int rt_table_a2n(const char *s, uint32_t *id);
int rt_proto_a2n(const char *s, uint32_t *id);
int rt_scope_a2n(const char *s, uint32_t *id);
int rt_dsfield_a2n(const char *s, uint32_t *id);
int rt_realms_a2n(const char *s, uint32_t *realms);
/* Route types ("blackhole", ...; rule actions too): name or number. */
int rt_type_a2n(const char *s, uint32_t *type);
const char *rt_type_name(uint32_t type, bool numeric, char *buf, size_t size);
/* -N: the number even where rt_dsfield names it. */
const char *rt_dsfield_name(uint32_t tos, bool numeric, char *buf, size_t size);

/* Neighbour (NUD) states: a name or number for ip neigh's "nud STATE"
 * (0 or -1), and the upper-case name a listing shows for one state bit. */
int nud_state_a2n(const char *s, unsigned int *state);
const char *nud_state_name(unsigned int bit, char *buf);

#endif
