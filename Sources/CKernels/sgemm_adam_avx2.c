// A weight gradient's product with Adam in its store, on AVX2 (CPUs without AVX-512): the
// gradient G = X·Y is summed in a 6×16 register tile and each finished tile updates its block of
// weights and moments, so G is never written, never zeroed and never read back (OpenBLAS with
// beta 0 first clears C, and a separate Adam pass then reads it from memory).
//
// X (M×K) is op(A), read in place either way it is strided; Y (K×N) is B, rows contiguous.
// Each lane sums its k in order with fused multiply-adds, starting from 0; Adam on the sums
// rounds exactly as the scalar formula (no fused multiply-add in it).
#include "CKernels.h"

#if defined(__x86_64__)
#include "avx2.h"

typedef struct {
    __m256 b1, b2, c1, c2, step, root, eps;
} AdamVectors8;

CK_INLINE CK_AVX2 AdamVectors8 adamVectors(const ck_adam_update *u) {
    AdamVectors8 a;
    a.b1 = _mm256_set1_ps(u->beta1);
    a.b2 = _mm256_set1_ps(u->beta2);
    a.c1 = _mm256_set1_ps(1 - u->beta1);
    a.c2 = _mm256_set1_ps(1 - u->beta2);
    a.step = _mm256_set1_ps(u->stepSize);
    a.root = _mm256_set1_ps(u->invRoot);
    a.eps = _mm256_set1_ps(u->epsilon);
    return a;
}

// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g·g, w ← w − stepSize·m / (√v·invRoot + ε), on the lanes
// in `lanes` (all 8 when `full`).
CK_INLINE CK_AVX2 void adamLanes(const AdamVectors8 *a, __m256 g, float *w, float *m, float *v, __m256i lanes, int full) {
    __m256 m0 = full ? _mm256_loadu_ps(m) : _mm256_maskload_ps(m, lanes);
    __m256 v0 = full ? _mm256_loadu_ps(v) : _mm256_maskload_ps(v, lanes);
    __m256 w0 = full ? _mm256_loadu_ps(w) : _mm256_maskload_ps(w, lanes);
    __m256 mi = _mm256_add_ps(_mm256_mul_ps(a->b1, m0), _mm256_mul_ps(a->c1, g));
    __m256 vi = _mm256_add_ps(_mm256_mul_ps(a->b2, v0), _mm256_mul_ps(_mm256_mul_ps(a->c2, g), g));
    __m256 denom = _mm256_add_ps(_mm256_mul_ps(_mm256_sqrt_ps(vi), a->root), a->eps);
    __m256 wi = _mm256_sub_ps(w0, _mm256_div_ps(_mm256_mul_ps(a->step, mi), denom));
    if (full) {
        _mm256_storeu_ps(m, mi);
        _mm256_storeu_ps(v, vi);
        _mm256_storeu_ps(w, wi);
    } else {
        _mm256_maskstore_ps(m, lanes, mi);
        _mm256_maskstore_ps(v, lanes, vi);
        _mm256_maskstore_ps(w, lanes, wi);
    }
}

// One MR × (NV·8) tile over all K, then Adam on its block of weights (at `offset`, row stride ld).
CK_INLINE CK_AVX2 void tile(const int MR, const int NV, long K, const float *x, long xRowStride, long xKStride,
                            const float *y, long ldy, __m256i lastLanes, int lastFull,
                            const ck_adam_update *u, long offset) {
    __m256 acc[6][2];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) acc[r][v] = _mm256_setzero_ps();
    for (long k = 0; k < K; k++) {
        __m256 yv[2];
        for (int v = 0; v < NV; v++)
            yv[v] = v == NV - 1 && !lastFull ? _mm256_maskload_ps(y + v * 8, lastLanes) : _mm256_loadu_ps(y + v * 8);
        const float *xk = x + k * xKStride;
        for (int r = 0; r < MR; r++) {
            __m256 xv = _mm256_broadcast_ss(xk + r * xRowStride);
            for (int v = 0; v < NV; v++) acc[r][v] = _mm256_fmadd_ps(xv, yv[v], acc[r][v]);
        }
        y += ldy;
    }
    const AdamVectors8 a = adamVectors(u);
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) {
            long at = offset + r * u->ld + v * 8;
            int full = v < NV - 1 || lastFull;
            adamLanes(&a, acc[r][v], u->weights + at, u->first + at, u->second + at, lastLanes, full);
        }
}

#define TILE(MR, NV) tile(MR, NV, K, x, xRowStride, xKStride, y, ldy, lastLanes, lastFull, u, offset)
#define TILE_ROW(MR) if (nv == 1) TILE(MR, 1); else TILE(MR, 2); return;

static CK_AVX2 void anyTile(int mr, int nv, long K, const float *x, long xRowStride, long xKStride,
                            const float *y, long ldy, __m256i lastLanes, int lastFull,
                            const ck_adam_update *u, long offset) {
    switch (mr) {
    case 1: TILE_ROW(1) case 2: TILE_ROW(2) case 3: TILE_ROW(3)
    case 4: TILE_ROW(4) case 5: TILE_ROW(5) default: TILE_ROW(6)
    }
}

// Row tiles outer, column tiles inner: a row tile's X (6 × K floats) stays in L1 while Y comes
// from L2, and the weights are updated in runs along their rows.
static CK_AVX2 void adamProduct(long M, long N, long K, const float *x, long xRowStride, long xKStride,
                                const float *y, long ldy, const ck_adam_update *u) {
    for (long m0 = 0; m0 < M; m0 += 6) {
        int mr = (int)(M - m0 < 6 ? M - m0 : 6);
        for (long n0 = 0; n0 < N; n0 += 16) {
            long columns = N - n0 < 16 ? N - n0 : 16;
            int nv = (int)((columns + 7) / 8);
            long rest = columns - (nv - 1) * 8;
            __m256i lastLanes = ck_tail_lanes(0, rest);
            anyTile(mr, nv, K, x + m0 * xRowStride, xRowStride, xKStride, y + n0, ldy, lastLanes, rest == 8,
                    u, m0 * u->ld + n0);
        }
    }
}
#endif

int ck_sgemm_adam_avx2(int transA, int transB, long m, long n, long k,
                       const float *a, long lda, const float *b, long ldb, const ck_adam_update *update) {
#if defined(__x86_64__)
    // Past 512, a row tile's strip of X no longer stays in L1 across its column tiles.
    if (!ck_avx2_available() || transB || m <= 0 || n <= 0 || k <= 0 || k > 512) return 0;
    // X = op(A): X[r, k] = a[k·lda + r] when transposed, else a[r·lda + k].
    adamProduct(m, n, k, a, transA ? 1 : lda, transA ? lda : 1, b, ldb, update);
    return 1;
#else
    return 0;
#endif
}
