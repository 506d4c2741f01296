/* Folder listings for every command that walks folders (batch, model
 * build, eval, bench/speed): one listing, one order, one way to fail. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* d_type and DT_* in struct dirent (glibc, musl, BSDs) */

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static unsigned char entry_type(const struct dirent *de)
{
#ifdef DT_UNKNOWN
    switch (de->d_type) {
    case DT_DIR: return CLI_ENTRY_DIR;
    case DT_REG: return CLI_ENTRY_REG;
    case DT_LNK: return CLI_ENTRY_LNK;
    case DT_UNKNOWN: return CLI_ENTRY_UNKNOWN;
    default: return CLI_ENTRY_OTHER;
    }
#else
    (void)de;
    return CLI_ENTRY_UNKNOWN;
#endif
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const cli_dir_entry *)a)->name, ((const cli_dir_entry *)b)->name);
}

void cli_dir_free(cli_dir_entry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(entries[i].name);
    free(entries);
}

int cli_dir_list(const char *dir, cli_dir_entry **out, size_t *n_out, int *read_errno)
{
    *out = NULL;
    *n_out = 0;
    *read_errno = 0;
    DIR *d = opendir(dir);
    if (!d)
        return errno ? errno : EIO;
    cli_dir_entry *es = NULL;
    size_t n = 0, cap = 0;
    int code = 0;
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de) {
            *read_errno = errno;
            break;
        }
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            cli_dir_entry *ne = nc < SIZE_MAX / sizeof *ne ? realloc(es, nc * sizeof *ne) : NULL;
            if (!ne) {
                code = ENOMEM;
                break;
            }
            es = ne;
            cap = nc;
        }
        if (!(es[n].name = strdup(de->d_name))) {
            code = ENOMEM;
            break;
        }
        es[n++].type = entry_type(de);
    }
    closedir(d);
    if (code) {
        cli_dir_free(es, n);
        *read_errno = 0;
        return code;
    }
    if (n > 1)
        qsort(es, n, sizeof *es, by_name);
    *out = es;
    *n_out = n;
    return 0;
}
