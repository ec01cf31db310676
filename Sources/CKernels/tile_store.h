// What a finished register tile of fp32 sums does, shared by the fp32 and bf16 products:
// C = alpha·sums (+ bias) (+ beta·C), or Adam applied with alpha·sums as the weights' gradient.
#pragma once
#include "CKernels.h"
#include "adam_lanes.h"

// Brings the weights and moments an MR × NV-vector Adam tile will update into the cache.
CK_INLINE void ck_prefetch_adam_tile(const int MR, const int NV, const ck_adam_update *adam, long offset) {
    for (int r = 0; r < MR; r++) {
        long at = offset + r * adam->ld;
        for (int v = 0; v < NV; v++) {
            _mm_prefetch((const char *)(adam->weights + at + v * 16), _MM_HINT_T0);
            _mm_prefetch((const char *)(adam->first + at + v * 16), _MM_HINT_T0);
            _mm_prefetch((const char *)(adam->second + at + v * 16), _MM_HINT_T0);
        }
    }
}

// Whether a product stores C past the caches: C is only written (no Adam, beta 0) and is 2 MB or
// more, twice L2 (a convolution's column matrix), so reading its lines first would be wasted.
// The caller also needs C written in one pass (not summed over blocks of k).
CK_INLINE int ck_streams_output(const ck_adam_update *adam, float beta, long m, long n) {
    return !adam && beta == 0 && m * n >= (1L << 19);
}

// acc holds MR × NV vectors of 16 columns; `last` masks the columns of the last vector.
// With `adam`, C[offset + r·ld + j] is the gradient of weights[offset + r·ld + j] and nothing is stored to c.
// With `stream` (beta 0: C is only written), whole vectors on a cache line go past the caches
// (non-temporal), so a C of 2 MB and more (twice L2) is not read from memory before it is written; the
// product ends with `_mm_sfence` so other threads see them.
CK_INLINE CK_AVX512 void ck_store_tile(const int MR, const int NV, __m512 acc[8][4], __mmask16 last,
                                       float *c, long ldc, float alpha, float beta, const float *bias,
                                       const ck_adam_update *adam, long offset, int stream) {
    if (adam) {
        const AdamVectors a = ck_adam_vectors(adam->beta1, adam->beta2, adam->epsilon, adam->stepSize, adam->invRoot);
        for (int r = 0; r < MR; r++)
            for (int v = 0; v < NV; v++) {
                long at = offset + r * adam->ld + v * 16;
                ck_adam_lanes(&a, _mm512_mul_ps(acc[r][v], _mm512_set1_ps(alpha)), adam->weights + at,
                              adam->first + at, adam->second + at, v == NV - 1 ? last : 0xFFFF);
            }
        return;
    }
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) {
            __mmask16 mask = v == NV - 1 ? last : 0xFFFF;
            float *p = c + r * ldc + v * 16;
            __m512 out = _mm512_mul_ps(acc[r][v], _mm512_set1_ps(alpha));
            if (bias) out = _mm512_add_ps(out, _mm512_maskz_loadu_ps(mask, bias + v * 16));
            if (beta != 0) out = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, p), _mm512_set1_ps(beta), out);
            if (stream && mask == 0xFFFF && ((unsigned long)p & 63) == 0) _mm512_stream_ps(p, out);
            else _mm512_mask_storeu_ps(p, mask, out);
        }
}
