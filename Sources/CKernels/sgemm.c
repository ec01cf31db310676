// sgemm with an AVX-512 register tile that reads both operands where they lie.
//
// The product is written as C = X·Y where X is the "broadcast" operand (one float per row and k,
// splatted across a vector) and Y the "row" operand (16 consecutive columns per vector load).
// X may be strided either way, so op(A) never needs packing; Y must have contiguous rows, so
// when op(B) is stored transposed we compute Cᵀ = op(B)ᵀ·op(A)ᵀ instead and store the tile
// transposed, packing op(A)ᵀ when it is small (a batch of 64–128 rows). Skipping the packing of
// the large weight matrix is what makes batch-64 products faster here than OpenBLAS.
#include <stdlib.h>
#include "CKernels.h"

#if defined(__x86_64__)
#include "tile_store.h"
#include "sgemm_adam.h"

typedef struct {
    const float *x; long xRowStride, xKStride;  // X[r, k] = x[r·xRowStride + k·xKStride]
    long xTileStride;                           // when packed: tile t of rows starts at x + t·xTileStride
    const float *y; long ldy;                   // Y[k, j] = y[k·ldy + j]
    float *c; long ldc; int transposedC;        // C[r, j], or C[j, r] when transposedC
    float alpha, beta;
    const float *bias;                          // per j (or per r when transposedC)
    const ck_adam_update *adam;                 // C is this Adam's gradient: apply it, store nothing
    int stream;                                 // store C past the caches (`ck_store_tile`)
} Product;

// One MR × (NV·16) tile over k ∈ [0, K). STREAMS: X rows are contiguous in k (xKStride = 1),
// else X's MR values for one k are contiguous (xRowStride = 1).
CK_INLINE CK_AVX512 void tile(const int MR, const int NV, const int STREAMS, long K,
                              const float *x, long xRowStride, long xKStride,
                              const float *y, long ldy, __mmask16 last,
                              float *c, long ldc, int transposedC, float alpha, float beta,
                              const float *bias, int columns, int stream) {
    __m512 acc[8][4];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) acc[r][v] = _mm512_setzero_ps();
    const float *row[8];
    for (int r = 0; r < MR; r++) row[r] = x + r * xRowStride;
    for (long k = 0; k < K; k++) {
        __m512 yv[4];
        for (int v = 0; v < NV; v++)
            yv[v] = v == NV - 1 ? _mm512_maskz_loadu_ps(last, y + v * 16) : _mm512_loadu_ps(y + v * 16);
        for (int r = 0; r < MR; r++) {
            __m512 xv = _mm512_set1_ps(STREAMS ? row[r][k] : x[k * xKStride + r]);
            for (int v = 0; v < NV; v++) acc[r][v] = _mm512_fmadd_ps(xv, yv[v], acc[r][v]);
        }
        y += ldy;
    }
    if (!transposedC) {
        ck_store_tile(MR, NV, acc, last, c, ldc, alpha, beta, bias, 0, 0, stream);
    } else {
        // Through a small buffer: scatter instructions measured slower than this.
        float t[8][64];
        for (int r = 0; r < MR; r++)
            for (int v = 0; v < NV; v++)
                _mm512_storeu_ps(&t[r][v * 16], _mm512_mul_ps(acc[r][v], _mm512_set1_ps(alpha)));
        for (int j = 0; j < columns; j++) {
            float *p = c + j * ldc;
            for (int r = 0; r < MR; r++) {
                float out = t[r][j] + (bias ? bias[r] : 0);
                p[r] = beta != 0 ? out + beta * p[r] : out;
            }
        }
    }
}

#define TILE(MR, NV) \
    (xKStride == 1 ? tile(MR, NV, 1, K, x, xRowStride, 1, y, ldy, last, c, ldc, transposedC, alpha, beta, bias, \
                          columns, stream) \
                   : tile(MR, NV, 0, K, x, 1, xKStride, y, ldy, last, c, ldc, transposedC, alpha, beta, bias, \
                          columns, stream))
#define TILE_ROW(MR) \
    switch (nv) { case 1: TILE(MR, 1); return; case 2: TILE(MR, 2); return; \
                  case 3: TILE(MR, 3); return; default: TILE(MR, 4); return; }

static CK_AVX512 void anyTile(int mr, int nv, long K, const float *x, long xRowStride, long xKStride,
                              const float *y, long ldy, __mmask16 last, float *c, long ldc, int transposedC,
                              float alpha, float beta, const float *bias, int columns, int stream) {
    switch (mr) {
    case 1: TILE_ROW(1) case 2: TILE_ROW(2) case 3: TILE_ROW(3) case 4: TILE_ROW(4)
    case 5: TILE_ROW(5) case 6: TILE_ROW(6) case 7: TILE_ROW(7) default: TILE_ROW(8)
    }
}

