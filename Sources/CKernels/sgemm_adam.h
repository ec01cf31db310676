// The register tile of products whose store applies Adam (`ck_sgemm_adam`), for sgemm.c.
#pragma once
#include "tile_store.h"

// Adam in the store, pipelined: a finished tile's gradient waits in L1 (`PendingAdam`) and is
// applied one vector per step of k while the next tile's sums are computed, so the square root
// and the division run beside the multiply-adds instead of after them. Each weight's update reads
// only its own gradient and state, so the order changes nothing: bit for bit the same as storing
// the gradient first. The tile is 6 × 48 (18 sums) to leave registers for Adam's work.
enum { ADAM_ROWS = 6 };

typedef struct {
    float g[ADAM_ROWS][48];      // alpha·sums of the waiting tile
    long offset;         // its first weight
    int vectors, rows;   // its shape, in vectors of 16 columns
    int row, vector;     // the next vector to apply; row == rows when none is left
    __mmask16 last;      // columns of each row's last vector
} PendingAdam;

CK_INLINE CK_AVX512 void applyPending(PendingAdam *q, const AdamVectors *a, const ck_adam_update *adam) {
    long at = q->offset + q->row * adam->ld + q->vector * 16;
    ck_adam_lanes(a, _mm512_loadu_ps(&q->g[q->row][q->vector * 16]), adam->weights + at, adam->first + at,
                  adam->second + at, q->vector == q->vectors - 1 ? q->last : 0xFFFF);
    if (++q->vector == q->vectors) { q->vector = 0; q->row++; }
}

// The waiting tile's whole update: after the next tile's sums, or after the product's last tile.
CK_INLINE CK_AVX512 void applyAllPending(PendingAdam *q, const AdamVectors *a, const ck_adam_update *adam) {
    while (q->row < q->rows) applyPending(q, a, adam);
}

CK_INLINE CK_AVX512 void adamTile(const int MR, const int NV, const int STREAMS, long K,
                                  const float *x, long xRowStride, long xKStride, const float *y, long ldy,
                                  __mmask16 last, float alpha, const ck_adam_update *adam, long offset,
                                  PendingAdam *q, const AdamVectors *a) {
    __m512 acc[6][3];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) acc[r][v] = _mm512_setzero_ps();
    const float *row[6];
    for (int r = 0; r < MR; r++) row[r] = x + r * xRowStride;
    // This tile's weights and moments are used while the next tile is summed: ask for them now,
    // into L2, one cache line per step of k (all at once would overflow the outstanding misses).
    const float *lines[6 * 3 * 3];
    int lineCount = 0;
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) {
            long at = offset + r * adam->ld + v * 16;
            lines[lineCount++] = adam->weights + at;
            lines[lineCount++] = adam->first + at;
            lines[lineCount++] = adam->second + at;
        }
    for (long k = 0; k < K; k++) {
        if (k < lineCount) _mm_prefetch((const char *)lines[k], _MM_HINT_T1);
        __m512 yv[3];
        for (int v = 0; v < NV; v++)
            yv[v] = v == NV - 1 ? _mm512_maskz_loadu_ps(last, y + v * 16) : _mm512_loadu_ps(y + v * 16);
        for (int r = 0; r < MR; r++) {
            __m512 xv = _mm512_set1_ps(STREAMS ? row[r][k] : x[k * xKStride + r]);
            for (int v = 0; v < NV; v++) acc[r][v] = _mm512_fmadd_ps(xv, yv[v], acc[r][v]);
        }
        y += ldy;
        if (q->row < q->rows) applyPending(q, a, adam);
    }
    applyAllPending(q, a, adam);
    for (long i = K; i < lineCount; i++) _mm_prefetch((const char *)lines[i], _MM_HINT_T1);
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) _mm512_storeu_ps(&q->g[r][v * 16], _mm512_mul_ps(acc[r][v], _mm512_set1_ps(alpha)));
    q->offset = offset; q->rows = MR; q->vectors = NV; q->row = 0; q->vector = 0; q->last = last;
}

#define ADAM_TILE(MR, NV) \
    (xKStride == 1 ? adamTile(MR, NV, 1, K, x, xRowStride, 1, y, ldy, last, alpha, adam, offset, q, a) \
                   : adamTile(MR, NV, 0, K, x, 1, xKStride, y, ldy, last, alpha, adam, offset, q, a))
#define ADAM_TILE_ROW(MR) \
    switch (nv) { case 1: ADAM_TILE(MR, 1); return; case 2: ADAM_TILE(MR, 2); return; default: ADAM_TILE(MR, 3); return; }

static CK_AVX512 void anyAdamTile(int mr, int nv, long K, const float *x, long xRowStride, long xKStride,
                                  const float *y, long ldy, __mmask16 last, float alpha,
                                  const ck_adam_update *adam, long offset, PendingAdam *q, const AdamVectors *a) {
    switch (mr) {
    case 1: ADAM_TILE_ROW(1) case 2: ADAM_TILE_ROW(2) case 3: ADAM_TILE_ROW(3)
    case 4: ADAM_TILE_ROW(4) case 5: ADAM_TILE_ROW(5) default: ADAM_TILE_ROW(6)
    }
}
