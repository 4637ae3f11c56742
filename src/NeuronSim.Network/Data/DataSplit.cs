using System.Globalization;

namespace NeuronSim.Network.Data;

/// <summary>
/// A data set split into the points training sees and the held-out points it is tested on.
/// Both halves keep the whole set's name and <see cref="DataSet.Bounds"/>, so plots of either
/// cover the same domain.
/// </summary>
/// <param name="Train">The points training uses.</param>
/// <param name="Test">The held-out points, or the training set itself when <see cref="TestIsTraining"/>.</param>
/// <param name="TestIsTraining">True for a test ratio of 0 (the lab's way): "test" numbers are training numbers, and output should say so.</param>
public sealed record DataSplit(DataSet Train, DataSet Test, bool TestIsTraining)
{
    /// <summary>
    /// Splits <paramref name="data"/> at random (from <paramref name="seed"/>), stratified: each
    /// label gives round(count · <paramref name="testRatio"/>) of its points to the test set,
    /// keeping at least one point of it for training; when that leaves the test set empty, one
    /// point of the larger class is held out. Both halves keep the original order of the points.
    /// A ratio of 0 gives the whole set as both halves, flagged <see cref="TestIsTraining"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="testRatio"/> is not in [0, 1), or a ratio above 0 with fewer than 2 points.</exception>
    public static DataSplit Split(DataSet data, double testRatio, int seed)
    {
        if (!(testRatio >= 0 && testRatio < 1))
        {
            throw new ArgumentException($"test ratio must be at least 0 and below 1, got {testRatio.ToString(CultureInfo.InvariantCulture)}");
        }
        if (testRatio == 0) return new DataSplit(data, data, TestIsTraining: true);
        if (data.Count < 2) throw new ArgumentException("a held-out test set needs a data set of at least 2 points");

        var random = new Random(seed);
        var held = new bool[data.Count];
        var classes = new[] { 0, 1 }
            .Select(label => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray())
            .ToArray();
        var heldCount = 0;
        foreach (var members in classes)
        {
            random.Shuffle(members);
            var take = Math.Min((int)Math.Round(members.Length * testRatio, MidpointRounding.AwayFromZero), members.Length - 1);
            for (var k = 0; k < take; k++) held[members[k]] = true;
            heldCount += Math.Max(take, 0);
        }
        if (heldCount == 0)
        {
            var larger = classes[0].Length >= classes[1].Length ? classes[0] : classes[1];
            held[larger[0]] = true;
        }
        var train = Enumerable.Range(0, data.Count).Where(i => !held[i]).ToArray();
        var test = Enumerable.Range(0, data.Count).Where(i => held[i]).ToArray();
        return new DataSplit(data.Select(train), data.Select(test), TestIsTraining: false);
    }
}
