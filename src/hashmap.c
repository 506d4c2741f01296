/* String-keyed hash map with open addressing and linear probing. Used for
 * stopword sets, abbreviations and the word cache's long words; and the
 * tables whose slots hold their short keys (pcs_inline_table). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* FNV-1a, 32 bit (Fowler, Noll and Vo): short keys (words) dominate, and
 * for them it is as fast as anything and distributes well enough. */
uint32_t pcs_hash(const char *s, size_t len)
{
    uint32_t h = PCS_HASH_BASIS;
    for (size_t i = 0; i < len; i++)
        h = pcs_hash_byte(h, (unsigned char)s[i]);
    return h;
}

void pcs_map_init(pcs_map *map)
{
    memset(map, 0, sizeof *map);
}

static bool rehash(pcs_map *map, size_t cap)
{
    pcs_map_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < map->cap; i++) {
        const pcs_map_slot *s = &map->slots[i];
        if (s->key)
            slots[pcs_map_slot_of(slots, cap, s->key, s->len, s->hash)] = *s;
    }
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
    return true;
}

bool pcs_map_put(pcs_map *map, const char *key, size_t len, uint32_t hash,
                 uint32_t value)
{
    if (len > UINT32_MAX)
        return false;
    /* Keep the load factor under 1/2: probes stay short. */
    if ((map->count + 1) * 2 > map->cap) {
        size_t cap = map->cap ? map->cap * 2 : 64;
        if (cap > SIZE_MAX / sizeof(pcs_map_slot) || !rehash(map, cap))
            return false;
    }
    size_t i = pcs_map_slot_of(map->slots, map->cap, key, len, hash);
    if (!map->slots[i].key)
        map->count++;
    map->slots[i] = (pcs_map_slot){key, (uint32_t)len, hash, value};
    return true;
}

void pcs_map_clear(pcs_map *map)
{
    if (map->slots)
        memset(map->slots, 0, map->cap * sizeof *map->slots);
    map->count = 0;
}

void pcs_map_free(pcs_map *map)
{
    free(map->slots);
    pcs_map_init(map);
}

bool pcs_inline_room(pcs_inline_table *t, size_t size, size_t key_at, size_t first)
{
    if ((t->count + 1) * 4 <= t->cap * 3)
        return true;
    pcs_inline_table grown = {.cap = t->cap ? t->cap * 2 : first, .count = t->count};
    grown.slots = calloc(grown.cap, size);
    if (!grown.slots)
        return false;
    for (size_t i = 0; i < t->cap; i++) {
        const char *s = t->slots + i * size;
        uint8_t len = (uint8_t)s[sizeof(uint32_t)];
        if (len)
            memcpy(pcs_inline_slot(&grown, size, key_at, s + key_at, len, pcs_inline_hash(s)), s,
                   size);
    }
    free(t->slots);
    *t = grown;
    return true;
}