// C[M×N] = X[M×K]·Y[K×N] in tiles of tileRows × (vectors·16), K in blocks of kBlock, columns in
// blocks of columnBlock: within a block, each row tile walks all of the block's column tiles.
// A block of one tile's width keeps that tile's Y panel in L1 while all row tiles pass; a block
// of all N keeps each row tile's X in L1 while Y comes from L2. Wider blocks in between write
// C in row runs of a whole block, where one-tile blocks scatter short writes over all M rows.
// With `pending`, the product's store applies Adam (p.adam; K in one block, at most 256): its
// tiles are `adamTile`s, each leaving its gradient in `pending` for the next one to apply.
static CK_AVX512 void multiply(long M, long N, long K, Product p, int tileRows, int vectors, long kBlock,
                               long columnBlock, PendingAdam *pending, const AdamVectors *adamVectors) {
    long tileColumns = vectors * 16;
    for (long k0 = 0; k0 < K; k0 += kBlock) {
        long kb = K - k0 < kBlock ? K - k0 : kBlock;
        float beta = k0 == 0 ? p.beta : 1;
        const float *bias = k0 == 0 ? p.bias : 0;
        for (long b0 = 0; b0 < N; b0 += columnBlock) {
            long blockEnd = N - b0 < columnBlock ? N : b0 + columnBlock;
            for (long m0 = 0; m0 < M; m0 += tileRows)
                for (long n0 = b0; n0 < blockEnd; n0 += tileColumns) {
                    long columns = blockEnd - n0 < tileColumns ? blockEnd - n0 : tileColumns;
                    int nv = (int)((columns + 15) / 16);
                    int rem = (int)(columns - (nv - 1) * 16);
                    __mmask16 last = (__mmask16)((1u << rem) - 1);
                    int mr = (int)(M - m0 < tileRows ? M - m0 : tileRows);
                    long offset = p.transposedC ? n0 * p.ldc + m0 : m0 * p.ldc + n0;
                    float *c = p.c + offset;
                    const float *tileBias = bias ? bias + (p.transposedC ? m0 : n0) : 0;
                    const float *x = p.xTileStride ? p.x + (m0 / tileRows) * p.xTileStride + k0 * p.xKStride
                                                   : p.x + m0 * p.xRowStride + k0 * p.xKStride;
                    if (pending)
                        anyAdamTile(mr, nv, kb, x, p.xRowStride, p.xKStride, p.y + k0 * p.ldy + n0, p.ldy, last,
                                    p.alpha, p.adam, offset, pending, adamVectors);
                    else
                        anyTile(mr, nv, kb, x, p.xRowStride, p.xKStride,
                                p.y + k0 * p.ldy + n0, p.ldy, last, c, p.ldc, p.transposedC, p.alpha, beta, tileBias,
                                (int)columns, p.stream);
                }
        }
    }
}

// A per-thread buffer for packed operands; it grows to the largest size needed and stays.
static __thread float *packBuffer;
static __thread long packCapacity;

static float *packSpace(long count) {
    if (count > packCapacity) {
        free(packBuffer);
        packBuffer = aligned_alloc(64, (size_t)((count * 4 + 63) / 64) * 64);
        packCapacity = packBuffer ? count : 0;
    }
    return packBuffer;
}

// X (M×K, X[r, k] = x[r·rowStride + k·kStride]) into tiles of `rows` rows, each k-major:
// packed[t·K·rows + k·rows + r]. Reused across many column panels, contiguous broadcasts beat
// strided ones.
static CK_AVX512 void packTiles(long M, long K, const float *x, long rowStride, long kStride, int rows, float *packed) {
    for (long m0 = 0; m0 < M; m0 += rows) {
        int mr = (int)(M - m0 < rows ? M - m0 : rows);
        float *out = packed + (m0 / rows) * K * rows;
        if (rowStride == 1) {
            __mmask16 mask = (__mmask16)((1u << mr) - 1);
            for (long k = 0; k < K; k++)
                _mm512_mask_storeu_ps(out + k * rows, mask, _mm512_maskz_loadu_ps(mask, x + m0 + k * kStride));
        } else {
            for (int r = 0; r < mr; r++) {
                const float *in = x + (m0 + r) * rowStride;
                for (long k = 0; k < K; k++) out[k * rows + r] = in[k * kStride];
            }
        }
    }
}

// out[k·M + i] = a[i·lda + k] for i < M, k < K, in 16×16 blocks transposed in registers.
static CK_AVX512 void transposeInto(long M, long K, const float *a, long lda, float *out) {
    for (long i0 = 0; i0 < M; i0 += 16) {
        long rows = M - i0 < 16 ? M - i0 : 16;
        for (long k0 = 0; k0 < K; k0 += 16) {
            long cols = K - k0 < 16 ? K - k0 : 16;
            if (rows == 16 && cols == 16) {
                __m512 r[16];
                for (int j = 0; j < 16; j++) r[j] = _mm512_loadu_ps(a + (i0 + j) * lda + k0);
                ck_transpose16(r);
                for (int c = 0; c < 16; c++) _mm512_storeu_ps(out + (k0 + c) * M + i0, r[c]);
            } else {
                for (long r = 0; r < rows; r++)
                    for (long c = 0; c < cols; c++) out[(k0 + c) * M + i0 + r] = a[(i0 + r) * lda + k0 + c];
            }
        }
    }
}

