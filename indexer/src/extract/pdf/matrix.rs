//! Affine transformation matrices in PDF's row-vector convention, `[a b c d e f]`.

/// A 2D affine transformation `[a b c d e f]` mapping (x, y) to (ax + cy + e, bx + dy + f).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Matrix(pub(super) [f32; 6]);

impl Matrix {
    /// The identity transformation.
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// Returns `self` followed by `other` (the PDF product `self × other`).
    pub(super) fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// Maps a point.
    pub(super) fn transform(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Returns the unit vector of the transformed x axis, (1, 0) if it is degenerate.
    pub(super) fn direction(&self) -> (f32, f32) {
        let (a, b) = (self.0[0], self.0[1]);
        let len = a.hypot(b);
        if len > 1e-9 && len.is_finite() { (a / len, b / len) } else { (1.0, 0.0) }
    }

    /// Returns the transformation from user space to device space (points, y down, origin at
    /// the top left of the visible page) for a page box and a `/Rotate` value.
    pub(super) fn for_page(bx: [f32; 4], rotate: i64) -> (Matrix, f32, f32) {
        let [x0, y0, x1, y1] = bx;
        let (w, h) = (x1 - x0, y1 - y0);
        match rotate.rem_euclid(360) {
            90 => (Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]), h, w),
            180 => (Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]), w, h),
            270 => (Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]), h, w),
            _ => (Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]), w, h),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_matrices_put_the_top_left_corner_at_the_origin() {
        let bx = [0.0, 0.0, 600.0, 800.0];
        let (m, w, h) = Matrix::for_page(bx, 0);
        assert_eq!((m.transform(0.0, 800.0), w, h), ((0.0, 0.0), 600.0, 800.0));
        let (m, w, h) = Matrix::for_page(bx, 90);
        // Rotated clockwise, the page's top left corner moves to the top right.
        assert_eq!((m.transform(0.0, 800.0), w, h), ((800.0, 0.0), 800.0, 600.0));
        let (m, _, _) = Matrix::for_page(bx, 270);
        assert_eq!(m.transform(600.0, 800.0), (0.0, 0.0));
    }

    #[test]
    fn then_composes_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix([1.0, 0.0, 0.0, 1.0, 10.0, 0.0]);
        assert_eq!(scale.then(&shift).transform(1.0, 1.0), (12.0, 2.0));
    }
}
