namespace MlRisk.Core.Modeling;

/// <summary>
/// OLS by the normal equations, beta = (X'X)^-1 X'y, solved with a Cholesky factorisation X'X = L L'.
/// Hand-written because the systems here are at most 6×6 (HAR-X): a linear-algebra package would add a
/// dependency for thirty lines of arithmetic. The regressors are scaled volatilities of similar magnitude,
/// so the normal equations are well conditioned; a singular design fails loudly instead of returning noise.
/// </summary>
public static class OrdinaryLeastSquares
{
    /// <param name="design">rows × <paramref name="columns"/> regressors, row-major, the intercept column included.</param>
    /// <param name="target">one value per row.</param>
    public static double[] Fit(ReadOnlySpan<double> design, int columns, ReadOnlySpan<double> target)
    {
        var rows = target.Length;
        if (design.Length != rows * columns) throw new ArgumentException($"design has {design.Length} values, expected {rows} × {columns}");
        if (rows < columns) throw new ArgumentException($"OLS needs at least {columns} rows, got {rows}");

        var xtx = new double[columns * columns];
        var xty = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = design.Slice(r * columns, columns);
            for (var i = 0; i < columns; i++)
            {
                xty[i] += row[i] * target[r];
                for (var j = 0; j <= i; j++) xtx[i * columns + j] += row[i] * row[j];
            }
        }

        var lower = new double[columns * columns];
        for (var i = 0; i < columns; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = xtx[i * columns + j];
                for (var k = 0; k < j; k++) sum -= lower[i * columns + k] * lower[j * columns + k];
                if (i == j)
                {
                    if (sum <= 1e-12 * Math.Max(1.0, xtx[i * columns + i]))
                    {
                        throw new ArgumentException(
                            $"OLS design is singular at regressor {i}: a column is constant or a combination of the others");
                    }
                    lower[i * columns + i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i * columns + j] = sum / lower[j * columns + j];
                }
            }
        }

        // Forward substitution L z = X'y, then back substitution L' beta = z.
        var z = new double[columns];
        for (var i = 0; i < columns; i++)
        {
            var sum = xty[i];
            for (var k = 0; k < i; k++) sum -= lower[i * columns + k] * z[k];
            z[i] = sum / lower[i * columns + i];
        }
        var beta = new double[columns];
        for (var i = columns - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < columns; k++) sum -= lower[k * columns + i] * beta[k];
            beta[i] = sum / lower[i * columns + i];
        }
        return beta;
    }
}
