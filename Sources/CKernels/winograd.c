// Winograd F(2×2, 2×2) transforms for the 4×4, stride-2, padding-1 convolution (the DCGAN's
// down- and up-sampling layers), on batch-last planes x[C][H][W][N] with H = 2·OH, W = 2·OW.
//
// Split by phase (ki = 2a + p, kj = 2b + q), that convolution is a sum of four stride-1 2×2
// convolutions over the phase planes Z_pq(i, j) = x(2i + p − 1, 2j + q − 1), zero outside the
// image, so it reads K = 4C rows κ = 4c + 2p + q. Each 2×2 output tile (ti, tj) then takes
// M = U ⊙ V in 9 products per (o, κ) instead of 16 (the 1-D form: y0 = g0·d0 + g1·d1 =
// g0(d0 − d1) + (g0 + g1)d1, y1 = g0·d1 + g1·d2 = (g0 + g1)d1 + g1(d2 − d1)):
//   V = Bᵀ·d·B with Bᵀ = [1 −1 0; 0 1 0; 0 −1 1] on the 3×3 input patch d = Z(2ti + r, 2tj + s),
//   U = G·g·Gᵀ with G = [1 0; 1 1; 0 1] on the 2×2 kernel g = w[o][c][2a + p][2b + q],
//   y = Aᵀ·M·A with Aᵀ = [1 1 0; 0 1 1].
// Matrices are [9][rows][T·N] with T = TH·TW tiles (TH = ⌈OH/2⌉), column t·N + n, ξ = 3r + s;
// the nine lie `ck_wino_matrix_stride` floats apart, 64 bytes more than rows·T·N, so the nine
// streams a transform reads or writes at once do not all fall in the same L1 sets (4 KB
// aliasing: this alone took the input transform from 0.61 to 0.35 ms at the DCGAN's size).
// Every transform is adds over the N lanes of a pixel; the three products per convolution
// (forward, weight gradient, input gradient) are 9 GEMMs each, done by the caller.
#include "CKernels.h"
#include "avx512.h"

// Lanes are processed in chunks, so a missing pixel reads `zeros` and a dropped one writes to a
// chunk of scratch on the stack.
#define CHUNK 512
static const float zeros[CHUNK];

typedef struct {
    long outHeight, outWidth, tilesHigh, tilesWide, n;
} Shape;

long ck_wino_matrix_stride(long rows, long length) { return rows * length + 16; }

static Shape shapeOf(long outHeight, long outWidth, long n) {
    Shape s = {outHeight, outWidth, (outHeight + 1) / 2, (outWidth + 1) / 2, n};
    return s;
}

// Where tile (ti, tj) of the phase plane (p, q) of channel c reads and writes, lanes from n0:
// the offsets of its 3×3 patch in the planes x[C][H][W][N] (−1 past the image's edge), and of
// its nine values in the nine matrices of rows 4C.
CK_INLINE void patchOffsets(Shape s, long channels, long c, int p, int q, long ti, long tj, long n0, long pixel[9],
                            long matrix[9]) {
    long height = 2 * s.outHeight, width = 2 * s.outWidth;
    long length = s.tilesHigh * s.tilesWide * s.n, stride = ck_wino_matrix_stride(4 * channels, length);
    for (int r = 0; r < 3; r++)
        for (int t = 0; t < 3; t++) {
            long h = 2 * (2 * ti + r) + p - 1, w = 2 * (2 * tj + t) + q - 1;
            pixel[3 * r + t] = h >= 0 && h < height && w >= 0 && w < width ? ((c * height + h) * width + w) * s.n + n0
                                                                           : -1;
            matrix[3 * r + t] = (3 * r + t) * stride + (4 * c + 2 * p + q) * length + (ti * s.tilesWide + tj) * s.n + n0;
        }
}

// The same for tile (ti, tj) of grid channel o: its 2×2 pixels in y[O][OH][OW][N] (−1 past the
// grid's edge) and its nine values in the nine matrices of `rows` rows.
CK_INLINE void tileOffsets(Shape s, long rows, long o, long ti, long tj, long n0, long pixel[4], long matrix[9]) {
    long length = s.tilesHigh * s.tilesWide * s.n, stride = ck_wino_matrix_stride(rows, length);
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++) {
            long oh = 2 * ti + a, ow = 2 * tj + b;
            pixel[2 * a + b] = oh < s.outHeight && ow < s.outWidth ? ((o * s.outHeight + oh) * s.outWidth + ow) * s.n + n0
                                                                 : -1;
        }
    for (int xi = 0; xi < 9; xi++) matrix[xi] = xi * stride + o * length + (ti * s.tilesWide + tj) * s.n + n0;
}

