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
#include "tile_store.h"

#define CK_BF16 __attribute__((target("avx512f,avx512bw,avx512bf16,fma")))

// Interleaves two rows of 16 bf16 (r0 in words' low halves, r1 in their high halves).
CK_INLINE CK_BF16 __m512i pairWords(__m512 r0, __m512 r1) {
    const __m512i order = _mm512_set_epi16(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8,
                                           23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    // cvtne2ps_pbh(hi, lo): elements 0-15 are lo's, 16-31 hi's.
    __m512i both = (__m512i)_mm512_cvtne2ps_pbh(r1, r0);
    return _mm512_permutexvar_epi16(order, both);
}

// 32 consecutive floats as 16 words of k-pairs (masked lanes read as 0).
CK_INLINE CK_BF16 __m512i runWords(const float *p, long count) {
    __m512 lo = _mm512_maskz_loadu_ps(ck_tail_mask(0, count), p);
    __m512 hi = count > 16 ? _mm512_maskz_loadu_ps(ck_tail_mask(16, count), p + 16) : _mm512_setzero_ps();
    return (__m512i)_mm512_cvtne2ps_pbh(hi, lo);
}

// 16 vectors of 16 words, transposed in registers (words moved as floats: bits unchanged).
CK_INLINE CK_BF16 void transposeWords(__m512i w[16]) {
    __m512 r[16], t[16];
    for (int i = 0; i < 16; i++) r[i] = _mm512_castsi512_ps(w[i]);
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    for (int i = 0; i < 4; i++) {
        r[4 * i] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0x44);
        r[4 * i + 1] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0xEE);
        r[4 * i + 2] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0x44);
        r[4 * i + 3] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0xEE);
    }
    for (int h = 0; h < 2; h++)
        for (int i = 0; i < 4; i++) {
            t[8 * h + i] = _mm512_shuffle_f32x4(r[8 * h + i], r[8 * h + i + 4], 0x88);
            t[8 * h + i + 4] = _mm512_shuffle_f32x4(r[8 * h + i], r[8 * h + i + 4], 0xDD);
        }
    for (int i = 0; i < 8; i++) {
        w[i] = _mm512_castps_si512(_mm512_shuffle_f32x4(t[i], t[i + 8], 0x88));
        w[i + 8] = _mm512_castps_si512(_mm512_shuffle_f32x4(t[i], t[i + 8], 0xDD));
    }
}

// Packs a `rows` × K matrix M[r, k] = src[r·rowStride + k·kStride] (one of the two strides is 1)
// into `rows` runs of K/2 words: out[r·pairs + i] = (M[r, 2i], M[r, 2i+1]).
static CK_BF16 void packRows(long rows, long K, const float *src, long rowStride, long kStride, uint32_t *out) {
    long pairs = (K + 1) / 2;
    if (kStride == 1) {
        // Each row is contiguous in k: convert it in runs of 32 floats.
        for (long r = 0; r < rows; r++)
            for (long k0 = 0; k0 < K; k0 += 32) {
                long count = K - k0 < 32 ? K - k0 : 32;
                _mm512_mask_storeu_epi32(out + r * pairs + k0 / 2, ck_tail_mask(0, (count + 1) / 2),
                                         runWords(src + r * rowStride + k0, count));
            }
        return;
    }
    // Columns are contiguous (rowStride 1): pair two k-rows of 16 columns, then transpose blocks
    // of 16 pairs × 16 columns so each column's pairs are stored together.
    for (long r0 = 0; r0 < rows; r0 += 16) {
        long width = rows - r0 < 16 ? rows - r0 : 16;
        __mmask16 lanes = ck_tail_mask(0, width);
        for (long p0 = 0; p0 < pairs; p0 += 16) {
            long depth = pairs - p0 < 16 ? pairs - p0 : 16;
            __m512i w[16];
            for (long i = 0; i < 16; i++) {
                long k = 2 * (p0 + i);
                __m512 k0 = i < depth ? _mm512_maskz_loadu_ps(lanes, src + k * kStride + r0) : _mm512_setzero_ps();
                __m512 k1 = i < depth && k + 1 < K ? _mm512_maskz_loadu_ps(lanes, src + (k + 1) * kStride + r0)
                                                   : _mm512_setzero_ps();
                w[i] = pairWords(k0, k1);
            }
            transposeWords(w);
            for (long r = 0; r < width; r++)
                _mm512_mask_storeu_epi32(out + (r0 + r) * pairs + p0, ck_tail_mask(0, depth), w[r]);
        }
    }
}

