// sgemm in bf16 with fp32 accumulation, through AVX512-BF16's vdpbf16ps.
//
// vdpbf16ps adds to each of 16 fp32 lanes the two products of a pair of bf16 values: lane j gets
// x[2i]·y[2i] + x[2i+1]·y[2i+1]. So both operands are packed with k in pairs:
//   X = op(A) as M rows of K/2 words, each word the bf16 pair (k, k+1) of one row;
//   Y = op(B) as K/2 rows of N words, each word the bf16 pair (k, k+1) of one column.
// A tile broadcasts one word of X per row and multiplies it with 16 columns of Y per vector.
// Packing converts each element once (round to nearest even, as vcvtne2ps2bf16 rounds); it
// costs (M + N)·K conversions against M·N·K multiply-adds. An odd K is padded with a zero.
// The sums stay fp32 and are stored as the fp32 kernel stores them (alpha, beta, bias, Adam).
#include <stdlib.h>
#include <stdint.h>
#include "CKernels.h"

#if defined(__x86_64__)

#include "bf16_pack.h"

// One MR × (NV·16) tile over all K/2 pairs: X rows are runs of `pairs` words, Y rows `ldy` words.
CK_INLINE CK_BF16 void tileBF16(const int MR, const int NV, long pairs, const uint32_t *x, const uint32_t *y,
                                long ldy, __mmask16 last, float *c, long ldc, float alpha, float beta,
                                const float *bias, const ck_adam_update *adam, long offset, int stream) {
    __m512 acc[8][4];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) acc[r][v] = _mm512_setzero_ps();
    if (adam) ck_prefetch_adam_tile(MR, NV, adam, offset);
    for (long i = 0; i < pairs; i++) {
        __m512bh yv[4];
        for (int v = 0; v < NV; v++)
            yv[v] = (__m512bh)(v == NV - 1 ? _mm512_maskz_loadu_epi32(last, y + v * 16) : _mm512_loadu_si512(y + v * 16));
        for (int r = 0; r < MR; r++) {
            __m512bh xv = (__m512bh)_mm512_set1_epi32((int)x[r * pairs + i]);
            for (int v = 0; v < NV; v++) acc[r][v] = _mm512_dpbf16_ps(acc[r][v], xv, yv[v]);
        }
        y += ldy;
    }
    ck_store_tile(MR, NV, acc, last, c, ldc, alpha, beta, bias, adam, offset, stream);
}

#define TILE_BF16(MR, NV) tileBF16(MR, NV, pairs, x, y, ldy, last, c, ldc, alpha, beta, bias, adam, offset, stream)
#define TILE_ROW_BF16(MR) \
    switch (nv) { case 1: TILE_BF16(MR, 1); return; case 2: TILE_BF16(MR, 2); return; \
                  default: TILE_BF16(MR, 3); return; }

static CK_BF16 void anyTileBF16(int mr, int nv, long pairs, const uint32_t *x, const uint32_t *y, long ldy,
                                __mmask16 last, float *c, long ldc, float alpha, float beta, const float *bias,
                                const ck_adam_update *adam, long offset, int stream) {
    switch (mr) {
    case 1: TILE_ROW_BF16(1) case 2: TILE_ROW_BF16(2) case 3: TILE_ROW_BF16(3) case 4: TILE_ROW_BF16(4)
    case 5: TILE_ROW_BF16(5) case 6: TILE_ROW_BF16(6) case 7: TILE_ROW_BF16(7) default: TILE_ROW_BF16(8)
    }
}

// Per-thread packing space for X and Y; it grows to the largest size needed and stays.
static __thread uint32_t *packedWords;
static __thread long packedCapacity;

uint32_t *ck_bf16_space(long count) {
    if (count > packedCapacity) {
        free(packedWords);
        packedWords = aligned_alloc(64, (size_t)((count * 4 + 63) / 64) * 64);
        packedCapacity = packedWords ? count : 0;
    }
    return packedWords;
}

static CK_BF16 int sgemmBF16(int transA, int transB, long m, long n, long k, float alpha, const float *a, long lda,
                             const float *b, long ldb, float beta, float *c, long ldc, const float *bias,
                             const ck_adam_update *adam) {
    const int tileRows = 8, tileColumns = 48;
    long pairs = (k + 1) / 2;
    uint32_t *space = ck_bf16_space(m * pairs + pairs * tileColumns);
    if (!space) return 0;
    uint32_t *x = space, *panel = space + m * pairs;
    // op(A)[r, k] = a[r·lda + k], or a[k·lda + r] when transA; op(B)[k, j] likewise.
    ck_pack_rows(m, k, a, transA ? 1 : lda, transA ? lda : 1, x, pairs);
    int stream = ck_streams_output(adam, beta, m, n);
    // Column tiles outer: one tile's columns of op(B) are packed into a panel (K/2 × 48 words)
    // just before every row tile passes over it, so the packed words are read from cache, never
    // written out whole to memory and read back. Each tile is bound by its multiply-adds.
    for (long n0 = 0; n0 < n; n0 += tileColumns) {
        long columns = n - n0 < tileColumns ? n - n0 : tileColumns;
        ck_pack_columns(columns, k, transB ? b + n0 * ldb : b + n0, transB ? 1 : ldb, transB ? ldb : 1, panel, columns);
        int nv = (int)((columns + 15) / 16);
        __mmask16 last = ck_tail_mask((nv - 1) * 16, columns);
        for (long m0 = 0; m0 < m; m0 += tileRows) {
            int mr = (int)(m - m0 < tileRows ? m - m0 : tileRows);
            long offset = m0 * ldc + n0;
            anyTileBF16(mr, nv, pairs, x + m0 * pairs, panel, columns, last, c + offset, ldc, alpha, beta,
                        bias ? bias + n0 : 0, adam, offset, stream);
        }
    }
    if (stream) _mm_sfence();
    return 1;
}
#endif

int ck_avx512_bf16_available(void) {
#if defined(__x86_64__)
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = ck_avx512_available() && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512bf16");
    }
    return cached;
#else
    return 0;
#endif
}

// The product on the chosen kernel (`ck_bf16_kernel`): returns the kernel that ran, or 0.
static int productBF16(int transA, int transB, long m, long n, long k, float alpha, const float *a, long lda,
                       const float *b, long ldb, float beta, float *c, long ldc, const float *bias,
                       const ck_adam_update *adam) {
#if defined(__x86_64__)
    int kernel = ck_bf16_kernel();
    if (kernel == CK_BF16_NONE || m <= 0 || n <= 0 || k <= 0) return 0;
    int done = kernel == CK_BF16_VECTORS
        ? sgemmBF16(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, adam)
        : ck_sgemm_bf16_on_tiles(kernel == CK_BF16_EMULATED_TILES, transA, transB, m, n, k, alpha, a, lda, b, ldb,
                                 beta, c, ldc, bias, adam);
    return done ? kernel : 0;
#else
    return 0;
#endif
}

int ck_sgemm_bf16(int transA, int transB, long m, long n, long k, float alpha,
                  const float *a, long lda, const float *b, long ldb,
                  float beta, float *c, long ldc, const float *bias) {
    return productBF16(transA, transB, m, n, k, alpha, a, lda, b, ldb, bias ? 0 : beta, c, ldc, bias, 0);
}

int ck_sgemm_bf16_adam(int transA, int transB, long m, long n, long k,
                       const float *a, long lda, const float *b, long ldb, const ck_adam_update *update) {
    return productBF16(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, update->weights, update->ld, 0, update);
}