// V for channels [c0, c1).
CK_INLINE void inputBody(const float *x, long channels, Shape s, long c0, long c1, float *v) {
    for (long c = c0; c < c1; c++)
        for (int p = 0; p < 2; p++)
            for (int q = 0; q < 2; q++)
                for (long ti = 0; ti < s.tilesHigh; ti++)
                    for (long tj = 0; tj < s.tilesWide; tj++)
                        for (long n0 = 0; n0 < s.n; n0 += CHUNK) {
                            long lanes = s.n - n0 < CHUNK ? s.n - n0 : CHUNK, pixel[9], matrix[9];
                            patchOffsets(s, channels, c, p, q, ti, tj, n0, pixel, matrix);
                            const float *d[9];
                            float *out[9];
                            for (int xi = 0; xi < 9; xi++) {
                                d[xi] = pixel[xi] >= 0 ? x + pixel[xi] : zeros;
                                out[xi] = v + matrix[xi];
                            }
#pragma clang loop vectorize(assume_safety)
                            for (long i = 0; i < lanes; i++) {
                                float e00 = d[0][i] - d[3][i], e01 = d[1][i] - d[4][i], e02 = d[2][i] - d[5][i];
                                float e10 = d[3][i], e11 = d[4][i], e12 = d[5][i];
                                float e20 = d[6][i] - d[3][i], e21 = d[7][i] - d[4][i], e22 = d[8][i] - d[5][i];
                                out[0][i] = e00 - e01; out[1][i] = e01; out[2][i] = e02 - e01;
                                out[3][i] = e10 - e11; out[4][i] = e11; out[5][i] = e12 - e11;
                                out[6][i] = e20 - e21; out[7][i] = e21; out[8][i] = e22 - e21;
                            }
                        }
}

// y[O][OH][OW][N] for rows [o0, o1).
CK_INLINE void outputBody(const float *m, long rows, Shape s, long o0, long o1, float *y) {
    float scratch[CHUNK];  // the tiles' outputs past the grid's edge, never read
    for (long o = o0; o < o1; o++)
        for (long ti = 0; ti < s.tilesHigh; ti++)
            for (long tj = 0; tj < s.tilesWide; tj++)
                for (long n0 = 0; n0 < s.n; n0 += CHUNK) {
                    long lanes = s.n - n0 < CHUNK ? s.n - n0 : CHUNK, pixel[4], matrix[9];
                    tileOffsets(s, rows, o, ti, tj, n0, pixel, matrix);
                    const float *in[9];
                    float *out[4];
                    for (int xi = 0; xi < 9; xi++) in[xi] = m + matrix[xi];
                    for (int k = 0; k < 4; k++) out[k] = pixel[k] >= 0 ? y + pixel[k] : scratch;
#pragma clang loop vectorize(assume_safety)
                    for (long i = 0; i < lanes; i++) {
                        float f00 = in[0][i] + in[3][i], f01 = in[1][i] + in[4][i], f02 = in[2][i] + in[5][i];
                        float f10 = in[3][i] + in[6][i], f11 = in[4][i] + in[7][i], f12 = in[5][i] + in[8][i];
                        out[0][i] = f00 + f01; out[1][i] = f01 + f02;
                        out[2][i] = f10 + f11; out[3][i] = f11 + f12;
                    }
                }
}

// dM = A·dY·Aᵀ for grid rows [o0, o1) (the adjoint of `outputBody`).
CK_INLINE void gridGradientBody(const float *dy, long rows, Shape s, long o0, long o1, float *dm) {
    for (long o = o0; o < o1; o++)
        for (long ti = 0; ti < s.tilesHigh; ti++)
            for (long tj = 0; tj < s.tilesWide; tj++)
                for (long n0 = 0; n0 < s.n; n0 += CHUNK) {
                    long lanes = s.n - n0 < CHUNK ? s.n - n0 : CHUNK, pixel[4], matrix[9];
                    tileOffsets(s, rows, o, ti, tj, n0, pixel, matrix);
                    const float *g[4];
                    float *out[9];
                    for (int k = 0; k < 4; k++) g[k] = pixel[k] >= 0 ? dy + pixel[k] : zeros;
                    for (int xi = 0; xi < 9; xi++) out[xi] = dm + matrix[xi];
#pragma clang loop vectorize(assume_safety)
                    for (long i = 0; i < lanes; i++) {
                        float h00 = g[0][i], h01 = g[1][i];
                        float h10 = g[0][i] + g[2][i], h11 = g[1][i] + g[3][i];
                        float h20 = g[2][i], h21 = g[3][i];
                        out[0][i] = h00; out[1][i] = h00 + h01; out[2][i] = h01;
                        out[3][i] = h10; out[4][i] = h10 + h11; out[5][i] = h11;
                        out[6][i] = h20; out[7][i] = h20 + h21; out[8][i] = h21;
                    }
                }
}