// Packs a K × `columns` matrix M[k, j] = src[k·kStride + j·columnStride] (one stride is 1) into
// K/2 rows of `columns` words: out[i·columns + j] = (M[2i, j], M[2i+1, j]).
static CK_BF16 void packColumns(long columns, long K, const float *src, long kStride, long columnStride,
                                uint32_t *out) {
    long pairs = (K + 1) / 2;
    if (columnStride == 1) {
        for (long i = 0; i < pairs; i++) {
            const float *k0 = src + 2 * i * kStride, *k1 = k0 + kStride;
            int second = 2 * i + 1 < K;
            for (long j = 0; j < columns; j += 16) {
                __mmask16 lanes = ck_tail_mask(j, columns);
                __m512 r1 = second ? _mm512_maskz_loadu_ps(lanes, k1 + j) : _mm512_setzero_ps();
                _mm512_mask_storeu_epi32(out + i * columns + j, lanes, pairWords(_mm512_maskz_loadu_ps(lanes, k0 + j), r1));
            }
        }
        return;
    }
    // Each column is contiguous in k (a transposed B): 16 columns' runs of 16 pairs, transposed.
    for (long j0 = 0; j0 < columns; j0 += 16) {
        long width = columns - j0 < 16 ? columns - j0 : 16;
        for (long p0 = 0; p0 < pairs; p0 += 16) {
            long depth = pairs - p0 < 16 ? pairs - p0 : 16;
            long count = K - 2 * p0 < 32 ? K - 2 * p0 : 32;
            __m512i w[16];
            for (long j = 0; j < 16; j++)
                w[j] = j < width ? runWords(src + (j0 + j) * columnStride + 2 * p0, count) : _mm512_setzero_si512();
            transposeWords(w);
            for (long i = 0; i < depth; i++)
                _mm512_mask_storeu_epi32(out + (p0 + i) * columns + j0, ck_tail_mask(0, width), w[i]);
        }
    }
}

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

static uint32_t *wordSpace(long count) {
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
    uint32_t *space = wordSpace(m * pairs + pairs * tileColumns);
    if (!space) return 0;
    uint32_t *x = space, *panel = space + m * pairs;
    // op(A)[r, k] = a[r·lda + k], or a[k·lda + r] when transA; op(B)[k, j] likewise.
    packRows(m, k, a, transA ? 1 : lda, transA ? lda : 1, x);
    // C written once and at least twice L2 (a convolution's column matrix): stream it.
    int stream = !adam && beta == 0 && m * n >= (1L << 19);
    // Column tiles outer: one tile's columns of op(B) are packed into a panel (K/2 × 48 words)
    // just before every row tile passes over it, so the packed words are read from cache, never
    // written out whole to memory and read back. Each tile is bound by its multiply-adds.
    for (long n0 = 0; n0 < n; n0 += tileColumns) {
        long columns = n - n0 < tileColumns ? n - n0 : tileColumns;
        packColumns(columns, k, transB ? b + n0 * ldb : b + n0, transB ? 1 : ldb, transB ? ldb : 1, panel);
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

int ck_sgemm_bf16(int transA, int transB, long m, long n, long k, float alpha,
                  const float *a, long lda, const float *b, long ldb,
                  float beta, float *c, long ldc, const float *bias) {
#if defined(__x86_64__)
    if (!ck_avx512_bf16_available() || m <= 0 || n <= 0 || k <= 0) return 0;
    return sgemmBF16(transA, transB, m, n, k, alpha, a, lda, b, ldb, bias ? 0 : beta, c, ldc, bias, 0);
#else
    return 0;
#endif
}

int ck_sgemm_bf16_adam(int transA, int transB, long m, long n, long k,
                       const float *a, long lda, const float *b, long ldb, const ck_adam_update *update) {
#if defined(__x86_64__)
    if (!ck_avx512_bf16_available() || m <= 0 || n <= 0 || k <= 0) return 0;
    return sgemmBF16(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, update->weights, update->ld, 0, update);
#else
    return 0;
#endif
}
