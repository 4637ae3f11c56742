namespace NeuronSim.Network.Data;

/// <summary>
/// TensorFlow Playground's classification data (circle, two Gaussians, spiral, XOR), drawn from a
/// seeded <see cref="Random"/>. The Playground's labels 1 and -1 become 1 and 0. Each generator
/// draws the same random numbers whatever the noise, so one seed gives the same underlying points
/// at every noise level: noise moves points (gauss, spiral) or flips labels near the class edge
/// (circle, xor-quadrants), as in the Playground.
/// </summary>
public static class PlaygroundSets
{
    /// <summary>Radius of the circle set's outer ring; class 1 lies within half of it.</summary>
    public const double CircleRadius = 5;

    /// <summary>Half-width of the xor-quadrants square before the padding.</summary>
    public const double XorHalfWidth = 5;

    /// <summary>How far xor-quadrants points are pushed away from the axes.</summary>
    public const double XorPadding = 0.3;

    /// <summary>Outer radius of the spirals.</summary>
    public const double SpiralRadius = 5;

    /// <summary>
    /// Circle: ceil(n/2) points uniform in radius within [0, 2.5] and n/2 in the ring [3.5, 5],
    /// both at a uniform angle; a point's label is 1 if it lies within 2.5 of the origin after
    /// a shift of up to ±5·noise on each axis, else 0.
    /// </summary>
    public static DataSet Circle(int n, double noise, int seed)
    {
        var random = new Random(seed);
        var points = new PointList(n);
        void Ring(int count, double from, double to)
        {
            for (var i = 0; i < count; i++)
            {
                var r = Uniform(random, from, to);
                var angle = Uniform(random, 0, 2 * Math.PI);
                var x = r * Math.Sin(angle);
                var y = r * Math.Cos(angle);
                var noiseX = Uniform(random, -CircleRadius, CircleRadius) * noise;
                var noiseY = Uniform(random, -CircleRadius, CircleRadius) * noise;
                var inside = Math.Sqrt((x + noiseX) * (x + noiseX) + (y + noiseY) * (y + noiseY)) < CircleRadius * 0.5;
                points.Add(x, y, inside ? 1 : 0);
            }
        }
        Ring(n - n / 2, 0, CircleRadius * 0.5);
        Ring(n / 2, CircleRadius * 0.7, CircleRadius);
        return points.ToDataSet("circle");
    }

    /// <summary>
    /// Two Gaussian blobs: ceil(n/2) points around (2, 2) with label 1, n/2 around (-2, -2) with
    /// label 0; the variance of each coordinate goes linearly from 0.5 (noise 0) to 4 (noise 0.5).
    /// </summary>
    public static DataSet Gauss(int n, double noise, int seed)
    {
        var random = new Random(seed);
        var points = new PointList(n);
        var variance = 0.5 + noise / 0.5 * (4 - 0.5);
        void Blob(int count, double centre, int label)
        {
            for (var i = 0; i < count; i++)
            {
                var x = Normal(random, centre, variance);
                var y = Normal(random, centre, variance);
                points.Add(x, y, label);
            }
        }
        Blob(n - n / 2, 2, 1);
        Blob(n / 2, -2, 0);
        return points.ToDataSet("gauss");
    }

    /// <summary>
    /// Two interleaved spirals of 1.75 turns out to radius 5: point i of m on a spiral lies at
    /// r = 5i/m, angle t = 3.5πi/m (+π for the second), (r sin t, r cos t), moved by up to ±noise
    /// on each axis. ceil(n/2) points with label 1, then n/2 with label 0.
    /// </summary>
    public static DataSet Spiral(int n, double noise, int seed)
    {
        var random = new Random(seed);
        var points = new PointList(n);
        void Arm(int count, double turn, int label)
        {
            for (var i = 0; i < count; i++)
            {
                var r = (double)i / count * SpiralRadius;
                var t = 1.75 * i / count * 2 * Math.PI + turn;
                var x = r * Math.Sin(t) + Uniform(random, -1, 1) * noise;
                var y = r * Math.Cos(t) + Uniform(random, -1, 1) * noise;
                points.Add(x, y, label);
            }
        }
        Arm(n - n / 2, 0, 1);
        Arm(n / 2, Math.PI, 0);
        return points.ToDataSet("spiral");
    }

    /// <summary>
    /// The Playground's XOR: n points uniform in [-5, 5]^2, each coordinate pushed 0.3 away from
    /// zero; label 1 if x0·x1 &gt;= 0 after a shift of up to ±5·noise on each axis, else 0.
    /// </summary>
    public static DataSet XorQuadrants(int n, double noise, int seed)
    {
        var random = new Random(seed);
        var points = new PointList(n);
        for (var i = 0; i < n; i++)
        {
            var x = Uniform(random, -XorHalfWidth, XorHalfWidth);
            x += x > 0 ? XorPadding : -XorPadding;
            var y = Uniform(random, -XorHalfWidth, XorHalfWidth);
            y += y > 0 ? XorPadding : -XorPadding;
            var noiseX = Uniform(random, -XorHalfWidth, XorHalfWidth) * noise;
            var noiseY = Uniform(random, -XorHalfWidth, XorHalfWidth) * noise;
            points.Add(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0);
        }
        return points.ToDataSet("xor-quadrants");
    }

    private static double Uniform(Random random, double from, double to) => random.NextDouble() * (to - from) + from;

    /// <summary>One sample of N(mean, variance) by the polar (Marsaglia) method, as the Playground draws it.</summary>
    private static double Normal(Random random, double mean, double variance)
    {
        double v1, s;
        do
        {
            v1 = 2 * random.NextDouble() - 1;
            var v2 = 2 * random.NextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        return mean + Math.Sqrt(variance) * Math.Sqrt(-2 * Math.Log(s) / s) * v1;
    }

    /// <summary>Columns filled point by point.</summary>
    private sealed class PointList(int capacity)
    {
        private readonly List<double> _x0 = new(capacity), _x1 = new(capacity), _labels = new(capacity);

        public void Add(double x0, double x1, int label)
        {
            _x0.Add(x0);
            _x1.Add(x1);
            _labels.Add(label);
        }

        public DataSet ToDataSet(string name) => new(name, [.. _x0], [.. _x1], [.. _labels]);
    }
}
