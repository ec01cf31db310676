// Packing fp32 operands into bf16 k-pairs, shared by the vdpbf16ps kernel (sgemm_bf16.c) and the
// AMX tile kernel (sgemm_amx.c): both read op(A) as rows of k-pairs and op(B) as rows of one
// k-pair per column (the "VNNI" layout AMX's tdpbf16ps takes for its second operand).
#pragma once
#include <stdint.h>
#include "tile_store.h"

#define CK_BF16 __attribute__((target("avx512f,avx512bw,avx512bf16,fma")))

// The calling thread's packing space, at least `count` words (64-byte aligned; grown, never shrunk;
// NULL when memory runs out). Both bf16 kernels pack into it; neither calls the other while packed.
uint32_t *ck_bf16_space(long count);

// The product on AMX tiles (sgemm_amx.c), or on their C emulation: `ck_sgemm_bf16`'s arguments,
// with `adam` as `ck_sgemm_bf16_adam` takes it. Returns 0 when the tiles cannot run.
int ck_sgemm_bf16_on_tiles(int emulatedTiles, int transA, int transB, long m, long n, long k, float alpha,
                           const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                           const float *bias, const ck_adam_update *adam);

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
    __m512 r[16];
    for (int i = 0; i < 16; i++) r[i] = _mm512_castsi512_ps(w[i]);
    ck_transpose16(r);
    for (int i = 0; i < 16; i++) w[i] = _mm512_castps_si512(r[i]);
}

// Packs a `rows` × K matrix M[r, k] = src[r·rowStride + k·kStride] (one of the two strides is 1)
// into `rows` runs of K/2 words, `outStride` words apart: out[r·outStride + i] = (M[r, 2i], M[r, 2i+1]).
static inline CK_BF16 void ck_pack_rows(long rows, long K, const float *src, long rowStride, long kStride,
                                    uint32_t *out, long outStride) {
    long pairs = (K + 1) / 2;
    if (kStride == 1) {
        // Each row is contiguous in k: convert it in runs of 32 floats.
        for (long r = 0; r < rows; r++)
            for (long k0 = 0; k0 < K; k0 += 32) {
                long count = K - k0 < 32 ? K - k0 : 32;
                _mm512_mask_storeu_epi32(out + r * outStride + k0 / 2, ck_tail_mask(0, (count + 1) / 2),
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
                _mm512_mask_storeu_epi32(out + (r0 + r) * outStride + p0, ck_tail_mask(0, depth), w[r]);
        }
    }
}

// Packs a K × `columns` matrix M[k, j] = src[k·kStride + j·columnStride] (one stride is 1) into
// K/2 rows of `columns` words, `outStride` words apart: out[i·outStride + j] = (M[2i, j], M[2i+1, j]).
static inline CK_BF16 void ck_pack_columns(long columns, long K, const float *src, long kStride, long columnStride,
                                       uint32_t *out, long outStride) {
    long pairs = (K + 1) / 2;
    if (columnStride == 1) {
        for (long i = 0; i < pairs; i++) {
            const float *k0 = src + 2 * i * kStride, *k1 = k0 + kStride;
            int second = 2 * i + 1 < K;
            for (long j = 0; j < columns; j += 16) {
                __mmask16 lanes = ck_tail_mask(j, columns);
                __m512 r1 = second ? _mm512_maskz_loadu_ps(lanes, k1 + j) : _mm512_setzero_ps();
                _mm512_mask_storeu_epi32(out + i * outStride + j, lanes, pairWords(_mm512_maskz_loadu_ps(lanes, k0 + j), r1));
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
                _mm512_mask_storeu_epi32(out + (p0 + i) * outStride + j0, ck_tail_mask(0, width), w[i]);
        }
    }
}