// dx[C][H][W][N] = B·dV·Bᵀ summed over the overlapping tiles, from initial[c] (or 0), for
// channels [c0, c1) (the adjoint of `inputBody`). Each channel sums in one fixed order.
CK_INLINE void planeGradientBody(const float *dv, long channels, Shape s, const float *initial, long c0, long c1,
                                 float *dx) {
    long plane = 4 * s.outHeight * s.outWidth * s.n;
    float scratch[CHUNK] = {0};  // zeroed: the plane gradient adds into it, and stale bits could be denormals
    for (long c = c0; c < c1; c++) {
        float start = initial ? initial[c] : 0;
        for (long i = 0; i < plane; i++) dx[c * plane + i] = start;
        for (int p = 0; p < 2; p++)
            for (int q = 0; q < 2; q++)
                for (long ti = 0; ti < s.tilesHigh; ti++)
                    for (long tj = 0; tj < s.tilesWide; tj++)
                        for (long n0 = 0; n0 < s.n; n0 += CHUNK) {
                            long lanes = s.n - n0 < CHUNK ? s.n - n0 : CHUNK, pixel[9], matrix[9];
                            patchOffsets(s, channels, c, p, q, ti, tj, n0, pixel, matrix);
                            const float *in[9];
                            float *out[9];
                            for (int xi = 0; xi < 9; xi++) {
                                in[xi] = dv + matrix[xi];
                                out[xi] = pixel[xi] >= 0 ? dx + pixel[xi] : scratch;
                            }
                            // One tile's nine sums in a fixed order; tiles overlap on their edges. Pixels
                            // outside the image all go to `scratch`, whose contents are never read.
#pragma clang loop vectorize(assume_safety)
                            for (long i = 0; i < lanes; i++) {
                                float e00 = in[0][i], e02 = in[2][i], e01 = in[1][i] - in[0][i] - in[2][i];
                                float e10 = in[3][i], e12 = in[5][i], e11 = in[4][i] - in[3][i] - in[5][i];
                                float e20 = in[6][i], e22 = in[8][i], e21 = in[7][i] - in[6][i] - in[8][i];
                                out[0][i] += e00; out[1][i] += e01; out[2][i] += e02;
                                out[3][i] += e10 - e00 - e20; out[4][i] += e11 - e01 - e21; out[5][i] += e12 - e02 - e22;
                                out[6][i] += e20; out[7][i] += e21; out[8][i] += e22;
                            }
                        }
    }
}

// u[9][O][4C] = G·g·Gᵀ of w[O][C][4][4]: U[r][t] sums g[a][b] over a ∈ taps(r), b ∈ taps(t),
// with taps 0 → {0}, 1 → {0, 1}, 2 → {1} (G's rows). One matrix ξ at a time: the nine lie
// O·4C floats apart (a multiple of 4 KB at the DCGAN's sizes), and writing all nine at once
// thrashed L1's sets (0.60 ms against 0.09).
static void weightsBody(const float *w, long rows, long channels, long xi0, long xi1, float *u) {
    long k = 4 * channels;
    for (long xi = xi0; xi < xi1; xi++) {
        int r = (int)(xi / 3), t = (int)(xi % 3);
        float *out = u + xi * rows * k;
        int aFirst = r == 2, aLast = r != 0, bFirst = t == 2, bLast = t != 0;
        for (long o = 0; o < rows; o++)
            for (long c = 0; c < channels; c++) {
                const float *kernel = w + (o * channels + c) * 16;
                for (int p = 0; p < 2; p++)
                    for (int q = 0; q < 2; q++) {
                        float sum = 0;
                        for (int a = aFirst; a <= aLast; a++)
                            for (int b = bFirst; b <= bLast; b++) sum += kernel[(2 * a + p) * 4 + 2 * b + q];
                        out[o * k + 4 * c + 2 * p + q] = sum;
                    }
            }
    }
}