static CK_AVX512 int sgemmAVX512(int transA, int transB, long m, long n, long k, float alpha,
                                 const float *a, long lda, const float *b, long ldb,
                                 float beta, float *c, long ldc, const float *bias, const ck_adam_update *adam) {
    Product p = {0};
    p.adam = adam;
    if (adam && (transB || k > 256)) return 0;  // Adam needs the plain, whole-k sum in place
    p.alpha = alpha;
    p.beta = beta;
    // Where OpenBLAS measured faster (Xeon, AVX-512), leave the product to it: transposed-B
    // products with few output columns (a one-channel convolution's weight gradient, where
    // packing op(A)ᵀ costs more than the product).
    if (transB && !transA && n < 256 && (m > 64 || k > 2048)) return 0;
    if (!transB) {
        // X = op(A) in place, Y = B in place.
        p.x = a; p.xRowStride = transA ? 1 : lda; p.xKStride = transA ? lda : 1;
        p.y = b; p.ldy = ldb;
        p.c = c; p.ldc = ldc; p.bias = bias;
        int rows = adam ? ADAM_ROWS : 8;
        if (n >= 1024) {
            // X is read once per 48 columns: pack it (M·K floats) so its reads are contiguous.
            float *packed = packSpace(((m + rows - 1) / rows) * rows * k);
            if (!packed) return 0;
            packTiles(m, k, a, p.xRowStride, p.xKStride, rows, packed);
            p.x = packed; p.xRowStride = 1; p.xKStride = rows; p.xTileStride = rows * k;
        }
        // Y in L2 (K·N ≤ 128k floats): row tiles outer. Else column panels, in blocks of 768
        // columns when C is tall (a convolution's column matrix, 1024 rows and more).
        long columnBlock = k * n * 4 <= (512 << 10) ? n : m > 256 ? 768 : 48;
        // k in one block, so C is written in one pass (a 64×12544 output, a column matrix).
        p.stream = k <= 256 && ck_streams_output(adam, beta, m, n);
        if (adam) {
            PendingAdam pending = {.rows = 0, .row = 0};
            const AdamVectors vectors = ck_adam_vectors(adam->beta1, adam->beta2, adam->epsilon, adam->stepSize,
                                                        adam->invRoot);
            multiply(m, n, k, p, ADAM_ROWS, 3, k, columnBlock, &pending, &vectors);
            applyAllPending(&pending, &vectors, adam);
        } else {
            multiply(m, n, k, p, 8, 3, 256, columnBlock, 0, 0);
        }
        if (p.stream) _mm_sfence();
        return 1;
    }
    // Cᵀ[n×m] = op(B)ᵀ·op(A)ᵀ: X[r, k] = B[r, k] in place; Y = op(A)ᵀ, in place when transA.
    if (bias) return 0;
    p.x = b; p.xRowStride = ldb; p.xKStride = 1;
    if (transA) {
        p.y = a; p.ldy = lda;
    } else {
        float *packed = packSpace(k * m);
        if (!packed) return 0;
        transposeInto(m, k, a, lda, packed);
        p.y = packed; p.ldy = m;
    }
    p.c = c; p.ldc = ldc; p.transposedC = 1;
    // Long k runs in blocks of 1024 (Y's block stays in L2); shorter ones in one pass, as each
    // transposed store costs more than a tile reload saves.
    multiply(n, m, k, p, m <= 64 ? 6 : 8, m <= 64 ? 4 : 3, k > 2048 ? 1024 : k, m, 0, 0);
    return 1;
}
#endif

int ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
             const float *a, long lda, const float *b, long ldb,
             float beta, float *c, long ldc, const float *bias) {
#if defined(__x86_64__)
    if (!ck_avx512_available() || m <= 0 || n <= 0 || k <= 0) return 0;
    return sgemmAVX512(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, 0);
#else
    return 0;
#endif
}

int ck_sgemm_adam(int transA, int transB, long m, long n, long k,
                  const float *a, long lda, const float *b, long ldb, const ck_adam_update *update) {
#if defined(__x86_64__)
    if (!ck_avx512_available() || m <= 0 || n <= 0 || k <= 0) return 0;
    // C's addressing is the weights' (only its offsets are used: nothing is stored to it).
    return sgemmAVX512(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, update->weights, update->ld, 0, update);
#else
    return 0;
#endif
}