// dw[O][C][4][4] = Gᵀ·dU·G (+ beta·dw) of du[9][O][4C] (the adjoint of `weightsBody`).
static void weightGradientBody(const float *du, long rows, long channels, float beta, float *dw) {
    long k = 4 * channels;
    for (long o = 0; o < rows; o++)
        for (long c = 0; c < channels; c++)
            for (int p = 0; p < 2; p++)
                for (int q = 0; q < 2; q++) {
                    float d[3][3];
                    for (int xi = 0; xi < 9; xi++) d[xi / 3][xi % 3] = du[(xi * rows + o) * k + 4 * c + 2 * p + q];
                    float h[3][2];
                    for (int r = 0; r < 3; r++) {
                        h[r][0] = d[r][0] + d[r][1];
                        h[r][1] = d[r][1] + d[r][2];
                    }
                    float g[2][2] = {{h[0][0] + h[1][0], h[0][1] + h[1][1]}, {h[1][0] + h[2][0], h[1][1] + h[2][1]}};
                    float *kernel = dw + (o * channels + c) * 16;
                    for (int a = 0; a < 2; a++)
                        for (int b = 0; b < 2; b++) {
                            float *target = kernel + (2 * a + p) * 4 + 2 * b + q;
                            *target = beta == 0 ? g[a][b] : g[a][b] + beta * *target;
                        }
                }
}

// The lane loops compiled twice: for AVX-512 where the CPU has it, else for the baseline ISA.
#if defined(__x86_64__)
#define FAST(name) CK_AVX512 name##Fast
#define USE_FAST ck_avx512_available()
#else
#define FAST(name) name##Fast
#define USE_FAST 0
#endif

static FAST(void input)(const float *x, long channels, Shape s, long c0, long c1, float *v) {
    inputBody(x, channels, s, c0, c1, v);
}
static void inputPortable(const float *x, long channels, Shape s, long c0, long c1, float *v) {
    inputBody(x, channels, s, c0, c1, v);
}
static FAST(void output)(const float *m, long rows, Shape s, long o0, long o1, float *y) {
    outputBody(m, rows, s, o0, o1, y);
}
static void outputPortable(const float *m, long rows, Shape s, long o0, long o1, float *y) {
    outputBody(m, rows, s, o0, o1, y);
}
static FAST(void gridGradient)(const float *dy, long rows, Shape s, long o0, long o1, float *dm) {
    gridGradientBody(dy, rows, s, o0, o1, dm);
}
static void gridGradientPortable(const float *dy, long rows, Shape s, long o0, long o1, float *dm) {
    gridGradientBody(dy, rows, s, o0, o1, dm);
}
static FAST(void planeGradient)(const float *dv, long channels, Shape s, const float *initial, long c0, long c1,
                                float *dx) {
    planeGradientBody(dv, channels, s, initial, c0, c1, dx);
}
static void planeGradientPortable(const float *dv, long channels, Shape s, const float *initial, long c0, long c1,
                                  float *dx) {
    planeGradientBody(dv, channels, s, initial, c0, c1, dx);
}

void ck_wino_input(const float *x, long channels, long outHeight, long outWidth, long n, long c0, long c1,
                   float *v) {
    Shape s = shapeOf(outHeight, outWidth, n);
    if (USE_FAST) inputFast(x, channels, s, c0, c1, v); else inputPortable(x, channels, s, c0, c1, v);
}

void ck_wino_output(const float *m, long rows, long outHeight, long outWidth, long n, long o0, long o1, float *y) {
    Shape s = shapeOf(outHeight, outWidth, n);
    if (USE_FAST) outputFast(m, rows, s, o0, o1, y); else outputPortable(m, rows, s, o0, o1, y);
}

void ck_wino_grid_gradient(const float *dy, long rows, long outHeight, long outWidth, long n, long o0, long o1,
                           float *dm) {
    Shape s = shapeOf(outHeight, outWidth, n);
    if (USE_FAST) gridGradientFast(dy, rows, s, o0, o1, dm); else gridGradientPortable(dy, rows, s, o0, o1, dm);
}

void ck_wino_plane_gradient(const float *dv, long channels, long outHeight, long outWidth, long n,
                            const float *initial, long c0, long c1, float *dx) {
    Shape s = shapeOf(outHeight, outWidth, n);
    if (USE_FAST) planeGradientFast(dv, channels, s, initial, c0, c1, dx);
    else planeGradientPortable(dv, channels, s, initial, c0, c1, dx);
}

void ck_wino_weights(const float *w, long rows, long channels, long xi0, long xi1, float *u) {
    weightsBody(w, rows, channels, xi0, xi1, u);
}

void ck_wino_weight_gradient(const float *du, long rows, long channels, float beta, float *dw) {
    weightGradientBody(du, rows, channels, beta, dw);
}
